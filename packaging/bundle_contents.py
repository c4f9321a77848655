"""What goes into the frozen bundle besides code: data folders, hidden imports, macOS Info.plist.

Plain functions, no PyInstaller import, so tests/packaging can check them without a build;
packaging/waypoint.spec calls them.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

APP_NAME = "Waypoint"
# freedesktop ids allow "_" but discourage "-"; Apple bundle ids and UTIs allow "-", not "_".
APP_ID = "io.github.waypoint_transit.Waypoint"
MACOS_BUNDLE_ID = "io.github.waypoint-transit.Waypoint"
CASE_UTI = "io.github.waypoint-transit.case"
CASE_MIME_TYPE = "application/x-waypoint-case"
# "waypoint.json" is the case file's own extension; "case.json" is what File > Export writes
# and what the public acceptance cases are named.
CASE_EXTENSIONS = ["waypoint.json", "case.json"]

# Our packages ship as source too (besides the bytecode archive): the window reads the case
# pages' import order from it to import them ahead of need (desktop/ui/idle_imports.py).
SOURCE_COLLECTION = {"desktop": "pyz+py", "db": "pyz+py"}

SKIP_PARTS = frozenset({"__pycache__", ".pytest_cache", ".mypy_cache"})
SKIP_SUFFIXES = frozenset({".pyc", ".pyo"})

# Modules Alembic, SQLAlchemy and the CLI load by name at run time, which PyInstaller's
# import analysis cannot see.
RUNTIME_IMPORTS = frozenset(
    {
        "alembic",
        "alembic.context",
        "alembic.op",
        "alembic.runtime.environment",
        "alembic.runtime.migration",
        "alembic.script",
        "logging.config",
        "sqlalchemy.dialects.sqlite",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "sqlalchemy.dialects.postgresql",
        "sqlalchemy.dialects.postgresql.psycopg",
        "psycopg",
        "psycopg_binary",
        "sqlmodel",
        "sqlmodel.sql.sqltypes",
    }
)


def shipped_files(source: Path) -> list[Path]:
    """Every file under source that ships, relative to it (caches and bytecode left out)."""
    files = []
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or SKIP_PARTS.intersection(relative.parts):
            continue
        if path.suffix in SKIP_SUFFIXES:
            continue
        files.append(relative)
    return files


def data_tree(source: Path, destination: str) -> list[tuple[str, str]]:
    """(file, folder in the bundle) pairs for PyInstaller's datas: the whole folder."""
    return [
        (str(source / relative), (Path(destination) / relative.parent).as_posix())
        for relative in shipped_files(source)
    ]


def bundle_datas(root: Path) -> list[tuple[str, str]]:
    """All data files: the whole resources/ tree and the Alembic migration scripts.

    Alembic reads env.py and versions/*.py from files at run time (script_location resolved
    from the db package), so they ship as data beside the frozen db package.
    """
    datas = data_tree(root / "resources", "resources")
    datas += data_tree(root / "db" / "migrations", "db/migrations")
    if (root / "db" / "alembic.ini").is_file():
        datas.append((str(root / "db" / "alembic.ini"), "db"))
    return datas


def imported_modules(folder: Path) -> set[str]:
    """Absolute module names the .py files under folder import (for hidden imports)."""
    names: set[str] = set()
    for script in sorted(folder.rglob("*.py")):
        tree = ast.parse(script.read_text(encoding="utf-8"), filename=str(script))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    return names


def migration_imports(root: Path) -> set[str]:
    """What the migration scripts need, plus the modules loaded by name at run time."""
    return imported_modules(root / "db" / "migrations") | RUNTIME_IMPORTS


def source_version(root: Path) -> str:
    text = (root / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not found:
        raise ValueError("desktop/__init__.py has no __version__")
    return found.group(1)


TEXT_CATALOG_LOCALES = ("es", "fr", "ht", "pt_BR")  # resources/i18n/catalogs.py LOCALES
# The window's languages besides English (desktop/ui/language.py): their country and language
# names (pycountry) and Qt's own dialog buttons (qtbase_xx.qm) are kept.
WINDOW_LANGUAGES = ("es",)
NAME_DOMAINS = ("iso3166-1.mo", "iso639-3.mo")


def unwanted_data(dest_name: str) -> bool:
    """Data collected by library hooks that the app never reads.

    pycountry's translations (about 20 MB) but the country names of the languages the memo
    and the interview sheet are worded in (resources/i18n), and the country and language names
    of the window's languages. Qt's .qm translations but qtbase for the window's languages.
    """
    parts = Path(dest_name).parts
    if parts[:2] == ("pycountry", "locales"):
        if len(parts) <= 2:
            return True
        memo_names = parts[2] in TEXT_CATALOG_LOCALES and parts[-1] == "iso3166-1.mo"
        window_names = parts[2] in WINDOW_LANGUAGES and parts[-1] in NAME_DOMAINS
        return not (memo_names or window_names)
    if "translations" in parts and dest_name.endswith(".qm"):
        return parts[-1] not in {f"qtbase_{language}.qm" for language in WINDOW_LANGUAGES}
    return False


# Qt's virtual (on-screen) keyboard comes with PySide6-Addons (where QtPdf lives in 6.11): its
# input-context plugin drags in Qt Quick and QML, about 18 MB the app never uses (the
# operating system's own on-screen keyboards work without it).
UNWANTED_QT_MODULES = ("Qml", "Quick", "VirtualKeyboard")


def unwanted_binary(dest_name: str) -> bool:
    """Qt libraries and plugins collected by hooks that the app never loads.

    Library names per platform: libQt6Qml.so.6 (Linux), Qt6Qml.dll (Windows),
    QtQml.framework/... (macOS); the plugin is (lib)qtvirtualkeyboardplugin.
    """
    for part in Path(dest_name).parts:
        bare = part.removeprefix("lib")
        if bare.startswith("qtvirtualkeyboardplugin"):
            return True
        if bare.startswith(tuple(f"Qt6{module}" for module in UNWANTED_QT_MODULES)) or (
                bare.startswith(tuple(f"Qt{module}.framework" for module in UNWANTED_QT_MODULES))):
            return True
    return False


def macos_info_plist(version: str) -> dict[str, Any]:
    """Info.plist keys for Waypoint.app (merged by PyInstaller's BUNDLE)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": MACOS_BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSMinimumSystemVersion": "13.0",
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "Decision support only: the officer decides.",
        "LSApplicationCategoryType": "public.app-category.productivity",
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": CASE_UTI,
                "UTTypeDescription": "Waypoint case file",
                "UTTypeConformsTo": ["public.json", "public.data"],
                "UTTypeIconFile": "waypoint.icns",
                "UTTypeTagSpecification": {
                    "public.filename-extension": CASE_EXTENSIONS,
                    "public.mime-type": [CASE_MIME_TYPE],
                },
            }
        ],
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Waypoint case file",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [CASE_UTI],
                "CFBundleTypeIconFile": "waypoint.icns",
            },
            {
                # "Open With → Waypoint" for case files saved under another .json name.
                "CFBundleTypeName": "JSON document",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Alternate",
                "LSItemContentTypes": ["public.json"],
            },
        ],
    }
