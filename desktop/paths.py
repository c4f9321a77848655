"""Per-user folders from platformdirs, overridable with --data-dir or WAYPOINT_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

APP_NAME = "Waypoint"
DATA_DIR_ENV = "WAYPOINT_DATA_DIR"
DATABASE_URL_ENV = "WAYPOINT_DATABASE_URL"
DATABASE_FILE = "waypoint.sqlite3"


class AppPaths(NamedTuple):
    """Where this user's database, backups and logs live.

    A NamedTuple rather than a dataclass: importing dataclasses is not worth its time on
    the way to the first window.
    """

    data_dir: Path

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"


def default_data_dir() -> Path:
    """The platform's per-user data folder for Waypoint."""
    from platformdirs import PlatformDirs  # imported here: off the path to the first paint

    return Path(PlatformDirs(APP_NAME, appauthor=False).user_data_dir)


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Pick the data folder: the argument, else $WAYPOINT_DATA_DIR, else the platform default."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()
    return AppPaths(Path(chosen).expanduser().resolve())


def resolve_database_url(paths: AppPaths, database_url: str | None = None) -> str:
    """The database to use: the argument, else $WAYPOINT_DATABASE_URL, else SQLite in data_dir."""
    explicit = database_url or os.environ.get(DATABASE_URL_ENV)
    if explicit:
        return explicit
    return sqlite_url(paths.database_file)


def sqlite_url(database_file: Path) -> str:
    """The URL of an SQLite file, so `?`, `%` or `#` in the path survive parsing.

    Exactly what SQLAlchemy's URL.create("sqlite", database=...).render_as_string() gives
    (it quotes the database with this call; tests/test_paths_url.py holds them equal), done
    with the standard library: importing SQLAlchemy here would delay the first paint.
    """
    return "sqlite:///" + quote(str(database_file), safe=" +/")
