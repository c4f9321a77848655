"""Help → About: version, where the data lives, the rule pack, the decision-support statement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

DECISION_SUPPORT = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Waypoint is decision support. It applies the transit rules to the facts recorded; "
    "the officer reviews the findings and makes the decision.",
)


def about_text(data_dir: str, database: str, rule_pack: dict[str, str] | None) -> str:
    """The About box's rich text (also what the tests read)."""
    from html import escape

    if rule_pack:
        rules = escape(str(rule_pack.get("version", "?")))
        digest = str(rule_pack.get("hash", ""))
        if digest:
            hashed = translate("AboutDialog", "(hash {digest})").format(digest=escape(digest[:12]))
            rules += f" <span style='color:gray'>{hashed}</span>"
    else:
        rules = translate("AboutDialog", "not loaded yet")
    lead = translate("AboutDialog", "Transit requirements of US asylum law, offline.")
    rows = ((translate("AboutDialog", "Data folder"), escape(data_dir)),
            (translate("AboutDialog", "Database"), escape(database)),
            (translate("AboutDialog", "Rule pack"), rules))
    table = "".join(f"<tr><td><b>{escape(name)}</b></td><td>{value}</td></tr>"
                    for name, value in rows)
    notice = escape(translate("AboutDialog", DECISION_SUPPORT))
    return (
        f"<h2>Waypoint {escape(__version__)}</h2><p>{escape(lead)}</p>"
        f"<table cellspacing='4'>{table}</table><p><b>{notice}</b></p>"
    )


class AboutDialog(QDialog):
    """A small, selectable-text About box."""

    def __init__(
        self,
        data_dir: str,
        database: str,
        rule_pack: dict[str, str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AboutDialog", "About Waypoint"))
        self.setAccessibleName(translate("AboutDialog", "About Waypoint"))
        self.label = QLabel(about_text(data_dir, database, rule_pack))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(translate("AboutDialog", "About Waypoint"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
