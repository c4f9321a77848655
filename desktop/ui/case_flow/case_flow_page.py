"""CaseFlowPage: the guided case flow — step list, one page per step, autosave, actions.

The page is put together from its parts (see case_flow_parts.py): the header, step
navigation, autosave and amendment each live in a module of their own; this one builds the
widgets, the step pages (lazily, one per event-loop turn) and loads the case."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
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
from desktop.flow.steps import Step
from desktop.ui.case_flow.amendment import Amendment
from desktop.ui.case_flow.applicant_page import ApplicantPage
from desktop.ui.case_flow.autosave import AUTOSAVE_DELAY_MS, Autosave, DraftWriter
from desktop.ui.case_flow.circumstances_page import CircumstancesPage
from desktop.ui.case_flow.claims_page import ClaimsPage
from desktop.ui.case_flow.entry_page import EntryPage
from desktop.ui.case_flow.header import CaseHeader
from desktop.ui.case_flow.journey_page import JourneyPage
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.memo_page import MemoPage
from desktop.ui.case_flow.review_page import ReviewPage
from desktop.ui.case_flow.step_list_model import StepListModel
from desktop.ui.case_flow.step_navigation import StepNavigation
from desktop.ui.context import UiServices
from desktop.ui.i18n import translate
from desktop.ui.office.review_panel import attach_review
from desktop.ui.widgets.focus_order import step_in_chain

if TYPE_CHECKING:
    pass

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


class CaseFlowPage(StepNavigation, CaseHeader, Autosave, Amendment):
    """Edits one stored case step by step; every change is saved in the background."""

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
        self.setAccessibleName(translate("CaseFlowPage", "Case"))

        self._make_step_list()
        self._make_banner()
        self._make_layout()

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

    def _make_step_list(self) -> None:
        """The steps on the left; Up and Down open one, Enter goes to its first field."""
        self.step_model = StepListModel(self.flow, self)
        self.step_list = QListView(self)
        self.step_list.setModel(self.step_model)
        self.step_list.setAccessibleName(translate("CaseFlowPage", "Steps"))
        self.step_list.setAccessibleDescription(
            translate(
                "CaseFlowPage",
                "Up and Down open a step; Enter moves to its first field; F6 comes back here",
            )
        )
        self.step_list.setFixedWidth(250)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip says it all
        self.step_list.installEventFilter(self)
        self.step_list.setSpacing(2)
        self.step_list.activated.connect(self._on_step_activated)
        self.step_list.clicked.connect(self._on_step_activated)
        self.step_list.selectionModel().currentChanged.connect(self._on_step_browsed)

    def _make_banner(self) -> None:
        """The finalized case's banner, with its Amend button (hidden until finalized)."""
        self.banner = QWidget(self)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(6, 4, 6, 4)
        self.banner_label = QLabel(
            translate("CaseFlowPage", "This case is finalized and read-only."), self.banner
        )
        self.amend_button = QPushButton(
            translate("CaseFlowPage", "A&mend…"), self.banner
        )  # Alt+A is "Add stop"
        self.amend_button.setAccessibleName(translate("CaseFlowPage", "Amend the finalized case"))
        self.amend_button.clicked.connect(self.ask_amend)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.amend_button)
        self.banner.setStyleSheet("background: #e8eef8;")
        self.banner.hide()

    def _make_layout(self) -> None:
        """Header, banner, the stack of step pages, Back/Next with the save status, review."""
        # The header's fields are made in their own event-loop turn (see _ensure_header).
        self.header = QWidget(self)
        self._header_row = QHBoxLayout(self.header)
        self._header_row.setContentsMargins(0, 0, 0, 0)
        self._header_built = False
        self.stack = QStackedWidget(self)
        # Pages are built when first opened, so opening a case costs one page, not seven.
        self.pages = _LazyPages(self._build_page)
        self.back_button = QPushButton(translate("CaseFlowPage", "← &Back"), self)
        self.back_button.setAccessibleName(translate("CaseFlowPage", "Previous step"))
        self.next_button = QPushButton(translate("CaseFlowPage", "&Next →"), self)
        self.next_button.setAccessibleName(translate("CaseFlowPage", "Next step"))
        self.save_status = QLabel(translate("CaseFlowPage", "Opening the case…"), self)
        self.save_status.setAccessibleName(translate("CaseFlowPage", "Save status"))
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
            page = ReviewPage(
                flow,
                services.runner,
                self.decision_date,
                self.stack,
                decision_path=services.decision_path_factory(),
            )
        elif step is Step.MEMO:
            page = MemoPage(flow, services, self.case_id, self.decision_date, self.stack)
            page.finalized.connect(self._on_finalized)
            page.set_review_required(
                getattr(self, "review_panel", None) is not None and self.review_panel.required
            )
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
        self.save_status.setText(translate("CaseFlowPage", "All changes saved"))
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
        self.save_status.setText(
            translate("CaseFlowPage", "The case could not be opened: {error}").format(error=error)
        )
        self.load_failed.emit(str(error))

    def _apply_read_only(self) -> None:
        read_only = self.flow.read_only
        self.banner.setVisible(read_only)
        for page in self.pages.values():
            page.set_read_only(read_only)
        self.finalize_action.setEnabled(not read_only)

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

    # -- closing -------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt spelling)
        self.save_now()
        super().closeEvent(event)
        self.closed.emit()
