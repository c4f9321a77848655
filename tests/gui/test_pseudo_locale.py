"""The pseudo-locale run: every step and the main dialogs with a pseudo catalog at 1024×700.

The pseudo catalog (tests/gui/pseudo_locale.py) wraps each window string in ⟦ ⟧ and makes
it about 40 % longer. Any visible text without ⟦ did not pass through Qt's catalog, unless
it is the case's own data or a text the Qt-free layers make (step titles, choice labels,
field problems and date words come from desktop.flow; they are translated with gettext on
the i18n-core branch): those are listed in KNOWN_FLOW_TEXTS by where they come from. Text
cut off at 1024×700 fails too, except the layout problems listed in KNOWN_CLIPPED.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.flow import choices
from desktop.flow.steps import STEPS, Step
from desktop.services.startup import load_demo_case, rule_pack_summary
from desktop.ui.case_flow.case_flow_page import CaseFlowPage
from desktop.ui.case_flow.outcome_cards import OutcomeCard
from desktop.ui.case_list.export_dialog import ExportProtectionDialog
from desktop.ui.context import UiServices
from desktop.ui.i18n import translate
from desktop.ui.language import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.passphrase_dialog import PassphraseDialog
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from tests.gui.pseudo_locale import Finding, build_pseudo_catalog, clipped, untranslated

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

WIDTH, HEIGHT = 1024, 700


def flow_texts() -> set[str]:
    """Texts the Qt-free flow makes (gettext's, not Qt's): step titles, choice labels."""
    texts = {step.title for step in STEPS}
    for value in vars(choices).values():
        if isinstance(value, tuple | list):
            for item in value:
                if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
                    texts.add(item[1])
    return texts


DATA = re.compile(
    r"^[\d\s:./,·()+-]*$"  # numbers, dates, times
    r"|^A-\d{3}-\d{3}-\d{3}$"  # an A-number
    r"|^[A-Z]{2}$"  # a country code
    r"|^WAYPOINT-[A-Z0-9-]+$"  # a case id
    r"|^Waypoint( \d[\w.+-]*)?$"  # the name of the application, its version
)


@pytest.fixture(scope="module", name="pseudo_catalog")
def pseudo_catalog_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pseudo_catalog(tmp_path_factory.mktemp("pseudo"))


@pytest.fixture(name="pseudo")
def pseudo_fixture(qtbot: Any, pseudo_catalog: Path) -> Iterator[None]:
    assert install_language("es", catalog=pseudo_catalog)
    yield
    install_language("en")


def standard_buttons() -> set[str]:
    """The standard dialog buttons as Qt's own catalog (qtbase_es) names them."""
    sources = ("OK", "Cancel", "Close", "Open", "Save", "Yes", "No", "Apply", "Reset",
               "Help", "Discard", "Abort", "Retry", "Ignore", "Restore Defaults")
    return {QCoreApplication.translate("QPlatformTheme", source).replace("&", "")
            for source in (*sources, *(f"&{source}" for source in sources))}


def made_outside_qt(widget: QWidget) -> bool:
    """Texts the Qt-free layers write, translated with gettext on the i18n-core branch:
    a finding's reasons (engine) and its fact links (flow.describe_path), the review's
    summary (services), a date's reading in words (engine.dates)."""
    parent = widget.parentWidget()
    if isinstance(parent, OutcomeCard) and isinstance(widget, QLabel):
        return True  # reasons and LinkButton fact names; the card's own words carry ⟦
    if isinstance(parent, PartialDateEdit) and widget is parent.reading:
        return True
    page = widget.window()
    review = getattr(page, "review_page", None)
    return review is not None and widget is review.summary


def exempt(widget: QWidget, text: str, case_words: set[str]) -> bool:
    if text.replace("&", "") in standard_buttons() and isinstance(widget, QAbstractButton):
        return True
    return (bool(DATA.match(text)) or text in case_words or text in flow_texts()
            or made_outside_qt(widget))


def case_words(case: dict[str, Any]) -> set[str]:
    """The demo case's own values as they show: names, places, notes."""
    words = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.add(value)

    walk(case)
    applicant = case.get("applicant", {})
    words.add(f"{applicant.get('family_name')}, {applicant.get('given_names')}")
    return words


# Layout problems the pseudo run finds that are left for the layout work (issue 27), each
# with what it is: (where, the start of what was found).
KNOWN_CLIPPED = (
    # The journey's stop list (wide enough for its dates), its buttons and the stop's form
    # need about 800 px where the page has 732 under the pseudo catalog: a date field is as
    # wide as its typing hint, never cut (PartialDateEdit), and the pseudo hint is 40 % longer.
    # The Spanish hints are written to fit (docs/screens/es/case-flow-3-journey.png).
    ("QScrollArea[] in JourneyPage", "needs a horizontal scroll bar"),
)


def is_known_layout_problem(finding: Finding) -> bool:
    return any(finding.where == where and finding.text.startswith(start)
               for where, start in KNOWN_CLIPPED)


def check(widget: QWidget, words: set[str], seen: dict[str, list[Finding]]) -> None:
    seen["untranslated"] += untranslated(widget, lambda w, text: exempt(w, text, words))
    seen["clipped"] += clipped(widget)


def test_every_step_and_dialog_shows_only_catalog_text_uncut(
    qtbot: Any, services: UiServices, pseudo: None
) -> None:
    case = load_demo_case()
    case_id = services.cases.create_case(case)
    words = case_words(case)
    seen: dict[str, list[Finding]] = {"untranslated": [], "clipped": []}

    window = MainWindow(services.paths, services.database_url, services.runner,
                        services.settings)
    qtbot.addWidget(window)
    window.attach_services(services, rule_pack_summary(services.rules))
    window.finish_setup()  # the list's columns and the menus, as after the first frame
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=20_000)
    check(window, words, seen)
    for open_dialog in (window.show_about, window.show_open_dialog,
                        window.show_import_key_dialog, window.show_issue_key_dialog):
        dialog = open_dialog()
        assert dialog is not None
        qtbot.waitExposed(dialog)
        check(dialog, words, seen)
        dialog.close()
    window.shortcuts_action.trigger()
    shortcuts = next(w for w in QApplication.topLevelWidgets()
                     if type(w).__name__ == "ShortcutsDialog" and w.isVisible())
    check(shortcuts, words, seen)
    shortcuts.close()
    window.show_rules_page()
    check(window, words, seen)
    window.show_case_list()

    page = CaseFlowPage(services, case_id)
    qtbot.addWidget(page)
    page.resize(WIDTH, HEIGHT)
    page.show()
    qtbot.waitUntil(lambda: page.flow is not None and Step.APPLICANT in page.pages,
                    timeout=20_000)
    for step in Step:
        page.go_to_step(step)
        if step is Step.REVIEW:
            qtbot.waitUntil(lambda: page.review_page.determination is not None,
                            timeout=30_000)
        elif step is Step.MEMO:
            qtbot.waitUntil(lambda: page.memo_page.pdf_bytes is not None, timeout=60_000)
        qtbot.wait(300)  # forms settle: labels beside or above their fields (FieldForm)
        check(page, words, seen)
        if page.width() > WIDTH:  # a minimum size wider than the screen
            seen["clipped"].append(Finding(f"{step.value} step", f"{page.width()} px wide"))
    memo = page.memo_page
    for open_dialog in (memo.ask_finalize, memo.interview_sheet.ask,
                        lambda: ExportProtectionDialog(2, page),
                        lambda: PassphraseDialog(
                            translate("StoragePassphrase", "Change the passphrase"),
                            translate("StoragePassphrase", "The database is re-encrypted with a "
                                      "new key. Backups made before keep their old passphrase."),
                            change=True, parent=page)):
        dialog = open_dialog()
        assert dialog is not None
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)  # the first layout pass after showing
        check(dialog, words, seen)
        dialog.close()
    known = [f for f in seen["clipped"] if is_known_layout_problem(f)]
    seen["clipped"] = [f for f in seen["clipped"] if not is_known_layout_problem(f)]
    report = "\n".join(f"{kind}: {finding}" for kind, found in seen.items()
                       for finding in dict.fromkeys(found))
    print(report, *(f"known: {finding}" for finding in dict.fromkeys(known)), sep="\n")
    assert not seen["untranslated"] and not seen["clipped"], report
