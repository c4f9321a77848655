"""SQLCipher at rest: the key file beside the database, keyed connections, encrypted copies.

The database is encrypted with a random 256-bit key, given to SQLCipher raw
(`PRAGMA key = "x'…'"`, so SQLCipher runs no key derivation of its own on each connection).
That key is stored only wrapped, in `<database>.keys` (JSON, format waypoint-keys/1): one
slot per secret that can open it — the passphrase, and optionally a recovery key — each
slot being scrypt(secret, random salt) → AES-256-GCM over the raw key. A wrong secret fails
the GCM tag, so a wrong passphrase is known before the database file is opened at all.
Every backup gets a copy of the key file it was made with (`<backup>.keys`).
"""

from __future__ import annotations

import base64
import errno
import json
import logging
import os
import secrets
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as _dbapi2

from db.errors import DatabaseError, DiskFullError, KeyFileDamagedError, KeyFileMissingError
from db.private_files import replace_private_bytes

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "WAYPOINT_PASSPHRASE"
KEYS_FORMAT = "waypoint-keys/1"
KEY_FILE_SUFFIX = ".keys"
UNFINISHED = (".part", ".encrypting", ".restoring")  # files another step is still writing
SQLITE_HEADER = b"SQLite format 3\x00"
# scrypt cost: about 0.5 s on one idle core of the reference machine (2026-11: n=2^16, r=10
# measured 0.28 s; n=2^17, r=8 measured 0.46-0.49 s; benchmarks/bench_storage.py reports it).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
SCRYPT_MAXMEM = 256 * 1024 * 1024
RAW_KEY_BYTES = 32

# The SQLCipher DB-API module (its exceptions are not the sqlite3 module's).
sqlcipher: Any = _dbapi2
sqlcipher_errors: tuple[type[Exception], ...] = (_dbapi2.Error,)


class WrongPassphraseError(DatabaseError):
    """The passphrase (or recovery key) opens none of the key file's slots; nothing changed."""

    def __init__(self, where: Path) -> None:
        super().__init__(
            f"The passphrase is wrong for the database in {where.parent}; nothing was changed."
        )


class PassphraseRequiredError(DatabaseError):
    """The database is encrypted and no passphrase was given."""

    def __init__(self, where: Path) -> None:
        super().__init__(
            f"The database in {where.parent} is encrypted: give its passphrase "
            f"(prompt, ${PASSPHRASE_ENV} or --passphrase-file)."
        )


class DatabaseKey:
    """The raw key of one database while it is unlocked; forget() wipes it."""

    def __init__(self, raw: bytes) -> None:
        self._raw = bytearray(raw)

    @property
    def unlocked(self) -> bool:
        return bool(self._raw)

    def raw(self) -> bytes:
        if not self._raw:
            raise DatabaseError("The database is locked; unlock it with the passphrase.")
        return bytes(self._raw)

    def apply(self, connection: Any) -> None:
        """Key a fresh SQLCipher connection (before any other statement)."""
        connection.execute(f"PRAGMA key = \"x'{self.raw().hex()}'\"")

    def take(self, other: DatabaseKey) -> None:
        """Hold other's key instead (after an unlock); other is wiped."""
        self.forget()
        self._raw = bytearray(other.raw())
        other.forget()

    def forget(self) -> None:
        for index in range(len(self._raw)):
            self._raw[index] = 0
        self._raw = bytearray()


def key_file_of(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + KEY_FILE_SUFFIX)


def is_plain_sqlite(path: Path) -> bool:
    """True for a file that starts with the plain SQLite header (readable by anyone)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def looks_encrypted(path: Path) -> bool:
    """A non-empty file with its key file beside it and no plain SQLite header."""
    try:
        return (path.stat().st_size > 0 and key_file_of(path).is_file()
                and not is_plain_sqlite(path))
    except OSError:
        return False


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


# ---- key slots -------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


# The scrypt cost of new key slots and bundles. Only code that embeds Waypoint (the test
# suite, to make its thousands of throw-away files cheap) lowers it, through set_kdf_cost;
# the app and the CLI never do, and nothing is read from the environment. A slot records
# its own cost, so a file is opened with the cost it was made with.
_kdf_cost: list[tuple[int, int, int]] = [(SCRYPT_N, SCRYPT_R, SCRYPT_P)]


def set_kdf_cost(n: int, r: int, p: int) -> None:
    """Use scrypt (n, r, p) for new slots and bundles from now on in this process."""
    _kdf_cost[0] = (n, r, p)


def kdf_cost() -> tuple[int, int, int]:
    """scrypt's (n, r, p) for new slots and bundles (the real cost unless set_kdf_cost)."""
    return _kdf_cost[0]


def derive(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib

    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=SCRYPT_MAXMEM, dklen=32)


def make_slot(kind: str, secret: str, raw: bytes) -> dict[str, Any]:
    """Wrap raw under secret: scrypt → AES-256-GCM, the slot kind as associated data."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    n, r, p = kdf_cost()
    salt, nonce = os.urandom(16), os.urandom(12)
    wrapping = derive(secret, salt, n, r, p)
    wrapped = AESGCM(wrapping).encrypt(nonce, raw, f"{KEYS_FORMAT}:{kind}".encode())
    return {"kind": kind, "kdf": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(salt),
            "nonce": _b64(nonce), "wrapped": _b64(wrapped)}


def open_slot(slot: dict[str, Any], secret: str) -> bytes | None:
    """The raw key in slot if secret opens it, else None."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        wrapping = derive(secret, _unb64(slot["salt"]), int(slot["n"]), int(slot["r"]),
                          int(slot["p"]))
        return AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                        f"{KEYS_FORMAT}:{slot['kind']}".encode())
    except (InvalidTag, KeyError, ValueError, TypeError):
        return None


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def slots_checksum(slots: list[dict[str, Any]]) -> str:
    """SHA-256 of the slots in canonical JSON: a changed byte shows as damage, not as a
    wrong passphrase (the GCM tag alone cannot tell the two apart)."""
    import hashlib

    canonical = json.dumps(slots, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def write_key_file(path: Path, slots: list[dict[str, Any]]) -> None:
    """Write the key file atomically, owner-only (a crash leaves the old one or the new one)."""
    text = json.dumps({"format": KEYS_FORMAT,
                       "cipher": "SQLCipher 4, raw 256-bit key (PRAGMA key = x'...')",
                       "slots": slots, "checksum": slots_checksum(slots)}, indent=1)
    try:
        replace_private_bytes(path, text.encode("utf-8"), durable=True)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFullError() from error
        raise
    _fsync_dir(path.parent)


def read_slots(path: Path) -> list[dict[str, Any]]:
    """The key file's slots; KeyFileMissingError / KeyFileDamagedError say which is wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise KeyFileMissingError(path.with_name(path.name.removesuffix(KEY_FILE_SUFFIX)),
                                  path, None) from error
    except OSError as error:
        raise DatabaseError(f"The key file {path} cannot be read ({error.strerror}).") from error
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeError, ValueError) as error:
        raise KeyFileDamagedError(path, "it is not readable JSON any more") from error
    if not isinstance(data, dict) or data.get("format") != KEYS_FORMAT or not isinstance(
            data.get("slots"), list):
        raise KeyFileDamagedError(path, f"it is not a {KEYS_FORMAT} file")
    slots = data["slots"]
    stated = data.get("checksum")  # key files written before 2026-12 have none
    if stated is not None and stated != slots_checksum(slots):
        raise KeyFileDamagedError(path, "its checksum does not match its contents")
    return [slot for slot in slots if isinstance(slot, dict)]


def add_missing_checksum(path: Path) -> None:
    """A key file from before the checksum gets one (after an unlock proved it sound), so a
    later changed byte reads as damage; best effort (a full disk leaves it as it was)."""
    try:
        if "checksum" in json.loads(path.read_text(encoding="utf-8")):
            return
        write_key_file(path, read_slots(path))
    except (OSError, ValueError, DatabaseError) as error:
        log.warning("the key file's checksum could not be added: %s", type(error).__name__)


def unlock_key_file(path: Path, secret: str) -> list[bytes]:
    """Every raw key a slot of the key file yields to secret (usually one)."""
    found: list[bytes] = []
    for slot in read_slots(path):
        raw = open_slot(slot, secret)
        if raw is not None and raw not in found:
            found.append(raw)
    return found


# ---- connections -----------------------------------------------------------------------


def connect(target: str | Path, key: DatabaseKey | None, *, uri: bool = False,
            timeout: float = 30.0) -> Any:
    """An SQLCipher connection, keyed first; temporary tables and indexes stay in memory."""
    connection = sqlcipher.connect(str(target), uri=uri, timeout=timeout,
                                   check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")  # failures are raised, not printed
        if key is not None:
            key.apply(connection)
        connection.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        connection.close()
        raise
    return connection


def read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def key_opens(path: Path, raw: bytes) -> bool:
    """True when raw decrypts the database file at path (read-only, nothing written)."""
    try:
        with closing(connect(read_only_uri(path), DatabaseKey(raw), uri=True, timeout=5)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.Error:
        return False
    return True


def unlock(database_file: Path, secret: str) -> DatabaseKey:
    """The key of an encrypted database file; WrongPassphraseError changes nothing."""
    key_file = key_file_of(database_file)
    candidates = unlock_key_file(key_file, secret)
    if not candidates and any(slot.get("kind") == "recovery" for slot in read_slots(key_file)):
        candidates = unlock_key_file(key_file, normalise_recovery_key(secret))
    if not candidates:
        raise WrongPassphraseError(database_file)
    # The GCM tag proved the secret; more than one key only after an interrupted re-key,
    # and then the one that decrypts the file is the one. (A damaged file opens with none:
    # the first is returned and the integrity check names the damage.)
    if len(candidates) > 1 and database_file.exists():
        for raw in candidates:
            if key_opens(database_file, raw):
                return DatabaseKey(raw)
    return DatabaseKey(candidates[-1])


def new_key(database_file: Path, passphrase: str) -> DatabaseKey:
    """A fresh random key for a database file about to be created; its key file is written."""
    raw = secrets.token_bytes(RAW_KEY_BYTES)
    write_key_file(key_file_of(database_file), [make_slot("passphrase", passphrase, raw)])
    return DatabaseKey(raw)


def key_for(database_file: Path, passphrase: str | None) -> DatabaseKey | None:
    """The key to open database_file with, or None for a plain (unencrypted) database.

    An existing plain file stays plain here (encrypt_plain_database converts it); a new file
    is encrypted when there is a passphrase. A key file beside a plain file is what a
    conversion that died half-way leaves: the plain file is still the data.
    """
    key_file = key_file_of(database_file)
    has_data = database_file.exists() and database_file.stat().st_size > 0
    if has_data and (is_plain_sqlite(database_file) or not key_file.exists()):
        return None  # plain, or not a database at all (the integrity check says so)
    if has_data:
        if passphrase is None:
            raise PassphraseRequiredError(database_file)
        return unlock(database_file, passphrase)
    if passphrase is None or database_file.exists():
        return None  # an empty file is damage (the integrity check says so), not a new one
    return new_key(database_file, passphrase)  # a key file without data guards nothing


# ---- encrypted copies ------------------------------------------------------------------


def copy_key_file(source_database: Path, destination_database: Path) -> None:
    source = key_file_of(source_database)
    write_key_file(key_file_of(destination_database), read_slots(source))


def backup_encrypted(source: Path, partial: Path, key: DatabaseKey) -> None:
    """Copy the encrypted database source to partial with the same key (the backup API)."""
    with closing(connect(read_only_uri(source), key, uri=True)) as src, closing(
        connect(partial, key)
    ) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")


def _table_counts(connection: Any, schema: str) -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
            for name in names}


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


Step = Callable[[str], None]


def _no_step(_name: str) -> None:
    return None


def encrypt_file(plain: Path, raw: bytes, key_slots: list[dict[str, Any]],
                 step: Step = _no_step) -> None:
    """Replace the plain SQLite file with an encrypted copy, checked before the swap.

    Order (each state is safe if the process dies there): the encrypted copy is written to
    `<file>.encrypting` and checked (integrity, every table's row count equal), then its
    key file is written, then the copy atomically replaces the plain file. A plain file with
    a key file beside it is still plain (the header says so) and is converted again.
    """
    partial = plain.with_name(plain.name + ".encrypting")
    partial.unlink(missing_ok=True)
    key = DatabaseKey(raw)
    with closing(connect(plain, None)) as source:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.execute("PRAGMA journal_mode = DELETE")  # no WAL left to replay on the new file
        step("checkpointed")
        source.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), f"x'{raw.hex()}'"))
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        expected = _table_counts(source, "main")
        source.execute("DETACH DATABASE encrypted")
    step("exported")
    with closing(connect(partial, key)) as check:
        verdict = check.execute("PRAGMA integrity_check").fetchall()
        found = _table_counts(check, "main")
    if verdict != [("ok",)] or found != expected:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"Encrypting {plain} failed its check; the plain file is unchanged.")
    _fsync_file(partial)
    step("checked")
    write_key_file(key_file_of(plain), key_slots)
    step("key-written")
    for suffix in ("-wal", "-shm", "-journal"):
        plain.with_name(plain.name + suffix).unlink(missing_ok=True)
    os.replace(partial, plain)
    _fsync_dir(plain.parent)
    step("replaced")


def encrypt_plain_database(database_file: Path, passphrase: str, folders: list[Path],
                           step: Step = _no_step) -> DatabaseKey:
    """Encrypt a plain database and every plain SQLite copy of it in folders (backups).

    The same raw key encrypts them all; each gets its own key file. Returns the database key.
    """
    raw = secrets.token_bytes(RAW_KEY_BYTES)
    encrypt_file(database_file, raw, [make_slot("passphrase", passphrase, raw)], step)
    key = DatabaseKey(raw)
    encrypt_plain_copies(database_file, key, folders, step)
    log.info("Encrypted the database in %s", database_file.parent)
    return key


def encrypt_plain_copies(database_file: Path, key: DatabaseKey, folders: list[Path],
                         step: Step = _no_step) -> None:
    """Encrypt plain SQLite files left in folders (backups of the plain days) with key.

    They get the database's key file; run at every open, so a conversion that died
    between the database and its backups is finished.
    """
    slots: list[dict[str, Any]] | None = None
    for folder in folders:
        for copy in sorted(folder.iterdir()) if folder.is_dir() else []:
            if (not copy.is_file() or copy == database_file or copy.name.endswith(UNFINISHED)
                    or not is_plain_sqlite(copy)):
                continue
            slots = slots if slots is not None else read_slots(key_file_of(database_file))
            try:
                encrypt_file(copy, key.raw(), slots)
            except sqlcipher.DatabaseError as error:  # a damaged copy stays as it is
                log.warning("A plain copy could not be encrypted (%s): %s", copy.name,
                            type(error).__name__)
                continue
            step(f"copy:{copy.name}")


def new_recovery_key() -> str:
    """A random recovery key to write down: 26 base32 characters in groups (130 bits)."""
    text = base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")[:26]
    return "-".join(text[index:index + 4] for index in range(0, len(text), 4))


def normalise_recovery_key(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def change_passphrase(database_file: Path, old: str, new: str, *, with_recovery: bool = False,
                      step: Step = _no_step) -> tuple[DatabaseKey, str | None]:
    """Re-key the database for a new passphrase, recoverably (db.rekey.change_passphrase)."""
    from db import rekey

    return rekey.change_passphrase(database_file, old, new, with_recovery=with_recovery,
                                   step=step)


def add_recovery_key(database_file: Path, passphrase: str) -> str:
    """Add a recovery slot, checked to open the database (db.rekey.add_recovery_key)."""
    from db import rekey

    return rekey.add_recovery_key(database_file, passphrase)


def unlock_with_recovery(database_file: Path, recovery: str) -> DatabaseKey:
    return unlock(database_file, normalise_recovery_key(recovery))
