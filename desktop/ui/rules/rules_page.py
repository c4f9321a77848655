"""RulesPage: installed rule packs, install from file after seeing its impact, flagged cases."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.background import BackgroundRunner, Task, TaskCancelled
from desktop.ui.i18n import translate
from desktop.ui.rules.rows_model import RowsModel
from desktop.ui.rules.rules_tables import (
    FLAG_HEADERS,
    IMPACT_HEADERS,
    PACK_HEADERS,
    ShownImpact,
    impact_with_rows,
    rows_table,
)

if TYPE_CHECKING:
    from desktop.services.rule_impact import ImpactReport
    from desktop.services.rule_pack_file import VerifiedPack
    from desktop.services.rule_pack_service import RulePackService


class RulesPage(QWidget):
    """The rule packs of this data folder. Everything slow runs on the background runner."""

    closed = Signal()
    open_requested = Signal(str)  # a flagged case to open
    active_pack_changed = Signal()
    impact_finished = Signal()  # the impact is shown (or was cancelled / failed)
    installed = Signal()  # a pack was installed and its cases flagged

    def __init__(
        self, service: RulePackService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.candidate: VerifiedPack | None = None
        self.report: ImpactReport | None = None
        self.impact_task: Task | None = None
        self.packs_model = RowsModel(PACK_HEADERS, self)
        self.impact_model = RowsModel(IMPACT_HEADERS, self)
        self.flags_model = RowsModel(FLAG_HEADERS, self)
        self._hashes: list[str] = []
        self._changelogs: list[str] = []
        self._build()
        self.refresh()

    # --- layout ------------------------------------------------------------------------------

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("…", "").replace("&", ""))
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self._build_packs(layout)
        self._build_impact(layout)
        layout.addWidget(
            QLabel(
                translate("RulesPage", "Cases marked by a change in the law (until re-evaluated):")
            )
        )
        self.flags_view = rows_table(
            self.flags_model, translate("RulesPage", "Cases marked law changed")
        )
        self.flags_view.doubleClicked.connect(self._open_flagged)
        layout.addWidget(self.flags_view, 2)

    def _build_packs(self, layout: QVBoxLayout) -> None:
        """The title, the installed packs, the selected pack's changelog and the pack buttons."""
        title = QLabel(
            translate(
                "RulesPage",
                "<b>Rule packs</b> — the law Waypoint applies. Every pack ever used is "
                "kept, so each stored determination can be reproduced.",
            )
        )
        title.setWordWrap(True)
        layout.addWidget(title)
        self.packs_view = rows_table(
            self.packs_model, translate("RulesPage", "Installed rule packs")
        )
        self.packs_view.selectionModel().currentRowChanged.connect(self._show_changelog)
        layout.addWidget(self.packs_view, 2)
        self.changelog = QPlainTextEdit()
        self.changelog.setReadOnly(True)
        self.changelog.setAccessibleName(
            translate("RulesPage", "What changed in the selected pack")
        )
        self.changelog.setMaximumHeight(80)
        layout.addWidget(self.changelog)
        buttons = QHBoxLayout()
        self.install_button = self._button(
            translate("RulesPage", "&Install from file…"), self.choose_file
        )
        self.activate_button = self._button(
            translate("RulesPage", "&Activate selected"), self.activate_selected
        )
        self.rollback_button = self._button(translate("RulesPage", "&Roll back"), self.rollback)
        self.back_button = self._button(translate("RulesPage", "&Back to cases"), self.closed.emit)
        for button in (self.install_button, self.activate_button, self.rollback_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout.addLayout(buttons)

    def _build_impact(self, layout: QVBoxLayout) -> None:
        """The status, the impact's progress, the cases a new pack changes, confirm or discard."""
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("RulesPage", "Rule pack status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumHeight(self.status.fontMetrics().lineSpacing() * 4)
        self.status.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("RulesPage", "Impact progress"))
        self.progress.hide()
        self.cancel_button = self._button(translate("RulesPage", "&Cancel"), self.cancel_impact)
        self.cancel_button.hide()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.impact_view = rows_table(
            self.impact_model, translate("RulesPage", "Cases the new pack changes")
        )
        layout.addWidget(self.impact_view, 3)
        confirm_row = QHBoxLayout()
        self.confirm_button = self._button(
            translate("RulesPage", "Install and &mark cases"), self.confirm_install
        )
        self.discard_button = self._button(translate("RulesPage", "&Discard"), self.discard)
        for button in (self.confirm_button, self.discard_button):
            button.setEnabled(False)
            confirm_row.addWidget(button)
        confirm_row.addStretch(1)
        layout.addLayout(confirm_row)

    # --- listing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the packs and the flagged cases again (in the background)."""
        self.runner.run(
            lambda: (self.service.packs(), self.service.flags()), self._show_lists, self._failed
        )

    def _show_lists(self, result: Any) -> None:
        from desktop.services.law_changes import flag_label

        packs, flags = result
        self._hashes = [p.pack_hash for p in packs]
        self._changelogs = [p.changelog for p in packs]
        self.packs_model.set_rows(
            [
                (
                    "●" if p.active else "",
                    p.version,
                    p.law_known_through or "unknown",
                    p.signer,
                    (p.installed_at or "")[:10] or translate("RulesPage", "with the app"),
                    p.pack_hash[:12],
                )
                for p in packs
            ]
        )
        self.flags_model.set_rows(
            [
                (
                    f.case_id,
                    f.case_ref or "",
                    f.status,
                    flag_label(f.kind),
                    "; ".join(f"{c['rule']}: {c['old']} → {c['new']}" for c in f.changes),
                )
                for f in flags
            ]
        )
        self.packs_view.resizeColumnsToContents()
        active = next((row for row, p in enumerate(packs) if p.active), -1)
        if active >= 0:
            self.packs_view.selectRow(active)

    def _show_changelog(self, current: Any, _previous: Any) -> None:
        row = current.row()
        self.changelog.setPlainText(
            self._changelogs[row] if 0 <= row < len(self._changelogs) else ""
        )

    def _open_flagged(self, index: Any) -> None:
        self.open_requested.emit(self.flags_model.row(index.row())[0])

    # --- install with impact -----------------------------------------------------------------

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            translate("RulesPage", "Install a rule pack"),
            "",
            translate("RulesPage", "Waypoint rule packs (*.wprules)"),
        )
        if path:
            self.check_file(Path(path))

    def check_file(self, path: Path) -> None:
        """Verify the file, then compute its impact; nothing is installed until confirmed."""
        self.discard()
        self._busy(True)
        self.status.setText(translate("RulesPage", "Checking {name}…").format(name=path.name))
        self.runner.run(lambda: self.service.check_file(path), self._start_impact, self._failed)

    def _start_impact(self, pack: VerifiedPack) -> None:
        self.candidate = pack
        known = pack.law_known_through or translate("RulesPage", "unknown")
        self.status.setText(
            translate(
                "RulesPage",
                "Rule pack {version} (law known through {known}), signed by {signer}. What "
                "changed: {changelog}\nRe-evaluating the stored cases…",
            ).format(
                version=pack.version, known=known, signer=pack.signer, changelog=pack.changelog
            )
        )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.impact_task = self.runner.run_task(
            lambda task: impact_with_rows(
                self.service.impact(pack, task.report_progress, lambda: task.cancelled)
            ),
            self._show_impact,
            self._impact_failed,
            self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel_impact(self) -> None:
        if self.impact_task is not None:
            self.impact_task.cancel()

    def _show_impact(self, result: ShownImpact) -> None:
        report, rows, counts = result
        self.impact_task = None
        self._end_progress()
        if report.cancelled:
            self._impact_failed(TaskCancelled())
            return
        self.report = report
        self.impact_model.set_rows(rows)
        self.impact_view.resizeColumnsToContents()
        by_rule = ", ".join(f"{rule}: {n}" for rule, n in sorted(counts.items()))
        count = report.not_evaluable
        count2 = report.total
        self.status.setText(
            self.status.text().rsplit(chr(10), 1)[0]
            + "\n"
            + translate(
                "RulesPage", "Of %n stored case(s), {count} change{by_rule}.", None, count2
            ).format(count=len(report.found), by_rule=f" ({by_rule})" if by_rule else "")
            + " "
            + translate(
                "RulesPage", "%n draft(s) too incomplete to evaluate.", None, count
            )
            + " "
            + translate(
                "RulesPage",
                "Finalized memos never change: finalized cases are marked for an amendment.",
            )
        )
        count = len(report.found)
        self.confirm_button.setText(
            translate("RulesPage", "Install and mark %n case(s)", None, count)
        )
        self.confirm_button.setEnabled(True)
        self.discard_button.setEnabled(True)
        self.impact_finished.emit()

    def _impact_failed(self, error: BaseException) -> None:
        self.impact_task = None
        self._end_progress()
        self.candidate = None
        if isinstance(error, TaskCancelled):
            self.status.setText(translate("RulesPage", "Impact cancelled; nothing was installed."))
        else:
            self.status.setText(
                translate("RulesPage", "The impact could not be computed: {error}").format(
                    error=error
                )
            )
        self._busy(False)
        self.impact_finished.emit()

    def confirm_install(self) -> None:
        pack, report = self.candidate, self.report
        if pack is None or report is None:
            return
        self.confirm_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.status.setText(
            translate("RulesPage", "Installing rule pack {version}…").format(version=pack.version)
        )
        self.runner.run(
            lambda: self.service.install_and_mark(pack, report), self._installed, self._failed
        )

    def _installed(self, marked: int) -> None:
        version = self.candidate.version if self.candidate else "?"
        self.status.setText(
            translate(
                "RulesPage",
                'Rule pack {version} installed and active; %n case(s) marked "law changed".',
                None,
                marked,
            ).format(version=version)
        )
        self.candidate, self.report = None, None
        self.impact_model.set_rows([])
        self._busy(False)
        self.refresh()
        self.active_pack_changed.emit()
        self.installed.emit()

    def discard(self) -> None:
        self.candidate, self.report = None, None
        self.impact_model.set_rows([])
        self.confirm_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self._busy(False)

    # --- switching packs ---------------------------------------------------------------------

    def activate_selected(self) -> None:
        row = self.packs_view.currentIndex().row()
        if 0 <= row < len(self._hashes):
            chosen = self._hashes[row]
            self.runner.run(lambda: self.service.activate(chosen), self._switched, self._failed)

    def rollback(self) -> None:
        self.runner.run(self.service.rollback, self._switched, self._failed)

    def _switched(self, info: Any) -> None:
        self.status.setText(
            translate("RulesPage", "Active rule pack: {version} ({value}).").format(
                version=info.version, value=info.pack_hash[:12]
            )
        )
        self.refresh()
        self.active_pack_changed.emit()

    # --- helpers -----------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self.status.setText(str(error))
        self._busy(False)
        self.impact_finished.emit()

    def _busy(self, busy: bool) -> None:
        for button in (self.install_button, self.activate_button, self.rollback_button):
            button.setEnabled(not busy)

    def _end_progress(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
