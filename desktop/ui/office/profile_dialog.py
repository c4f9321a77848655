"""ProfileDialog: on one laptop shared by an office (SQLite), who is working, chosen at start."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.services.review import Person, ReviewService
from desktop.ui.i18n import translate


class ProfileDialog(QDialog):
    """Pick a local profile; the app's lock passphrase is the gate, so no password here."""

    def __init__(self, people: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ProfileDialog", "Who is working?"))
        self.people = people
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(translate("ProfileDialog", "Profile"))
        for person in people:
            self.combo.addItem(f"{person.display_name} ({person.role})", person.login)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(QLabel(translate(
            "ProfileDialog", "Your actions are recorded under this profile."), self))
        form.addRow(translate("ProfileDialog", "Profile"), self.combo)
        form.addRow(buttons)

    def chosen(self) -> str:
        return str(self.combo.currentData())


def choose_profile(parent: QWidget, storage: Any, then: Callable[[Any], None]
                   ) -> ProfileDialog | None:
    """On SQLite with local profiles, ask who is working and call then(storage as them).

    Returns the open dialog, or None when there is nothing to choose (no profiles, a server
    where the login is the person, or a profile already chosen) and the caller goes on.
    """
    database = storage.database
    if database.dialect != "sqlite":
        return None
    people = ReviewService(database, actor=storage.cases.actor or "?").people()
    if not people or storage.cases.actor in {p.login for p in people}:
        return None
    from desktop.services.cases import CaseService
    from desktop.services.memos import MemoService
    from desktop.services.startup import utc_now

    dialog = ProfileDialog(people, parent)

    def accepted() -> None:
        login = dialog.chosen()
        then(dataclasses.replace(storage, cases=CaseService(database, utc_now, actor=login),
                                 memos=MemoService(database, utc_now, actor=login)))

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog
