"""The spec's data and hidden imports cover every resource folder and every migration."""

from __future__ import annotations

import plistlib
import re
from pathlib import Path
from types import ModuleType

from tests.packaging.conftest import PACKAGING, ROOT

RESOURCE_FOLDERS = ("rules", "schema", "fonts", "icons", "demo")


def bundled_paths(datas: list[tuple[str, str]]) -> set[str]:
    """Where each data file lands in the bundle, as posix paths."""
    return {f"{dest}/{Path(src).name}" for src, dest in datas}


def test_the_spec_takes_its_data_from_bundle_datas() -> None:
    spec = (PACKAGING / "waypoint.spec").read_text(encoding="utf-8")
    assert "datas=bundle_datas(ROOT)" in spec
    assert "migration_imports(ROOT)" in spec
    assert 'collect_submodules("desktop")' in spec


def test_every_resource_file_is_in_the_datas(bundle_contents: ModuleType) -> None:
    landed = bundled_paths(bundle_contents.bundle_datas(ROOT))
    source = ROOT / "resources"
    expected = {
        f"resources/{path.relative_to(source).as_posix()}"
        for path in source.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    }
    assert expected, "resources/ is empty"
    assert expected <= landed, sorted(expected - landed)


def test_every_non_empty_resource_folder_ships(bundle_contents: ModuleType) -> None:
    landed = bundled_paths(bundle_contents.bundle_datas(ROOT))
    for folder in RESOURCE_FOLDERS:
        if any((ROOT / "resources" / folder).rglob("*.*")):
            assert any(path.startswith(f"resources/{folder}/") for path in landed), folder


def test_every_migration_script_ships_as_data(bundle_contents: ModuleType) -> None:
    landed = bundled_paths(bundle_contents.bundle_datas(ROOT))
    migrations = ROOT / "db" / "migrations"
    scripts = [p for p in migrations.rglob("*.py") if "__pycache__" not in p.parts]
    assert (migrations / "env.py") in scripts
    for script in scripts:
        assert f"db/migrations/{script.relative_to(migrations).as_posix()}" in landed, script


def test_caches_and_bytecode_are_left_out(bundle_contents: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "rules" / "__pycache__").mkdir(parents=True)
    (tmp_path / "rules" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "rules" / "pack.json").write_text("{}", encoding="utf-8")
    (tmp_path / "stray.pyc").write_bytes(b"\0")
    assert bundle_contents.data_tree(tmp_path, "resources") == [
        (str(tmp_path / "rules" / "pack.json"), "resources/rules")
    ]


def test_what_migrations_import_is_a_hidden_import(bundle_contents: ModuleType) -> None:
    needed = bundle_contents.migration_imports(ROOT)
    assert {"alembic", "sqlalchemy.dialects.sqlite", "logging.config"} <= needed
    assert "sqlalchemy.dialects.postgresql.psycopg" in needed
    env_imports = bundle_contents.imported_modules(ROOT / "db" / "migrations")
    assert "alembic" in env_imports


def test_hook_data_filter_keeps_what_the_app_reads(bundle_contents: ModuleType) -> None:
    unwanted = bundle_contents.unwanted_data
    assert unwanted("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo")
    assert not unwanted("pycountry/locales/ht/LC_MESSAGES/iso3166-1.mo")  # the sheet's names
    assert unwanted("pycountry/locales/ht/LC_MESSAGES/iso639-3.mo")
    from tests.i18n.catalog_tool import catalog_tool

    assert bundle_contents.TEXT_CATALOG_LOCALES == catalog_tool().LOCALES
    assert unwanted("PySide6/Qt/translations/qtbase_de.qm")
    assert unwanted("PySide6/Qt/translations/qtwebengine_es.qm")
    assert unwanted("pycountry/locales/es/LC_MESSAGES/iso15924.mo")
    # the window in Spanish: its dialog buttons, country and language names
    assert not unwanted("PySide6/Qt/translations/qtbase_es.qm")
    assert not unwanted("pycountry/locales/es/LC_MESSAGES/iso3166-1.mo")
    assert not unwanted("pycountry/locales/es/LC_MESSAGES/iso639-3.mo")
    assert not unwanted("pycountry/databases/iso3166-1.json")
    assert not unwanted("resources/rules/pack.json")
    assert not unwanted("PySide6/Qt/plugins/platforms/libqoffscreen.so")


def test_version_comes_from_the_package(bundle_contents: ModuleType) -> None:
    from desktop import __version__

    assert bundle_contents.source_version(ROOT) == __version__


def test_info_plist_declares_the_case_file_type(bundle_contents: ModuleType) -> None:
    from desktop import __version__

    plist = plistlib.loads(plistlib.dumps(bundle_contents.macos_info_plist(__version__)))
    assert plist["CFBundleShortVersionString"] == __version__
    # Apple bundle ids and UTIs: letters, digits, "-" and "." only.
    assert re.fullmatch(r"[A-Za-z0-9.-]+", plist["CFBundleIdentifier"])
    exported = plist["UTExportedTypeDeclarations"][0]
    assert re.fullmatch(r"[A-Za-z0-9.-]+", exported["UTTypeIdentifier"])
    assert "public.json" in exported["UTTypeConformsTo"]
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["waypoint.json", "case.json"]
    assert tags["public.mime-type"] == ["application/x-waypoint-case"]
    owned = [d for d in plist["CFBundleDocumentTypes"] if d["LSHandlerRank"] == "Owner"]
    assert owned and owned[0]["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]


def test_entitlements_parse_and_relax_little() -> None:
    with (PACKAGING / "macos" / "entitlements.plist").open("rb") as handle:
        entitlements = plistlib.load(handle)
    assert entitlements == {"com.apple.security.cs.allow-unsigned-executable-memory": True}
