"""The Memo step: preview the PDF in the app, save it, print it, finalize it; interview sheet."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.flow.case_flow import CaseFlow
from desktop.flow.steps import Step
from desktop.flow.validation import Problem
from desktop.ui.background import Task
from desktop.ui.case_flow.determination_dialog import FinalizeDialog
from desktop.ui.case_flow.interview_sheet import InterviewSheet
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.memo_saving import MemoSaveSteps
from desktop.ui.case_flow.review_page import DECISION_SUPPORT_NOTICE
from desktop.ui.context import UiServices
from desktop.ui.i18n import translate
from desktop.ui.widgets.focus_order import first_reachable

if TYPE_CHECKING:
    from desktop.services.decision import DecisionDate, FinalInput, FinalMemo


class MemoPage(MemoSaveSteps):
    """Shows the memo for the case's current answers; everything heavy runs in the runner."""

    step = Step.MEMO
    edited = Signal(object)
    field_requested = Signal(object)
    preview_ready = Signal()
    finalized = Signal(str)

    def __init__(
        self,
        flow: CaseFlow,
        services: UiServices,
        case_id: str,
        decision_date: Callable[[], DecisionDate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.services = services
        self.case_id = case_id
        self.decision_date = decision_date
        self.read_only = False
        self.pdf_bytes: bytes | None = None
        self.determination: dict[str, Any] | None = None
        self._generation = 0
        self.print_task: Task | None = None
        self.anchor_note = ""  # after finalizing: the anchor code to write down or send
        self.progress: QProgressDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self.save_dialog: QFileDialog | None = None
        self.finalize_dialog: FinalizeDialog | None = None
        self._printer: QPrinter | None = None
        self._on_ready: Callable[[], object] | None = None  # asked for before the render ended
        self._rendering = False

        self._build_layout()
        self.refresh_button.clicked.connect(self.render_preview)
        self.save_button.clicked.connect(self.ask_save)
        self.print_button.clicked.connect(self.ask_print)
        self.finalize_button.clicked.connect(self.ask_finalize)
        self._update_buttons()

    def _build_layout(self) -> None:
        """Heading, the decision-support notice, the buttons, the review note, status, preview."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.step.title, self)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        notice = QLabel(translate("ReviewPage", DECISION_SUPPORT_NOTICE), self)
        notice.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; font-weight: 600;"
        )
        layout.addWidget(notice)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(translate("MemoPage", "&Refresh preview"), self)
        self.save_button = QPushButton(translate("MemoPage", "&Save as PDF…"), self)
        self.print_button = QPushButton(translate("MemoPage", "&Print…"), self)
        self.finalize_button = QPushButton(translate("MemoPage", "Finali&ze…"), self)
        self.interview_sheet = InterviewSheet(self)
        for button in (
            self.refresh_button,
            self.save_button,
            self.print_button,
            self.finalize_button,
            self.interview_sheet.button,
        ):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.review_note = QLabel(
            translate(
                "MemoPage",
                "This office requires review: submit the case for review (a supervisor's "
                "approval finalizes it).",
            ),
            self,
        )
        self.review_note.setWordWrap(True)
        self.review_note.hide()
        layout.addWidget(self.review_note)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("MemoPage", "Memo status"))
        layout.addWidget(self.status)
        self.document = QPdfDocument(self)
        self.view = self._make_view(self.document)
        layout.addWidget(self.view, 1)

    # -- StepPage protocol ---------------------------------------------------------------------
    def load(self) -> None:
        self.render_preview()

    def show_problems(self, problems: list[Problem]) -> None:
        """The memo page has no fields of its own."""

    def focus_field(self, _path: object) -> bool:
        return False

    def focus_chain(self) -> list[QWidget]:
        return [
            self.refresh_button,
            self.save_button,
            self.print_button,
            self.finalize_button,
            self.interview_sheet.button,
            self.view,
        ]

    def first_focus(self) -> QWidget | None:
        return first_reachable(self.focus_chain())

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def set_review_required(self, required: bool) -> None:
        """In an office that requires review the caseworker submits instead of finalizing."""
        self.finalize_button.setVisible(not required)
        self.review_note.setVisible(required and not self.read_only)

    def _update_buttons(self) -> None:
        ready = self.pdf_bytes is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        self.finalize_button.setEnabled(ready and not self.read_only)

    # -- preview -------------------------------------------------------------------------------
    def render_preview(self) -> None:
        self._generation += 1
        generation = self._generation
        snapshot = copy.deepcopy(self.flow.data)
        final = self.read_only
        # What is saved, printed or finalized is always the memo of the answers as they are
        # now: the last render is dropped until this one ends (it could be older than an edit).
        self.pdf_bytes = self.determination = None
        self._rendering = True
        self._update_buttons()
        self.status.setText(translate("MemoPage", "Rendering the memo…"))
        decision = self.decision_date()
        generated_at = self.services.clock()
        make_path = self.services.decision_path_factory()
        memos, case_id = self.services.memos, self.case_id

        def work() -> tuple[dict[str, Any], bytes]:
            path = make_path()
            if final:  # the stored final memo, under its pinned decision date
                memo = memos.latest_memo(case_id)
                if memo is not None and memo.status == "final":
                    return path.evaluate(snapshot, decision), memo.pdf_bytes
            return path.evaluate_and_render(snapshot, decision, generated_at=generated_at)

        self.services.runner.run(
            work,
            on_done=while_alive(self, lambda result: self._show_pdf(generation, result)),
            on_error=while_alive(self, lambda error: self._show_failure(generation, error)),
        )

    def _show_pdf(self, generation: int, result: tuple[dict[str, Any], bytes]) -> None:
        if generation != self._generation:
            return
        self.determination, self.pdf_bytes = result
        self._rendering = False
        self._show_document(self.pdf_bytes)
        kind = (
            translate("MemoPage", "Final memo")
            if self.read_only
            else translate("MemoPage", "Draft memo")
        )
        count = self.document.pageCount()
        self.status.setText(
            translate("MemoPage", "{kind}: %n page(s)", None, count).format(
                kind=kind
            )
            + (self.anchor_note if self.read_only else "")
        )
        self._update_buttons()
        self.preview_ready.emit()
        on_ready, self._on_ready = self._on_ready, None
        if on_ready is not None:
            on_ready()

    def when_ready(self, act: Callable[[], object]) -> None:
        """Run `act` now if the preview is current, else once its render ends (not if it fails)."""
        if self.pdf_bytes is not None:
            act()
            return
        self._on_ready = act
        if not self._rendering:
            self.render_preview()

    def _make_view(self, document: QPdfDocument) -> QPdfView:
        view = QPdfView(self)
        view.setDocument(document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setAccessibleName(translate("MemoPage", "Memo preview"))
        return view

    def _show_document(self, pdf_bytes: bytes) -> None:
        """Show a memo in a new document and a new view. A view draws its pages in a thread
        that remembers the pages it was asked for by number and size only: given another
        memo, it went on showing the old one's pages (the draft after finalizing)."""
        document = QPdfDocument(self)
        buffer = QBuffer(document)  # read by the document as long as it lives
        buffer.setData(QByteArray(pdf_bytes))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        old_view, old_document = self.view, self.document
        self.view, self.document = self._make_view(document), document
        layout = self.layout()
        assert layout is not None  # made in __init__
        layout.replaceWidget(old_view, self.view)
        had_focus = old_view.hasFocus()
        old_view.hide()
        old_view.deleteLater()
        old_document.deleteLater()
        if had_focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_failure(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.pdf_bytes = None
        self.document.close()
        self._on_ready, self._rendering = None, False
        message = translate("MemoPage", "The memo cannot be rendered yet: {error}").format(
            error=error
        )
        self.status.setText(message)
        self._update_buttons()
        self.failed.emit(message)

    # -- finalize ------------------------------------------------------------------------------
    def ask_finalize(self) -> FinalizeDialog | None:
        """The finalize dialog: the officer's conclusions, the open questions, her signature."""
        from desktop.services.signing import has_key

        if self.determination is None:
            return None
        data_dir = self.services.paths.data_dir
        dialog = FinalizeDialog(
            self.determination,
            self.decision_date().words(),
            self,
            has_key=lambda name: has_key(data_dir, name),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.finalize_as(dialog.record_input(), dialog.passphrase())
        )
        dialog.answer_requested.connect(self.field_requested.emit)
        self.finalize_dialog = dialog
        dialog.open()
        return dialog

    def finalize_as(self, record: FinalInput, passphrase: str | None = None) -> None:
        """Save the answers, pin the decision date, check the officer's determination against
        the evaluation, render, sign and store the final memo (services.decision).

        With a passphrase the memo carries the officer's digital signature (the officer's key
        is made on first use); an amendment names the final memo it supersedes. A record that
        cannot be final (a finding without a conclusion, an open question neither answered nor
        explained) is refused with every reason, and nothing is stored.
        """
        if self.read_only or not record.officer.strip():
            return
        snapshot = copy.deepcopy(self.flow.data)
        services, case_id = self.services, self.case_id
        make_path = services.decision_path_factory()
        self.status.setText(translate("MemoPage", "Finalizing…"))

        def work() -> FinalMemo:
            return make_path().finalize(
                services.cases,
                services.memos,
                case_id,
                snapshot,
                record,
                data_dir=services.paths.data_dir,
                passphrase=passphrase or None,
            )

        services.runner.run(
            work,
            on_done=while_alive(self, self._finalized),
            on_error=while_alive(self, self._report_error),
        )

    def _finalized(self, final: FinalMemo) -> None:
        self.flow.data["decision_date"] = final.decision.iso  # pinned, as stored with the case
        officer = final.record.officer
        code = self.services.memos.anchor_code()  # the record's anchor, to keep outside
        self.anchor_note = (
            translate("MemoPage", ". Anchor code for the file: {code}").format(code=code)
            if code
            else ""
        )
        self.status.setText(
            translate(
                "MemoPage",
                "Finalized by {officer}, decision date {words}. The case is now "
                "read-only{anchor_note}.",
            ).format(officer=officer, words=final.decision.words(), anchor_note=self.anchor_note)
        )
        self.finalized.emit(officer)
