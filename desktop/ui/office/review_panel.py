"""ReviewPanel: where the open case stands in review, and the step this person may take."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.flow.steps import STEPS, Step
from desktop.services.review import Comment, Person, Review, ReviewService, SigningKey
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.determination_dialog import FinalizeDialog
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import translate
from desktop.ui.office.review_banner import ReviewCommentBanner

if TYPE_CHECKING:
    from desktop.services.decision import DecisionDate


@dataclass(frozen=True)
class ReviewSnapshot:
    """What the panel shows, read in the background."""

    required: bool
    me: Person | None
    review: Review | None
    comments: list[Comment]
    names: dict[str, str]


def read_snapshot(service: ReviewService, case_id: str) -> ReviewSnapshot:
    people = service.people()
    return ReviewSnapshot(service.review_required(), service.me(), service.review(case_id),
                          service.comments(case_id), {p.login: p.display_name for p in people})


class ReturnDialog(QDialog):
    """The supervisor's comment, tied to the step it concerns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReviewPanel", "Return the case with a comment"))
        self.step_combo = QComboBox(self)
        self.step_combo.setAccessibleName(translate("ReviewPanel", "Step the comment concerns"))
        for step in STEPS:
            self.step_combo.addItem(step.title, step.value)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setAccessibleName(translate("ReviewPanel", "Comment"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.return_button = buttons.addButton(translate("ReviewPanel", "Return to caseworker"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("ReviewPanel", "Step"), self.step_combo)
        form.addRow(translate("ReviewPanel", "Comment"), self.comment_edit)
        form.addRow(buttons)

    def comment(self) -> tuple[str, str]:
        return str(self.step_combo.currentData()), self.comment_edit.toPlainText()


class ApproveDialog(QDialog):
    """The supervisor's signing passphrase: the approval counter-signs the caseworker's memo."""

    def __init__(self, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReviewPanel", "Approve and sign the memo"))
        explanation = QLabel(
            translate(
                "ReviewPanel",
                "Approving makes the memo final and signs it as {reviewer}: your digital "
                "signature is added to the caseworker's (or is the only one if they did not "
                "sign). Leave the passphrase empty to approve without a digital signature, when"
                " the caseworker did not sign. A new key is made on first use.").format(
                reviewer=reviewer), self)
        explanation.setWordWrap(True)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName(translate("ReviewPanel", "Signing passphrase"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.approve_button = buttons.addButton(translate("ReviewPanel", "Approve"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(translate("ReviewPanel", "Signing passphrase"), self.passphrase_edit)
        form.addRow(buttons)


class ReviewPanel(QWidget):
    """Submit (caseworker), approve or return (supervisor); comments go to the banner."""

    review_changed = Signal()
    failed = Signal(str)
    answer_requested = Signal(str)  # an open question's case-file field: go and answer it

    def __init__(self, service: ReviewService, runner: BackgroundRunner, case_id: str,
                 banner: ReviewCommentBanner, parent: QWidget | None = None, *,
                 keys_dir: Path | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.keys_dir = keys_dir  # the data folder holding the signing keys
        self.runner = runner
        self.case_id = case_id
        self.banner = banner
        self.snapshot: ReviewSnapshot | None = None
        self.return_dialog: ReturnDialog | None = None
        self.approve_dialog: ApproveDialog | None = None
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(translate("ReviewPanel", "Review status"))
        self.submit_button = QPushButton(translate("ReviewPanel", "Submit for review"), self)
        self.submit_button.setAccessibleName(translate(
            "ReviewPanel", "Submit the case for a supervisor's review"))
        self.approve_button = QPushButton(translate("ReviewPanel", "Approve"), self)
        self.approve_button.setAccessibleName(translate(
            "ReviewPanel", "Approve the case and finalize its memo"))
        self.return_button = QPushButton(translate("ReviewPanel", "Return…"), self)
        self.return_button.setAccessibleName(translate(
            "ReviewPanel", "Return the case to the caseworker with a comment"))
        self._generation = 0  # only the newest read is shown
        self.submit_dialog: FinalizeDialog | None = None
        self.submit_button.clicked.connect(self.ask_submit)
        self.approve_button.clicked.connect(self.ask_approve)
        self.return_button.clicked.connect(self.ask_return)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status_label, 1)
        for button in (self.submit_button, self.approve_button, self.return_button):
            layout.addWidget(button)
            button.hide()
        self.hide()
        self.refresh()

    @property
    def required(self) -> bool:
        """The office requires review (as last read)."""
        return self.snapshot is not None and self.snapshot.required

    def refresh(self) -> None:
        service, case_id = self.service, self.case_id
        self._generation += 1
        generation = self._generation
        self.runner.run(lambda: read_snapshot(service, case_id),
                        on_done=while_alive(self, lambda snapshot: self._show(
                            snapshot, generation)),
                        on_error=while_alive(self, lambda error: self.failed.emit(str(error))))

    def _show(self, snapshot: ReviewSnapshot, generation: int) -> None:
        if generation != self._generation:
            return  # a newer read is on its way
        self.snapshot = snapshot
        self.setVisible(snapshot.required)
        review, me = snapshot.review, snapshot.me
        state = review.state if review is not None else "draft"
        who = (snapshot.names.get(review.reviewed_by or review.submitted_by, "")
               if review is not None else "")
        self.status_label.setText(
            {"draft": translate("ReviewPanel", "Draft: not yet submitted for review"),
             "submitted": translate(
                         "ReviewPanel",
                         "Awaiting review (submitted by {who})").format(
                         who=who),
             "returned": translate(
                         "ReviewPanel",
                         "Returned by {who}: see the comments on the steps").format(
                         who=who),
             "approved": translate("ReviewPanel", "Approved by {who}").format(who=who)}[state])
        supervisor = me is not None and me.role == "supervisor"
        self.submit_button.setVisible(state in ("draft", "returned"))
        reviewing = state == "submitted" and supervisor
        self.approve_button.setVisible(reviewing)
        self.return_button.setVisible(reviewing)
        self.review_changed.emit()

    def show_step(self, step: Step) -> None:
        """Put the comments on `step` in the banner (while the case is back with its worker)."""
        snapshot = self.snapshot
        if snapshot is None or snapshot.review is None or snapshot.review.state != "returned":
            self.banner.show_comments([])
            return
        since = snapshot.review.reviewed_at
        comments = [c for c in snapshot.comments if c.step == step.value and
                    (since is None or c.at >= since)]
        self.banner.show_comments(comments, lambda login: snapshot.names.get(login, login))

    def ask_return(self) -> None:
        dialog = ReturnDialog(self)
        dialog.accepted.connect(lambda: self._run(
            lambda case_id: self.service.return_case(case_id, [dialog.comment()])))
        self.return_dialog = dialog
        dialog.open()

    def ask_submit(self) -> None:
        """The caseworker's determination first (she decides; the approval endorses it)."""
        service, case_id = self.service, self.case_id
        self.runner.run(lambda: service.to_decide(case_id),
                        on_done=while_alive(self, lambda found: self._open_submit(*found)),
                        on_error=while_alive(self, lambda error: self._failed(error)))

    def _open_submit(self, determination: dict[str, Any], decision: DecisionDate) -> None:
        from desktop.services.signing import has_key

        me = self.service.display_name(self.service.actor)
        keys = self.keys_dir
        dialog = FinalizeDialog(
            determination, decision.words(), self,
            has_key=lambda name: keys is not None and has_key(keys, name),
            title=translate("ReviewPanel", "Submit for review — your determination"),
            explanation=translate(
                        "ReviewPanel",
                        "Decision date: {words} (it is fixed when you submit). Waypoint's "
                        "findings are decision support: record your own conclusion on each. A "
                        "supervisor's approval endorses your determination and makes the memo "
                        "final. With a passphrase you sign the memo as submitted.").format(
                        words=decision.words()))
        dialog.officer_edit.setText(me)
        dialog.officer_edit.setReadOnly(True)  # the acting person decides

        def submit() -> None:
            record, passphrase = dialog.record_input(), dialog.passphrase()
            signing = (SigningKey(keys, passphrase) if passphrase and keys is not None
                       else None)
            self._run(lambda case_id: self.service.submit(case_id, signing, record))

        dialog.accepted.connect(submit)
        dialog.answer_requested.connect(self.answer_requested.emit)
        self.submit_dialog = dialog
        dialog.open()

    def ask_approve(self) -> None:
        dialog = ApproveDialog(self.service.display_name(self.service.actor), self)

        def approve() -> None:
            passphrase = dialog.passphrase_edit.text()
            signing = (SigningKey(self.keys_dir, passphrase)
                       if passphrase and self.keys_dir is not None else None)
            self._run(lambda case_id: self.service.approve(case_id, signing))

        dialog.accepted.connect(approve)
        self.approve_dialog = dialog
        dialog.open()

    def _run(self, action: Any) -> None:
        case_id = self.case_id
        self.runner.run(lambda: action(case_id),
                        on_done=while_alive(self, lambda _result: self.refresh()),
                        on_error=while_alive(self, lambda error: self._failed(error)))

    def _failed(self, error: BaseException) -> None:
        self.status_label.setText(translate("ReviewPanel", "Not done: {error}").format(error=error))
        self.failed.emit(str(error))


def attach_review(page: Any, column: Any) -> ReviewPanel:
    """Host the review panel and the comment banner on a CaseFlowPage (in its right column).

    The panel shows only when the office requires review; an approval locks the page as a
    finalize does.
    """
    services = page.services
    service = ReviewService(services.cases.database, services.clock,
                            actor=services.cases.actor, zone_name=services.office_zone(),
                            pack=services.rules.pack)  # the window's pack, read in workers
    banner = ReviewCommentBanner(page)
    panel = ReviewPanel(service, services.runner, page.case_id, banner, page,
                        keys_dir=services.paths.data_dir)
    column.insertWidget(1, panel)
    column.insertWidget(2, banner)

    def changed() -> None:
        panel.show_step(page.flow.current)
        if Step.MEMO in page.pages:  # built: no Finalize where review is required
            page.memo_page.set_review_required(panel.required)
        review = panel.snapshot.review if panel.snapshot is not None else None
        if review is not None and review.state == "approved" and not page.flow.read_only:
            page._on_finalized(review.reviewed_by or "")

    panel.review_changed.connect(changed)
    panel.answer_requested.connect(page.go_to_field)
    return panel
