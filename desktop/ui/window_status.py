"""The main window's status bar: where the database is, the rule pack, the decision-support
notice; and the database named for people (never a password)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from desktop.paths import AppPaths
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.elided_label import ElidedLabel

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

DECISION_SUPPORT_NOTE = QT_TRANSLATE_NOOP("MainWindow", "Decision support — the officer decides")


def describe_database(database_url: str, paths: AppPaths) -> str:
    """The database for people: the SQLite file's path, or the URL without its password."""
    if database_url == f"sqlite:///{paths.database_file}":
        return str(paths.database_file)
    if database_url.startswith("sqlite:///"):
        return database_url.removeprefix("sqlite:///")
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", database_url)


def build_status_bar(window: MainWindow) -> None:
    """The labels of the window's status bar (the window keeps them by name)."""
    bar = window.statusBar()
    # The path gives way in a narrow window (its middle, "…"); the notices stay whole.
    where = describe_database(window.database_url, window.paths)
    window.location_label = ElidedLabel(
        translate("MainWindow", "Opening {describe_database}…").format(
            describe_database=where))
    window.location_label.setAccessibleName(translate("MainWindow", "Database"))
    window.location_label.setToolTip(translate(
        "MainWindow", "Data folder: {data_dir}").format(data_dir=window.paths.data_dir))
    window.rules_label = QLabel(translate("MainWindow", "Rules: …"))
    window.rules_label.setAccessibleName(translate("MainWindow", "Rule pack version"))
    window.decision_label = QLabel(translate("MainWindow", DECISION_SUPPORT_NOTE))
    window.decision_label.setAccessibleName(translate("MainWindow", "Decision support notice"))
    bar.addWidget(window.location_label, 1)
    bar.addPermanentWidget(window.rules_label)
    bar.addPermanentWidget(window.decision_label)
