"""The window's Qt catalog: in sync with desktop/ui, fully translated into Spanish, compiled.

Extraction runs the real pyside6-lupdate over desktop/ui into a temporary file (the same
builder as resources/i18n/qt/build_catalog.py), so a string added to the window without
updating the catalog fails here, as does a .qm older than its .ts.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from desktop.resources import resource_path

CATALOG = resource_path("i18n", "qt", "waypoint_es.ts")
PLACEHOLDER = re.compile(r"\{[^}]*\}|%L?n")


@pytest.fixture(scope="module", name="builder")
def builder_fixture() -> ModuleType:
    path = resource_path("i18n", "qt", "build_catalog.py")
    spec = importlib.util.spec_from_file_location("build_catalog", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def committed_messages() -> list[tuple[str, str, bool]]:
    found = []
    for context in ET.parse(CATALOG).getroot().iter("context"):
        for message in context.iter("message"):
            found.append((context.findtext("name") or "", message.findtext("source") or "",
                          message.get("numerus") == "yes"))
    return found


def test_catalog_holds_exactly_the_strings_of_the_window(builder: ModuleType) -> None:
    extracted = builder.extract()
    committed = committed_messages()
    new = sorted(set(extracted) - set(committed))
    gone = sorted(set(committed) - set(extracted))
    assert not new, f"strings not in {CATALOG.name} (run build_catalog.py): {new[:10]}"
    assert not gone, f"strings no longer in desktop/ui (run build_catalog.py): {gone[:10]}"
    assert len(extracted) > 600  # the whole window, not a stray file


def test_catalog_file_is_what_the_builder_writes(builder: ModuleType, tmp_path: Path) -> None:
    """Byte for byte: an edit by hand (or by Linguist) is normalised by running the builder."""
    rewritten = tmp_path / "waypoint_es.ts"
    tree = builder.build_tree("es", builder.extract(), builder.read_translations(CATALOG))
    builder.write_catalog(tree, rewritten)
    assert rewritten.read_text(encoding="utf-8") == CATALOG.read_text(encoding="utf-8")


def test_compiled_catalog_is_current(builder: ModuleType, tmp_path: Path) -> None:
    fresh = tmp_path / "waypoint_es.qm"
    builder.compile_catalog(CATALOG, fresh)
    assert fresh.read_bytes() == CATALOG.with_suffix(".qm").read_bytes(), (
        "waypoint_es.qm is older than waypoint_es.ts: run build_catalog.py")


def test_every_spanish_entry_is_finished_and_keeps_its_placeholders() -> None:
    problems = []
    for context in ET.parse(CATALOG).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            kind = translation.get("type")
            forms = ([form.text or "" for form in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [translation.text or ""])
            if kind in ("unfinished", "vanished", "obsolete"):
                problems.append(f"{name}: {source!r} is {kind}")
            if message.get("numerus") == "yes" and len(forms) != 2:
                problems.append(f"{name}: {source!r} needs two plural forms, has {len(forms)}")
            for form in forms:
                if not form.strip():
                    problems.append(f"{name}: {source!r} has an empty translation")
                elif sorted(PLACEHOLDER.findall(form)) != sorted(PLACEHOLDER.findall(source)):
                    if not source.startswith("Issued {person}"):  # its date format is local
                        problems.append(f"{name}: {source!r} changes its placeholders")
                if ("&" in source) != ("&" in form):
                    problems.append(f"{name}: {source!r} loses or gains its & accelerator")
                if message.get("numerus") == "yes" and "(s)" in form:
                    problems.append(f"{name}: {source!r} keeps the English '(s)' plural")
    assert not problems, "\n".join(problems)


def test_spanish_accelerators_are_unique_in_the_file_menu() -> None:
    translated = {}
    for context in ET.parse(CATALOG).getroot().iter("context"):
        for message in context.iter("message"):
            translated[message.findtext("source")] = message.findtext("translation") or ""
    file_menu = ["&New case", "&Open case…", "&Recent cases", "← &Back to the case list",
                 "&Import case files…", "&Export selected cases…", "&Rule packs…",
                 "Import &signing key (PKCS#12)…", "Iss&ue a signing key (office authority)…",
                 "&Language", "Change &passphrase…", "&Lock", "&Quit"]
    keys = [re.search(r"&(\w)", translated[text]).group(1).lower()  # type: ignore[union-attr]
            for text in file_menu]
    assert len(keys) == len(set(keys)), dict(zip(file_menu, keys, strict=True))


def test_every_passphrase_strength_hint_has_a_catalog_entry() -> None:
    """The hints come from the services (shared with the CLI); the window lists them."""
    from desktop.services.security import passphrase_strength
    from desktop.ui.passphrase_dialog import STRENGTH_HINTS

    samples = ["", "a", "aaaaaaaaaaaa", "correct horse battery staple", "Ab1!xyzqwe",
               "abcdefghij", "one two three", "x" * 25]
    hints = {passphrase_strength(sample)[1] for sample in samples}
    assert len(hints) == 5  # every branch of the rule
    assert hints <= set(STRENGTH_HINTS)
