"""Key changes that cannot lock the cases out: re-key, recovery key, encrypt an existing file.

Each is one recoverable operation:
1. preflight: room for a whole copy of the database (a re-key rewrites every page through
   the WAL or the journal; an encryption writes a second file): NotEnoughSpaceError before
   anything is touched;
2. the key file gains the new slots beside the old ones (a crash from here on leaves a file
   the old or the new secret opens: db.cipher.unlock picks the key that decrypts it);
3. the database is re-keyed;
4. the re-keyed file is checked to open (decrypt + quick_check) with the new key; only then
   are the old slots dropped. If the re-key did not take (SQLCipher can fail without saying
   so on a full disk), the old slots are put back and RekeyFailedError says nothing changed;
5. last, the new secret is read back through the key file and must open the store: no
   success is reported otherwise.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from contextlib import closing
from pathlib import Path
from typing import Any

from db import cipher, cipher_files
from db.errors import CorruptDatabaseError, DatabaseError, DiskFullError, NotEnoughSpaceError
from db.store_checks import refuse_missing_database

log = logging.getLogger(__name__)
MARGIN_BYTES = 256 * 1024  # key files, the WAL index, SQLite's own slack
FULL = "not enough free space: the disk is full"


class RekeyFailedError(DatabaseError):
    """The re-key did not take; the old passphrase still opens the unchanged database."""

    def __init__(self, database_file: Path, why: str) -> None:
        super().__init__(
            f"The passphrase was not changed ({why}). Nothing was changed: the current "
            f"passphrase still opens the database in {database_file.parent}.")


def _size_with_logs(database_file: Path) -> int:
    total = 0
    for suffix in ("", "-wal", "-journal"):
        side = database_file.with_name(database_file.name + suffix)
        total += side.stat().st_size if side.exists() else 0
    return total


def require_space(database_file: Path, action: str) -> None:
    """NotEnoughSpaceError unless the folder has room for a whole copy of the database."""
    needed = _size_with_logs(database_file) + MARGIN_BYTES
    try:
        free = shutil.disk_usage(database_file.parent).free
    except OSError:
        return  # cannot tell: the steps below still check their own results
    if free < needed:
        raise NotEnoughSpaceError(database_file.parent, action, needed, free)


def opens_cleanly(database_file: Path, raw: bytes) -> bool:
    """raw decrypts every page of the file and quick_check passes (read-only)."""
    try:
        with closing(cipher.connect(cipher.read_only_uri(database_file),
                                    cipher.DatabaseKey(raw), uri=True, timeout=5)) as conn:
            return bool(conn.execute("PRAGMA quick_check").fetchall() == [("ok",)])
    except cipher.sqlcipher.Error:
        return False


def _secret_opens(database_file: Path, secret: str) -> bool:
    """The secret, read back through the key file as any later open will, opens the store."""
    try:
        key = cipher.unlock(database_file, secret)
    except DatabaseError:
        return False
    try:
        return cipher.key_opens(database_file, key.raw())
    finally:
        key.forget()


def _rekey_in_place(database_file: Path, old_key: cipher.DatabaseKey, raw: bytes) -> str | None:
    """PRAGMA rekey, with the WAL moved into the file first and after; None, or what failed."""
    try:
        with closing(cipher.connect(database_file, old_key)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.execute(f"PRAGMA rekey = \"x'{raw.hex()}'\"")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except cipher.sqlcipher.Error as error:
        text = str(error).lower()
        return FULL if "full" in text else "the database could not be re-keyed"
    return None


def change_passphrase(database_file: Path, old: str, new: str, *, with_recovery: bool = False,
                      step: cipher.Step = cipher._no_step
                      ) -> tuple[cipher.DatabaseKey, str | None]:
    """Re-key the database (a new random key) for a new passphrase; see the module.

    Returns the new key and, if asked, a new recovery key (shown once; old recovery keys
    stop working because the database key changed).
    """
    refuse_missing_database(database_file, None, None)  # never re-key a file made now
    old_key = cipher.unlock(database_file, old)
    key_file = cipher.key_file_of(database_file)
    old_slots = cipher.read_slots(key_file)
    require_space(database_file, "change the passphrase (the database is re-encrypted)")
    if not opens_cleanly(database_file, old_key.raw()):
        from db.backup import latest_backup

        raise CorruptDatabaseError(database_file, "its integrity check failed; the passphrase "
                                   "was not changed", latest_backup(None))
    raw = secrets.token_bytes(cipher.RAW_KEY_BYTES)
    recovery = cipher.new_recovery_key() if with_recovery else None
    new_slots = [cipher.make_slot("passphrase", new, raw)]
    if recovery is not None:
        new_slots.append(cipher.make_slot("recovery", cipher.normalise_recovery_key(recovery),
                                          raw))
    try:
        cipher.write_key_file(key_file, old_slots + new_slots)
    except DiskFullError as full:
        raise RekeyFailedError(database_file, FULL) from full
    step("slots-added")
    failure = _rekey_in_place(database_file, old_key, raw)
    step("rekeyed")
    if failure is not None or not opens_cleanly(database_file, raw):
        _undo(database_file, old_key, old_slots, failure or "the re-keyed file did not open")
    _keep_only(key_file, new_slots)
    old_key.forget()
    if not _secret_opens(database_file, new):
        raise DatabaseError(  # never reached in tests: unlock and key_opens agree above
            f"The new passphrase does not open the database in {database_file.parent}; "
            "the previous one may still. Nothing more was changed.")
    log.info("The database in %s was re-keyed", database_file.parent)
    return cipher.DatabaseKey(raw), recovery


def _undo(database_file: Path, old_key: cipher.DatabaseKey, old_slots: list[dict[str, Any]],
          why: str) -> None:
    """The re-key did not take: put the old slots back if the old key still opens the file."""
    if cipher.key_opens(database_file, old_key.raw()):
        try:
            cipher.write_key_file(cipher.key_file_of(database_file), old_slots)
        except DatabaseError:  # both slots stay: the old passphrase still opens the file
            log.warning("the key file keeps the unused new slot (no room to rewrite it)")
        old_key.forget()
        raise RekeyFailedError(database_file, why)
    old_key.forget()  # neither key opens it: keep every slot, say so
    raise DatabaseError(
        f"The passphrase change stopped half-way ({why}); the key file keeps both the old and "
        "the new passphrase. Free some space, then open Waypoint with either passphrase.")


def _keep_only(key_file: Path, new_slots: list[dict[str, Any]]) -> None:
    """Drop the old slots; if that write fails, the extra slot is harmless (unlock picks the
    key that decrypts the file) and the change has happened all the same."""
    try:
        cipher.write_key_file(key_file, new_slots)
    except (DatabaseError, OSError) as error:
        log.warning("the old key slot could not be removed yet: %s", type(error).__name__)


def add_recovery_key(database_file: Path, passphrase: str) -> str:
    """Add a recovery slot (a new random recovery key, returned to show once) and check that
    it opens the database before returning it."""
    refuse_missing_database(database_file, None, None)
    key = cipher.unlock(database_file, passphrase)
    recovery = cipher.new_recovery_key()
    key_file = cipher.key_file_of(database_file)
    slots = [slot for slot in cipher.read_slots(key_file) if slot.get("kind") != "recovery"]
    slots.append(cipher.make_slot("recovery", cipher.normalise_recovery_key(recovery),
                                  key.raw()))
    key.forget()
    cipher.write_key_file(key_file, slots)
    if not _secret_opens(database_file, recovery):
        raise DatabaseError("The recovery key could not be checked against the database; "
                            "it was not made. Try again.")
    return recovery


def encrypt_existing(database_file: Path, passphrase: str, folders: list[Path]
                     ) -> cipher.DatabaseKey:
    """Encrypt a plain database (and its plain backups) after a space preflight; the new
    passphrase must open the result before it is returned."""
    require_space(database_file, "encrypt the database (an encrypted copy is written first)")
    key = cipher_files.encrypt_plain_database(database_file, passphrase, folders)
    if not _secret_opens(database_file, passphrase):
        raise DatabaseError("The encrypted database does not open with the new passphrase; "
                            "nothing was reported as done. Keep the backups and try again.")
    return key
