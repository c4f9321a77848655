"""The office's clock: one function says what "today" is, in the office's time zone.

The window, the command line, review and rule-pack impact all ask `office_today`, so they
agree on the date at any hour: the time zone is the setting `office/time_zone` of the data
folder's settings.ini (an IANA name such as America/Chicago), else the machine's own zone.
"""

from __future__ import annotations

import configparser
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TIME_ZONE_KEY = "office/time_zone"  # QSettings key (section "office", key "time_zone")
SETTINGS_FILE = "settings.ini"  # desktop.paths.AppPaths.settings_file


def utc_now() -> datetime:
    return datetime.now(UTC)


def machine_zone_name() -> str:
    """The machine's time zone as an IANA name (TZ when set), else "UTC" if it cannot be told."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    except Exception:  # tzlocal raises its own errors for odd set-ups
        name = None
    return name or "UTC"


def zone_of(name: str | None) -> tuple[tzinfo, str]:
    """The zone named by a setting, else the machine's zone; with the name that is used."""
    for candidate in ((name or "").strip(), machine_zone_name()):
        if not candidate:
            continue
        try:
            return ZoneInfo(candidate), candidate
        except (ZoneInfoNotFoundError, ValueError):
            continue
    local = datetime.now().astimezone().tzinfo  # the machine's offset, without a name
    return (local or UTC), "UTC" if local is None else str(local)


def office_today(now: datetime | None = None, zone_name: str | None = None) -> date:
    """Today's date in the office's time zone (`now` is an aware instant, default this one)."""
    instant = now if now is not None else utc_now()
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    zone, _name = zone_of(zone_name)
    return instant.astimezone(zone).date()


def configured_zone(data_dir: Path | None) -> str | None:
    """The `office/time_zone` setting of a data folder's settings.ini (None if not set)."""
    if data_dir is None:
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(data_dir / SETTINGS_FILE, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get("office", "time_zone", fallback="").strip().strip('"')
    return value or None
