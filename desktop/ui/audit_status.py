"""The audit check the window runs at every start: the cheap one first, the full one after.

Both run in the background runner. What they find is shown in the status bar: a calm line
while all is well, and a plain one naming what was found when not ("changed outside
Waypoint"), with the details a click away. Nothing is blocked: the caseworker can go on
working, and the office can be told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.services.audit_check import AuditReport
    from desktop.ui.background import BackgroundRunner

Database = Any  # the open store (db.database.Database), reached only through the services

LABEL_NAME = "auditStatusLabel"
PROBLEM_STYLE = "QLabel { color: palette(window-text); background: #fde7c4; padding: 0 6px; }"


class AuditStatus:
    """The status-bar line and the two checks behind it."""

    def __init__(self, window: QMainWindow, runner: BackgroundRunner, database: Database
                 ) -> None:
        self.window = window
        self.runner = runner
        self.database = database
        found = window.findChild(QLabel, LABEL_NAME)  # the store opened again (a restore)
        self.label = found if found is not None else QLabel(window)
        self.label.setText(translate("AuditStatus", "Audit log: checking…"))
        if found is None:
            self.label.setObjectName(LABEL_NAME)
            self.label.setAccessibleName(translate("AuditStatus", "Audit log check"))
            window.statusBar().addPermanentWidget(self.label)
        else:
            self.label.linkActivated.disconnect()  # the previous store's check
        self.label.linkActivated.connect(lambda _link: self.show_details())
        self.report: AuditReport | None = None
        self.full_done = False

    def start(self) -> None:
        from desktop.services.audit_check import quick_check

        self.runner.run(lambda: quick_check(self.database), self._quick_done, self._failed)

    def _quick_done(self, report: AuditReport) -> None:
        from desktop.services.audit_check import verify

        if not report.ok:
            self._show(report, complete=False)
        self.runner.run(lambda: verify(self.database), self._full_done, self._failed)

    def _full_done(self, report: AuditReport) -> None:
        self.full_done = True
        self._show(report, complete=True)

    def _failed(self, error: BaseException) -> None:
        self.full_done = True
        self.label.setText(translate(
            "AuditStatus", "Audit log: not checked (run `waypoint audit verify`)"))
        self.label.setToolTip(type(error).__name__)

    def _show(self, report: AuditReport, *, complete: bool) -> None:
        self.report = report
        if report.ok:
            self.label.setStyleSheet("")
            count = report.entries_checked
            self.label.setText(translate(
                "AuditStatus", "Audit log: checked, %n record(s), no changes outside Waypoint",
                None, count))
            self.label.setToolTip("\n".join(report.notes))
            return
        count = len(report.problems)
        self.label.setStyleSheet(PROBLEM_STYLE)
        found = (translate("AuditStatus", "Audit log: %n change(s) made outside Waypoint found",
                           None, count) if complete else
                 translate("AuditStatus", "Audit log: %n change(s) made outside Waypoint found "
                           "(full check running…)", None, count))
        details = translate("AuditStatus", "details")
        self.label.setText(f"{found} — <a href='details'>{details}</a>")
        self.label.setToolTip("\n".join(str(problem) for problem in report.problems[:20]))

    def show_details(self) -> None:
        from desktop.ui.case_list.messages import show_message

        if self.report is None or self.report.ok:
            return
        problems = [str(problem) for problem in self.report.problems]
        count = len(problems)
        show_message(
            self.window, translate("AuditStatus", "Audit log"),
            translate(
                "AuditStatus",
                "The audit check found %n thing(s) that Waypoint did not do: the "
                "record was changed outside it (or a file was lost or restored by hand). Your "
                "cases are still open. Tell your office, and keep the anchor codes and memos you "
                "sent: `waypoint audit verify --against CODE|FILE` checks the record against them.",
                None, count),
            details="\n".join(problems + [translate("AuditStatus", "note: {note}").format(note=note)
                                          for note in self.report.notes]))


def start_audit_check(window: QMainWindow, runner: BackgroundRunner, database: Database
                      ) -> AuditStatus:
    """Show the audit line in the status bar and start the checks behind it."""
    status = AuditStatus(window, runner, database)
    status.start()
    return status
