"""The read-only first page: the same rows as CaseService.list_cases, or None when unsure."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from db.quick_read import read_first_page, sqlite_file_in
from db.revision import HEAD_REVISION
from tests.db.conftest import make_case
from tests.sqlite_files import connect_file, key_of


def test_head_revision_constant_matches_the_migrations() -> None:
    from db.migrate import head_revision

    assert HEAD_REVISION == head_revision()
    newest = sorted(Path("db/migrations/versions").glob("[0-9]*.py"))[-1]
    assert f'revision = "{HEAD_REVISION}"' in newest.read_text(encoding="utf-8")


def test_only_plain_sqlite_urls_name_a_file(tmp_path: Path) -> None:
    assert sqlite_file_in(f"sqlite:///{tmp_path}/w.sqlite3") == tmp_path / "w.sqlite3"
    assert sqlite_file_in(f"sqlite:///{tmp_path}/w.sqlite3?mode=ro") is None
    assert sqlite_file_in("sqlite:///:memory:") is None
    assert sqlite_file_in("postgresql+psycopg://u@h/db") is None


@pytest.fixture
def filled(sqlite_url: str, backup_dir: Path, clock: Any) -> Iterator[tuple[Any, Path]]:
    """An SQLite database with 12 cases (statuses mixed), through the real services."""
    import db
    from desktop.services.cases import CaseService

    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    cases = CaseService(database, clock, actor="tester")
    ids = [cases.create_case(make_case(f"Family{n}", "Given", f"A-2{n:02d}-345-678"))
           for n in range(12)]
    cases.save_draft(ids[3], make_case("Núñez", "José", None))  # newest after an edit
    yield cases, Path(sqlite_url.removeprefix("sqlite:///"))
    database.close()


def test_first_page_matches_list_cases_for_the_default_view(filled: tuple[Any, Path]) -> None:
    cases, database_file = filled
    for limit in (5, 100):
        page = read_first_page(database_file, limit, key_of(database_file))
        assert page is not None
        assert page.total == cases.count_cases() == 12
        assert page.rows == cases.list_cases(limit=limit)
    assert page.rows[0].display_name == "Núñez, José"
    assert read_first_page(database_file, 5) is None  # encrypted: nothing without the key


def set_revision(database_file: Path, revision: str) -> None:
    with closing(connect_file(database_file)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.commit()


@pytest.mark.parametrize("revision", ["0001", "f00d_from_the_future"])
def test_another_revision_answers_none(filled: tuple[Any, Path], revision: str) -> None:
    _cases, database_file = filled
    set_revision(database_file, revision)
    assert read_first_page(database_file, 10, key_of(database_file)) is None


def test_missing_or_empty_file_answers_none(tmp_path: Path) -> None:
    assert read_first_page(tmp_path / "absent.sqlite3", 10) is None
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert read_first_page(empty, 10) is None


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_damaged_or_truncated_files_answer_none_and_stay_untouched(
    filled: tuple[Any, Path], tmp_path: Path
) -> None:
    _cases, database_file = filled
    whole = database_file.read_bytes()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database any more " * 512)
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(whole[:4096 + 100])  # the header promises many more pages
    wrecked = tmp_path / "wrecked.sqlite3"
    wrecked.write_bytes(whole[:100] + b"\xff" * (len(whole) - 100))  # every page trashed
    for damaged in (garbage, truncated, wrecked):
        before = digest(damaged)
        assert read_first_page(damaged, 10) is None, damaged.name
        assert digest(damaged) == before


def test_a_locked_file_answers_none_at_once(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    with closing(sqlite3.connect(path)) as setup:  # rollback journal: a writer blocks readers
        setup.executescript(
            "CREATE TABLE alembic_version (version_num TEXT);"
            f"INSERT INTO alembic_version VALUES ('{HEAD_REVISION}');"
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, case_id TEXT, display_name TEXT,"
            " a_number TEXT, nationality TEXT, entry_date TEXT, status TEXT, updated_at TEXT);"
        )
    with closing(sqlite3.connect(path, isolation_level=None)) as writer:
        writer.execute("BEGIN EXCLUSIVE")
        assert read_first_page(path, 10) is None
        writer.execute("ROLLBACK")
    page = read_first_page(path, 10)
    assert page is not None and page.total == 0 and page.rows == []
