"""Extracts the window's strings into waypoint_es.ts and compiles it to waypoint_es.qm.

Run from the repository root after changing a string in desktop/ui (then translate the new
entries, e.g. with pyside6-linguist, and run it again to compile):

    .venv/bin/python resources/i18n/qt/build_catalog.py

Extraction is `pyside6-lupdate` over desktop/ui/**/*.py. Its Python reader does not mark a
`translate(context, text, None, n)` call as a plural unless n is a number written out, so
every message whose source holds `%n` or `%Ln` is marked a plural here (Spanish: two forms).
The translations already in the catalog are kept by (context, source); the ones whose source
left the code are dropped. tests/i18n/test_qt_catalog.py checks both files are current.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
LANGUAGES = ("es",)
PLURAL_FORMS = {"es": 2}  # Qt's Spanish rule: one, other
PLURAL_MARKS = ("%n", "%Ln")

Message = tuple[str, str]  # (context, source)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .)")
    return found


def ui_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "desktop" / "ui").rglob("*.py"))


def extract(root: Path = ROOT) -> list[tuple[str, str, bool]]:
    """(context, source, plural) of every string lupdate finds in desktop/ui, in its order."""
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / "extracted.ts"
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        *map(str, ui_sources(root)), "-ts", str(ts)], check=True)
        tree = ET.parse(ts)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            found.append((name, source, any(mark in source for mark in PLURAL_MARKS)))
    return found


def read_translations(ts: Path) -> dict[Message, list[str]]:
    """The translations in a catalog: one string, or one per plural form."""
    if not ts.exists():
        return {}
    known: dict[Message, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            forms = [form.text or "" for form in node.iter("numerusform")]
            known[(name, message.findtext("source") or "")] = forms or [node.text or ""]
    return known


def build_tree(language: str, messages: list[tuple[str, str, bool]],
               known: dict[Message, list[str]]) -> ET.ElementTree:
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for context, source, plural in messages:
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        if plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        forms = known.get((context, source))
        if not forms:
            translation.set("type", "unfinished")
        if plural:
            count = PLURAL_FORMS[language]
            for form in (forms or [])[:count] + [""] * (count - len(forms or [])):
                ET.SubElement(translation, "numerusform").text = form
        elif forms:
            translation.text = forms[0]
    ET.indent(root, "    ")
    return ET.ElementTree(root)


def catalog_path(language: str, root: Path = ROOT) -> Path:
    return root / "resources" / "i18n" / "qt" / f"waypoint_{language}.ts"


def write_catalog(tree: ET.ElementTree, ts: Path) -> None:
    text = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n",
                  encoding="utf-8")


def compile_catalog(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    messages = extract()
    for language in LANGUAGES:
        ts = catalog_path(language)
        write_catalog(build_tree(language, messages, read_translations(ts)), ts)
        compile_catalog(ts, ts.with_suffix(".qm"))
        missing = sum(1 for c, s, _ in messages if (c, s) not in read_translations(ts))
        print(f"{ts.name}: {len(messages)} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
