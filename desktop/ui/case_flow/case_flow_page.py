"""CaseFlowPage: the guided case flow — step list, one page per step, autosave, actions."""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_paths import FieldPath, as_path
from desktop.flow.steps import STEPS, Step
from desktop.ui.case_flow.applicant_page import ApplicantPage
from desktop.ui.case_flow.circumstances_page import CircumstancesPage
from desktop.ui.case_flow.claims_page import ClaimsPage
from desktop.ui.case_flow.entry_page import EntryPage
from desktop.ui.case_flow.journey_page import JourneyPage
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.memo_page import MemoPage
from desktop.ui.case_flow.officer_dialogs import amendment_dialog
from desktop.ui.case_flow.review_page import ReviewPage
from desktop.ui.case_flow.step_list_model import StepListModel
from desktop.ui.context import UiServices
from desktop.ui.office.conflicts import CaseConflictError, open_merge_dialog
from desktop.ui.office.review_panel import attach_review
from desktop.ui.widgets.focus_order import chain_tab_order, step_in_chain
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import TextLineEdit

if TYPE_CHECKING:
    from desktop.services.decision import DecisionDate

AUTOSAVE_DELAY_MS = 500
# Work split over event-loop turns waits on a 1 ms timer, not 0: a zero timeout is a posted
# call, which runs before the painting and input already waiting; a timer comes after them.
NEXT_TURN_MS = 1
BUILD_WAIT_MS, MAX_BUILD_WAITS = 50, 40  # pages built ahead wait up to 2 s for an idle runner


def later(owner: QObject, callback: Callable[[], None], delay_ms: int = NEXT_TURN_MS) -> None:
    """Run `callback` in a later event-loop turn, if `owner` still exists then."""
    QTimer.singleShot(delay_ms, while_alive(owner, callback))


_PAGE_CLASSES: dict[Step, Any] = {
    Step.APPLICANT: ApplicantPage,
    Step.ENTRY: EntryPage,
    Step.JOURNEY: JourneyPage,
    Step.PROTECTION_CLAIMS: ClaimsPage,
    Step.CIRCUMSTANCES: CircumstancesPage,
}


class _LazyPages(dict[Step, Any]):
    """Builds a step's page the first time it is asked for."""

    def __init__(self, build: Callable[[Step], Any]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, step: Step) -> Any:
        page = self._build(step)
        self[step] = page
        return page


class DraftWriter:
    """Writes drafts from worker threads one at a time, never letting an older one win."""

    def __init__(self, services: UiServices, case_id: str) -> None:
        self._cases = services.cases
        self._case_id = case_id
        self._lock = threading.Lock()
        self._written = 0
        self.version: int | None = None  # the stored version this editor builds on
        self.base: dict[str, Any] = {}  # the case file as that version holds it

    def write(self, generation: int, case_data: dict[str, Any]) -> bool:
        with self._lock:
            if generation <= self._written:
                return False
            if self.version is None:
                self._cases.save_draft(self._case_id, case_data)
            else:
                self.version = self._cases.save_version(self._case_id, case_data, self.version)
                self.base = case_data
            self._written = generation
            return True


class CaseFlowPage(QWidget):
    """Edits one stored case step by step; every change is saved in the background."""

    case_saved = Signal(str)
    closed = Signal()
    loaded = Signal()  # the stored case is on screen
    load_failed = Signal(str)
    step_changed = Signal(object)  # Step
    save_failed = Signal(str)

    def __init__(self, services: UiServices, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.flow = CaseFlow()
        self.is_loaded = False
        self._edit_generation = 0
        self._saved_generation = 0
        self._dispatched_generation = 0
        self._saving = False
        self._writer = DraftWriter(services, case_id)
        self.setAccessibleName("Case")

        self.step_model = StepListModel(self.flow, self)
        self.step_list = QListView(self)
        self.step_list.setModel(self.step_model)
        self.step_list.setAccessibleName("Steps")
        self.step_list.setAccessibleDescription(
            "Up and Down open a step; Enter moves to its first field; F6 comes back here"
        )
        self.step_list.setFixedWidth(250)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip says it all
        self.step_list.installEventFilter(self)
        self.step_list.setSpacing(2)
        self.step_list.activated.connect(self._on_step_activated)
        self.step_list.clicked.connect(self._on_step_activated)
        self.step_list.selectionModel().currentChanged.connect(self._on_step_browsed)

        self.banner = QWidget(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(6, 4, 6, 4)
        self.banner_label = QLabel("This case is finalized and read-only.", self.banner)
        self.amend_button = QPushButton("A&mend…", self.banner)  # Alt+A is "Add stop"
        self.amend_button.setAccessibleName("Amend the finalized case")
        self.amend_button.clicked.connect(self.ask_amend)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.amend_button)
        self.banner.setStyleSheet("background: #e8eef8;")
        self.banner.hide()

        # The header's fields are made in their own event-loop turn (see _ensure_header).
        self.header = QWidget(self)
        self._header_row = QHBoxLayout(self.header)
        self._header_row.setContentsMargins(0, 0, 0, 0)
        self._header_built = False
        self.stack = QStackedWidget(self)
        # Pages are built when first opened, so opening a case costs one page, not seven.
        self.pages: dict[Step, Any] = _LazyPages(self._build_page)
        self.back_button = QPushButton("← &Back", self)
        self.back_button.setAccessibleName("Previous step")
        self.next_button = QPushButton("&Next →", self)
        self.next_button.setAccessibleName("Next step")
        self.save_status = QLabel("Opening the case…", self)
        self.save_status.setAccessibleName("Save status")
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.save_status, 1)
        nav.addWidget(self.next_button)

        right = QVBoxLayout()
        right.addWidget(self.header)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        self.review_panel = attach_review(self, right)
        layout = QHBoxLayout(self)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)

        self._make_actions()
        self.save_timer = QTimer(self)
        self.save_timer.setSingleShot(True)
        self.save_timer.setInterval(AUTOSAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_now)
        self.setEnabled(False)
        services.runner.run(
            lambda: services.memos.with_pinned_date(services.cases.get_case(case_id)),
            on_done=while_alive(self, self._on_case_loaded),
            on_error=while_alive(self, self._on_load_error),
        )
        # While the case is read: the first page in one event-loop turn, the header in the
        # next; the case is shown in a turn of its own after both (see _prepare).
        self._prepared = False
        self._build_waits = 0
        self._arrived: Any = None
        later(self, self._prepare)

    def _ensure_header(self) -> None:
        """The case's own facts above every step: its reference and the decision date."""
        if self._header_built:
            return
        self._header_built = True
        header, row = self.header, self._header_row
        self.reference_edit = TextLineEdit(header, empty_is_none=True)
        self.reference_edit.setPlaceholderText("None yet")
        self.reference_edit.setAccessibleName("Case reference")
        self.reference_edit.setToolTip("The office's own file number; printed on every memo page")
        self.reference_edit.setMaximumWidth(200)
        self.decision_edit = PartialDateEdit(header, full_date_only=True, show_reading=False)
        self.decision_edit.line_edit.setPlaceholderText("Empty = today")
        self.decision_edit.setAccessibleName("Decision date")
        self.decision_edit.setToolTip(
            "The date the rules are applied as of; empty means today. Type e.g. 2/12/2019"
        )
        self.decision_words = QLabel(header)
        self.decision_words.setAccessibleName("Decision date in words")
        self.decision_problem = QLabel(header)
        self.decision_problem.setStyleSheet("color: #b3261e;")
        reference_label = QLabel("Case &reference:", header)
        reference_label.setBuddy(self.reference_edit)
        decision_label = QLabel("&Decision date:", header)
        decision_label.setBuddy(self.decision_edit)
        row.addWidget(reference_label)
        row.addWidget(self.reference_edit)
        row.addSpacing(16)
        row.addWidget(decision_label)
        row.addWidget(self.decision_edit)
        row.addWidget(self.decision_words)
        row.addWidget(self.decision_problem, 1)
        self.reference_edit.value_edited.connect(
            lambda value: self._header_edited(("case_reference",), value)
        )
        self.decision_edit.value_edited.connect(self._decision_date_edited)
        self.decision_edit.invalid.connect(self.decision_problem.setText)
        if self.is_loaded:
            self._load_header()

    def _header_edited(self, path: FieldPath, value: object) -> None:
        if not self.flow.read_only and self.flow.set_answer(path, value):
            self._on_edited(path)

    def _decision_date_edited(self, value: object) -> None:
        self.decision_problem.clear()
        if self.flow.read_only:
            return
        if self.flow.set_answer(("decision_date",), value):
            self._show_decision_date()
            self._on_edited(("decision_date",))
            if self.flow.current in (Step.REVIEW, Step.MEMO):
                self.current_page().load()

    def set_decision_date(self, value: date | None) -> None:
        """Type a decision date into the header as the user would (None: back to today)."""
        self._ensure_header()
        text = "" if value is None else value.isoformat()
        self.decision_edit.line_edit.setText(text)
        self.decision_edit.line_edit.textEdited.emit(text)

    def _load_header(self) -> None:
        if not self._header_built:
            return  # _ensure_header loads it when it is made
        self.reference_edit.set_value(self.flow.data.get("case_reference"))
        self.decision_edit.set_value(self.flow.data.get("decision_date"))
        self.reference_edit.setReadOnly(self.flow.read_only)
        self.decision_edit.line_edit.setReadOnly(self.flow.read_only)
        self._show_decision_date()

    def _show_decision_date(self) -> None:
        if not self._header_built:
            return
        decision = self.decision_date()
        self.decision_words.setText("rules applied as of " + decision.words())
        self.banner_label.setText(
            "This case is finalized and read-only. Its decision date, "
            f"{decision.words()}, was fixed when it was finalized." if self.flow.read_only
            else "This case is finalized and read-only.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt spelling)
        # Escape in the step list goes back to the case list (the page's own "way out").
        if (
            watched is self.step_list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.save_now()
            self.closed.emit()
            return True
        return super().eventFilter(watched, event)

    @property
    def review_page(self) -> ReviewPage:
        page: ReviewPage = self.pages[Step.REVIEW]
        return page

    @property
    def memo_page(self) -> MemoPage:
        page: MemoPage = self.pages[Step.MEMO]
        return page

    def _build_page(self, step: Step) -> Any:
        flow, services = self.flow, self.services
        page: Any
        if step is Step.REVIEW:
            page = ReviewPage(flow, services.runner, self.decision_date, self.stack,
                              decision_path=services.decision_path_factory())
        elif step is Step.MEMO:
            page = MemoPage(flow, services, self.case_id, self.decision_date, self.stack)
            page.finalized.connect(self._on_finalized)
            page.set_review_required(getattr(self, "review_panel", None) is not None
                                     and self.review_panel.required)
        else:
            page = _PAGE_CLASSES[step](flow, self.stack)
        self.stack.addWidget(page)
        page.edited.connect(self._on_edited)
        page.field_requested.connect(self.go_to_field)
        page.set_read_only(flow.read_only)
        return page

    def _build_ahead(self) -> None:
        """Build the next form page not built yet: one page per event-loop turn, so no turn
        holds the window for long; after the case is on screen, the rest follow the same way.

        While the runner works (an evaluation, a memo), building waits a while: a worker
        running Python and this thread making Qt's calls take turns at the interpreter lock,
        so a page that takes 5 ms alone took 50 ms beside a memo being rendered."""
        if self.services.runner.pending_count() and self._build_waits < MAX_BUILD_WAITS:
            self._build_waits += 1
            later(self, self._build_ahead, BUILD_WAIT_MS)
            return
        self._build_waits = 0
        for step in _PAGE_CLASSES:
            if step not in self.pages:
                self.pages[step]  # noqa: B018 (builds it)
                if self.is_loaded:
                    later(self, self._build_ahead)
                return

    # -- actions -------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, shortcuts: list[str], slot: Any) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(s) for s in shortcuts])
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.next_step_action = action("&Next step", ["Ctrl+PgDown", "Alt+Right"], self.next_step)
        self.previous_step_action = action(
            "&Previous step", ["Ctrl+PgUp", "Alt+Left"], self.previous_step
        )
        self.step_list_action = action("Step &list", ["F6"], self.toggle_step_list_focus)
        self.go_to_step_actions = [
            action(
                f"Go to step &{step.index + 1}: {step.title}",
                [f"Ctrl+{step.index + 1}"],
                lambda _checked=False, s=step: self.go_to_step(s),
            )
            for step in STEPS
        ]
        self.save_action = action("&Save", ["Ctrl+S"], self.save_now)
        self.print_action = action("&Print memo…", ["Ctrl+P"], self._print_requested)
        self.finalize_action = action("&Finalize memo…", ["Ctrl+Shift+F"], self._finalize_requested)

    def _print_requested(self) -> None:
        self.go_to_step(Step.MEMO)
        if self.memo_page.pdf_bytes is not None:
            self.memo_page.ask_print()

    def _finalize_requested(self) -> None:
        self.go_to_step(Step.MEMO)
        if self.memo_page.pdf_bytes is not None:
            self.memo_page.ask_finalize()

    # -- loading -------------------------------------------------------------------------------
    def _prepare(self) -> None:
        """One piece per event-loop turn, so that opening a case never holds the window long:
        the first page, then the header, then the case if it has been read by then."""
        if Step.APPLICANT not in self.pages:
            self.pages[Step.APPLICANT]  # noqa: B018 (builds it)
        elif not self._header_built:
            self._ensure_header()
        else:
            self._prepared = True
            if self._arrived is not None:
                self._show_case(self._arrived)
            return
        later(self, self._prepare)

    def _on_case_loaded(self, stored: Any) -> None:
        if self._prepared:
            self._show_case(stored)
        else:
            self._arrived = stored  # shown when the first page and the header are made

    def _show_case(self, stored: Any) -> None:
        self.flow.reset(stored.case_data, read_only=stored.status == "finalized")
        self._writer.version, self._writer.base = stored.version, stored.case_data
        self.is_loaded = True
        self.setEnabled(True)
        self._apply_read_only()
        self.save_status.setText("All changes saved")
        self._load_header()
        # A new case starts on its first field; a case that has answers opens on the step list,
        # so that no keystroke lands in (or replaces) someone's stored name.
        has_answers = bool(self.flow.answer("applicant.family_name") or self.flow.journey)
        self.go_to_step(Step.APPLICANT, focus=not has_answers)
        if has_answers:
            self.step_list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit()
        later(self, self._build_ahead)

    def _on_load_error(self, error: BaseException) -> None:
        self.save_status.setText(f"The case could not be opened: {error}")
        self.load_failed.emit(str(error))

    def _apply_read_only(self) -> None:
        read_only = self.flow.read_only
        self.banner.setVisible(read_only)
        for page in self.pages.values():
            page.set_read_only(read_only)
        self.finalize_action.setEnabled(not read_only)

    def decision_date(self) -> DecisionDate:
        """The case's decision date, else today in the office's time zone: one typed value
        that the review, the memo and finalize all use."""
        return self.services.decision_date(self.flow.data)

    # -- moving between steps ------------------------------------------------------------------
    @property
    def current_step(self) -> Step:
        return self.flow.current

    def current_page(self) -> Any:
        return self.pages[self.flow.current]

    def next_step(self) -> None:
        if self.is_loaded and not self.flow.at_last:
            self.go_to_step(STEPS[self.flow.current.index + 1])

    def previous_step(self) -> None:
        if self.is_loaded and not self.flow.at_first:
            self.go_to_step(STEPS[self.flow.current.index - 1])

    def go_to_step(self, step: Step, *, focus: bool = True) -> None:
        """Open a step; with `focus`, the keyboard lands on its first field."""
        self.flow.go_to(step)
        page = self.pages[step]
        self.stack.setCurrentWidget(page)
        page.load()
        page.show_problems(self.flow.problems(step))
        self.review_panel.show_step(step)
        self.step_model.refresh()
        self.step_list.selectionModel().setCurrentIndex(
            self.step_model.index(step.index), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.back_button.setEnabled(not self.flow.at_first)
        self.next_button.setEnabled(not self.flow.at_last)
        self.apply_tab_order()
        if focus:
            self.focus_first_field()
        self.step_changed.emit(step)

    def apply_tab_order(self) -> None:
        """Step list, the open page top to bottom, then Back and Next (pages are built late,
        so without this their fields would come after the navigation buttons)."""
        chain_tab_order(self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        page: list[QWidget] = self.current_page().focus_chain()
        return [self.step_list, self.amend_button, *page, self.back_button, self.next_button]

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt spelling)
        # Tab follows the page's reading order even when a page grew new rows since it opened.
        if not self.is_loaded:
            return super().focusNextPrevChild(next)
        target = step_in_chain(self.focus_chain(), QApplication.focusWidget(), next)
        if target is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    def focus_first_field(self) -> None:
        # Not a Tab focus: a line edit would select its text, and the next key would replace it.
        target = self.current_page().first_focus()
        (target or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_step_list_focus(self) -> None:
        """F6: to the step list, and from it back to the open step."""
        if self.step_list.hasFocus():
            self.focus_first_field()
        else:
            self.step_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to_field(self, path: FieldPath | str) -> None:
        """Open the step that holds a field and put the focus on it (review links, facts)."""
        parts = as_path(path) if isinstance(path, str) else path
        step = self.flow.go_to_field(parts)
        self.go_to_step(step)
        self.pages[step].focus_field(parts)

    def _on_step_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.is_loaded:
            self.go_to_step(STEPS[index.row()])

    def _on_step_browsed(self, index: QModelIndex) -> None:
        # Arrow keys in the step list open the step but leave the focus in the list.
        if index.isValid() and self.is_loaded and STEPS[index.row()] is not self.flow.current:
            self.go_to_step(STEPS[index.row()], focus=self.step_list.hasFocus() is False)

    # -- editing and autosave ------------------------------------------------------------------
    def _on_edited(self, _path: object) -> None:
        page = self.current_page()
        page.show_problems(self.flow.problems(self.flow.current))
        self.step_model.refresh()
        self._edit_generation += 1
        self.save_status.setText("Unsaved changes…")
        self.save_timer.start()

    @property
    def has_unsaved_changes(self) -> bool:
        return self._edit_generation != self._saved_generation

    def save_now(self) -> None:
        """Save the answers now, in the runner. Saves may overlap; the newest always wins."""
        self.save_timer.stop()
        if self.flow.read_only or self._edit_generation == self._dispatched_generation:
            return
        generation = self._dispatched_generation = self._edit_generation
        snapshot = copy.deepcopy(self.flow.data)
        self._saving = True
        self.save_status.setText("Saving…")
        self.services.runner.run(
            lambda: self._writer.write(generation, snapshot),
            on_done=while_alive(self, lambda _result: self._on_saved(generation)),
            on_error=while_alive(self, self._on_save_error),
        )

    def _on_saved(self, generation: int) -> None:
        self._saved_generation = max(self._saved_generation, generation)
        self._saving = self._saved_generation != self._dispatched_generation
        if not self.has_unsaved_changes:
            self.save_status.setText("All changes saved")
        self.case_saved.emit(self.case_id)

    def _on_save_error(self, error: BaseException) -> None:
        self._saving = False
        self._dispatched_generation = self._saved_generation  # the next save retries
        if isinstance(error, CaseConflictError):
            self.merge_dialog = open_merge_dialog(self, error)
            self.save_failed.emit(str(error))
            return
        message = f"Not saved: {error}"
        self.save_status.setText(message)
        self.save_failed.emit(message)

    # -- finalize and amend --------------------------------------------------------------------
    def _on_finalized(self, _officer: str) -> None:
        self._saved_generation = self._edit_generation
        self.flow.read_only = True
        self._apply_read_only()
        self._load_header()
        self.memo_page.render_preview()  # the stored final memo, not the draft
        self.step_model.refresh()
        self.case_saved.emit(self.case_id)

    def ask_amend(self) -> None:
        from desktop.services.signing import has_key

        data_dir = self.services.paths.data_dir
        dialog = amendment_dialog(self, has_key=lambda name: has_key(data_dir, name))
        dialog.accepted.connect(
            lambda: self.amend(dialog.officer(), dialog.reason(), dialog.passphrase()))
        dialog.open()

    def amend(self, officer: str, reason: str, passphrase: str | None = None) -> None:
        """Unlock a finalized case for changes (the final memo stays on record, with its
        decision date; a date pinned from "today" is released for the amendment's own); with
        a passphrase, only once the officer's signing key opens with it."""
        memos, cases, case_id = self.services.memos, self.services.cases, self.case_id
        data_dir = self.services.paths.data_dir

        def work() -> Any:
            if passphrase is not None:
                from desktop.services.signing import prove_officer

                prove_officer(data_dir, officer, passphrase)
            memos.start_amendment(case_id, officer, reason)
            return cases.get_case(case_id)

        self.services.runner.run(
            work,
            on_done=while_alive(self, self._on_amendment_started),
            on_error=while_alive(
                self, lambda error: self.save_status.setText(f"Could not amend: {error}")
            ),
        )

    def _on_amendment_started(self, stored: Any) -> None:
        step = self.flow.current
        self.flow.reset(stored.case_data, read_only=False)
        self._writer.version, self._writer.base = stored.version, stored.case_data
        self._apply_read_only()
        self._load_header()
        self.go_to_step(step)
        self.save_status.setText("Amending: changes are saved as a new draft")

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt spelling)
        self.save_now()
        super().closeEvent(event)
        self.closed.emit()
