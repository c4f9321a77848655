"""Smoke test of the frozen app: resources shipped, CLI works, database migrates, window starts.

Usage (from the repository root, after building the bundle):
    .venv/bin/python packaging/smoke_test.py [--bundle build/dist/waypoint] [--case CASE.json]

Each command runs the frozen executable as a user on a bare machine would: an empty
environment (no PATH into the venv, no PYTHONPATH), a fresh temporary HOME and data
directory, a working directory outside the repository, Qt offscreen. Exit status 0 when every
check passed; otherwise 1, with each failed check named and why.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RULE_IDS = (
    "transit_bar_2019",
    "aca",
    "stca_canada",
    "lawful_pathways_2023",
    "securing_border_2024",
    "firm_resettlement",
)
# Environment variables desktop/app.py may honour to quit once the window is up.
GUI_EXIT_HOOKS = ("WAYPOINT_EXIT_AFTER_START", "WAYPOINT_EXIT_AT_FIRST_PAINT")
SKIP_PARTS = {"__pycache__", ".pytest_cache", ".mypy_cache"}
COMMAND_TIMEOUT = 180.0
GUI_GRACE_SECONDS = 5.0


SMOKE_PASSPHRASE = "smoke test passphrase, not for real data"


def _database_errors() -> tuple[type[Exception], ...]:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, dbapi2.DatabaseError)


DATABASE_ERRORS = _database_errors()


def connect_database(path: Path) -> Any:
    """The app's database file: through SQLCipher with the smoke passphrase when encrypted."""
    if not path.with_name(path.name + ".keys").is_file():
        return sqlite3.connect(path)
    sys.path.insert(0, str(ROOT))  # db.cipher reads the key file (scrypt + AES-GCM)
    from db import cipher

    return cipher.connect(path, cipher.unlock(path, SMOKE_PASSPHRASE))


class CheckFailed(Exception):
    """One smoke check did not pass; the message says what was wrong."""


class CheckSkipped(Exception):
    """A check that the code under test does not support yet; reported, not failed."""


@dataclass
class Bundle:
    """Where the frozen executable and its bundled data (sys._MEIPASS) are."""

    executable: Path
    contents: Path

    @classmethod
    def locate(cls, folder: Path) -> Bundle:
        folder = folder.resolve()
        exe_name = "waypoint.exe" if sys.platform == "win32" else "waypoint"
        if folder.suffix == ".app":  # macOS: Waypoint.app/Contents/{MacOS,Frameworks}
            return cls(folder / "Contents" / "MacOS" / exe_name, folder / "Contents" / "Frameworks")
        contents = folder / "_internal"
        return cls(folder / exe_name, contents if contents.is_dir() else folder)


@dataclass
class Sandbox:
    """A fresh home, data folder and working folder outside the repository."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def work_dir(self) -> Path:
        return self.root / "work"

    @classmethod
    def create(cls, root: Path) -> Sandbox:
        sandbox = cls(root)
        home = root / "home"
        runtime = root / "runtime"
        for folder in (home, runtime, sandbox.data_dir, sandbox.work_dir):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.chmod(0o700)
        env = {
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "WAYPOINT_DATA_DIR": str(sandbox.data_dir),
            # The database is encrypted (SQLCipher); the passphrase comes from the environment
            # so no prompt or dialog waits. The real key derivation runs (no test shortcut).
            "WAYPOINT_PASSPHRASE": SMOKE_PASSPHRASE,
        }
        if sys.platform == "win32":
            system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
            env.update(
                SYSTEMROOT=system_root,
                WINDIR=system_root,
                PATH=f"{system_root}\\System32;{system_root}",
                TEMP=str(root),
                TMP=str(root),
                USERPROFILE=str(home),
                APPDATA=str(home / "AppData" / "Roaming"),
                LOCALAPPDATA=str(home / "AppData" / "Local"),
            )
        else:
            env.update(PATH="/usr/bin:/bin", TMPDIR=str(root), XDG_RUNTIME_DIR=str(runtime))
        sandbox.env = env
        return sandbox


@dataclass
class Result:
    """What one run of the frozen executable did."""

    returncode: int | None  # None: still running at the deadline, then killed
    stdout: str
    stderr: str
    seconds: float

    def describe(self) -> str:
        tail = (self.stderr.strip() or self.stdout.strip())[-1500:]
        return f"exit {self.returncode} after {self.seconds:.1f} s; output:\n{tail}"


def run_frozen(
    bundle: Bundle,
    sandbox: Sandbox,
    args: list[str],
    *,
    timeout: float = COMMAND_TIMEOUT,
    extra_env: dict[str, str] | None = None,
) -> Result:
    """Run the frozen executable in the sandbox; a timeout is reported, not raised."""
    env = dict(sandbox.env, **(extra_env or {}))
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(bundle.executable), *args],
        cwd=sandbox.work_dir,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        returncode: int | None = process.returncode
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        returncode = None
    return Result(returncode, stdout, stderr, time.perf_counter() - started)


def require_success(result: Result, what: str) -> None:
    if result.returncode != 0 or "Traceback (most recent call last)" in result.stderr:
        raise CheckFailed(f"{what}: {result.describe()}")


def source_files(folder: Path, suffixes: set[str] | None = None) -> Iterator[Path]:
    """Files under folder as shipped (no caches), relative to folder."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or SKIP_PARTS.intersection(relative.parts):
            continue
        if path.suffix in {".pyc", ".pyo"}:
            continue
        if suffixes is None or path.suffix in suffixes:
            yield relative


def compare_tree(
    source: Path, bundled: Path, suffixes: set[str] | None = None
) -> tuple[int, list[str]]:
    """Count the files under source and list those missing from bundled or of another size."""
    problems = []
    count = 0
    for relative in source_files(source, suffixes):
        count += 1
        target = bundled / relative
        if not target.is_file():
            problems.append(f"missing {relative.as_posix()}")
        elif target.stat().st_size != (source / relative).stat().st_size:
            problems.append(f"differs {relative.as_posix()}")
    return count, problems


def migration_revisions(versions: Path) -> tuple[set[str], set[str]]:
    """All revision ids in the Alembic versions folder, and the heads (revised by none)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions.glob("*.py"):
        text = script.read_text(encoding="utf-8")
        found = re.search(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", text, re.M)
        if not found:
            continue
        revisions.add(found.group(1))
        down = re.search(r"^down_revision[^=]*=\s*(.+)$", text, re.M)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions, revisions - parents


def pdf_text(pdf: Path) -> str:
    """The text of a PDF, by pdftotext (poppler) or else pypdf."""
    if shutil.which("pdftotext"):
        done = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=False
        )
        if done.returncode != 0:
            raise CheckFailed(
                f"pdftotext could not read the memo: {done.stderr.decode(errors='replace')}"
            )
        return done.stdout.decode("utf-8", errors="replace")
    try:
        from pypdf import PdfReader
    except ImportError as missing:
        raise CheckFailed("neither pdftotext nor pypdf is available to read the memo") from missing
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def default_case() -> Path | None:
    """A public case file: the bundled demo cases first, then the acceptance cases in tests/."""
    candidates = sorted((ROOT / "resources" / "demo").glob("*.json"))
    candidates += sorted((ROOT / "tests" / "cases" / "public").glob("*.case.json"))
    candidates += sorted((ROOT / "tests" / "cases").glob("*.case.json"))
    for candidate in candidates:
        try:
            data = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and data.get("format") == "waypoint-case/1":
            return candidate
    return None


def source_version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    return found.group(1) if found else "?"


def gui_exit_hooks_in_source() -> list[str]:
    """The exit-after-start environment variables desktop/app.py (or desktop/ui) reads."""
    sources = [ROOT / "desktop" / "app.py", *sorted((ROOT / "desktop" / "ui").glob("*.py"))]
    text = "\n".join(p.read_text(encoding="utf-8") for p in sources if p.is_file())
    return [hook for hook in GUI_EXIT_HOOKS if hook in text]


class SmokeTest:
    """The checks, in order; each raises CheckFailed or returns a short detail."""

    def __init__(
        self, bundle: Bundle, sandbox: Sandbox, case: Path | None, server_url: str | None = None
    ) -> None:
        self.bundle = bundle
        self.sandbox = sandbox
        self.case = case
        self.server_url = server_url
        self.case_id: str | None = None

    def check_executable(self) -> str:
        if not self.bundle.executable.is_file():
            raise CheckFailed(f"no executable at {self.bundle.executable}")
        return str(self.bundle.executable)

    def check_resources_shipped(self) -> str:
        count, problems = compare_tree(ROOT / "resources", self.bundle.contents / "resources")
        if count == 0:
            raise CheckFailed(f"the source folder {ROOT / 'resources'} holds no files")
        if problems:
            raise CheckFailed(
                f"{len(problems)} of {count} resource files: " + "; ".join(problems[:20])
            )
        return f"{count} files under resources/"

    def check_migrations_shipped(self) -> str:
        source = ROOT / "db" / "migrations"
        count, problems = compare_tree(
            source, self.bundle.contents / "db" / "migrations", {".py", ".mako", ".ini"}
        )
        versions = (
            list((source / "versions").glob("*.py")) if (source / "versions").is_dir() else []
        )
        if not versions:
            raise CheckFailed(f"no migration scripts in {source / 'versions'}")
        if problems:
            raise CheckFailed(f"{len(problems)} of {count} migration files: " + "; ".join(problems))
        return f"{count} files, {len(versions)} revision scripts"

    def check_sources_shipped(self) -> str:
        # The idle importer reads the case pages' imports from the source (idle_imports.py).
        count, problems = compare_tree(ROOT / "desktop", self.bundle.contents / "desktop", {".py"})
        if problems:
            raise CheckFailed(f"{len(problems)} of {count} desktop sources: "
                              + "; ".join(problems[:20]))
        return f"{count} sources under desktop/"

    def check_version(self) -> str:
        result = run_frozen(self.bundle, self.sandbox, ["--version"])
        require_success(result, "waypoint --version")
        expected = f"Waypoint {source_version()}"
        if result.stdout.strip() != expected:
            raise CheckFailed(f"printed {result.stdout.strip()!r}, expected {expected!r}")
        return f"{expected} in {result.seconds:.2f} s"

    def check_info(self) -> str:
        result = run_frozen(self.bundle, self.sandbox, ["info"])
        require_success(result, "waypoint info")
        if str(self.sandbox.data_dir) not in result.stdout:
            raise CheckFailed(
                f"info does not name the data folder {self.sandbox.data_dir}:\n{result.stdout}"
            )
        return " / ".join(line.strip() for line in result.stdout.splitlines()[:5])

    def check_import_migrates(self) -> str:
        case = self.need_case()
        result = run_frozen(self.bundle, self.sandbox, ["import", str(case)])
        require_success(result, "waypoint import")
        database = self.sandbox.data_dir / "waypoint.sqlite3"
        if not database.is_file():
            raise CheckFailed(f"waypoint import created no database at {database}")
        _, heads = migration_revisions(ROOT / "db" / "migrations" / "versions")
        with connect_database(database) as connection:
            try:
                rows = connection.execute("SELECT version_num FROM alembic_version")
                stamped = {row[0] for row in rows}
            except DATABASE_ERRORS as problem:
                raise CheckFailed(f"database not migrated: {problem}") from problem
            tables = connection.execute("SELECT count(*) FROM sqlite_master WHERE type='table'")
            table_count = tables.fetchone()[0]
        if not stamped or stamped != heads:
            raise CheckFailed(
                f"database at revision {sorted(stamped)}; the scripts' head is {sorted(heads)}"
            )
        found = re.search(r"^(\S+)\s+.*case\.waypoint\.json\s*$", result.stdout, re.M)
        if not found:
            raise CheckFailed(f"import printed no case id:\n{result.stdout}")
        self.case_id = found.group(1)
        return (
            f"case {self.case_id}; migrated to {', '.join(sorted(stamped))}; {table_count} tables"
        )

    def check_list_export(self) -> str:
        case_id = self.case_id
        if case_id is None:
            raise CheckFailed("nothing was imported")
        listed = run_frozen(self.bundle, self.sandbox, ["list"])
        require_success(listed, "waypoint list")
        if case_id not in listed.stdout:
            raise CheckFailed(f"list does not show {case_id}:\n{listed.stdout}")
        exported = self.sandbox.work_dir / "exported.waypoint.json"
        result = run_frozen(self.bundle, self.sandbox, ["export", case_id, "-o", str(exported)])
        require_success(result, "waypoint export")
        data = json.loads(exported.read_text(encoding="utf-8"))
        original = json.loads(self.need_case().read_text(encoding="utf-8"))
        if data.get("format") != "waypoint-case/1" or data.get("journey") != original.get(
            "journey"
        ):
            raise CheckFailed(
                "the exported case differs from the imported one in format or journey"
            )
        info = run_frozen(self.bundle, self.sandbox, ["info"])
        require_success(info, "waypoint info after import")
        schema = next((ln for ln in info.stdout.splitlines() if ln.startswith("Schema")), "")
        if "(current)" not in schema:
            raise CheckFailed(f"info reports the schema as {schema!r}, not current")
        return f"listed, exported and re-read; {schema.strip()}"

    def need_case(self) -> Path:
        if self.case is None:
            raise CheckFailed("no public case file found (pass --case)")
        return self.case

    def check_evaluate(self) -> str:
        case = self.need_case()
        result = run_frozen(self.bundle, self.sandbox, ["evaluate", str(case), "--format", "json"])
        require_success(result, "waypoint evaluate")
        try:
            answer = json.loads(result.stdout)
        except ValueError as problem:
            raise CheckFailed(
                f"evaluate did not print JSON ({problem}): {result.stdout[:300]!r}"
            ) from problem
        rules = [finding.get("rule") for finding in answer.get("findings", [])]
        missing = [rule for rule in RULE_IDS if rule not in rules]
        if missing:
            raise CheckFailed(f"findings lack {missing}; got {rules}")
        if answer.get("format") != "waypoint-determination/1":
            raise CheckFailed(f"format is {answer.get('format')!r}")
        return ", ".join(f"{f['rule']}={f.get('outcome')}" for f in answer["findings"])

    def check_memo(self) -> str:
        case = self.need_case()
        pdf = self.sandbox.work_dir / "memo.pdf"
        result = run_frozen(self.bundle, self.sandbox, ["memo", str(case), "-o", str(pdf)])
        require_success(result, "waypoint memo")
        if not pdf.is_file():
            raise CheckFailed(f"no file written at {pdf}")
        if not pdf.read_bytes()[:5] == b"%PDF-":
            raise CheckFailed("memo.pdf does not start with %PDF-")
        text = pdf_text(pdf)
        if len(text.strip()) < 200:
            raise CheckFailed(f"memo text is only {len(text.strip())} characters: {text[:200]!r}")
        family = (
            json.loads(case.read_text(encoding="utf-8")).get("applicant", {}).get("family_name")
            or ""
        )
        if family.isascii() and family and family.lower() not in text.lower():
            raise CheckFailed(f"the applicant's family name {family!r} is not in the memo text")
        return f"{pdf.stat().st_size} bytes, {len(text.split())} words"

    def check_gui_starts(self) -> str:
        hooks = gui_exit_hooks_in_source()
        exit_env = {hook: "1" for hook in GUI_EXIT_HOOKS}
        timeout = COMMAND_TIMEOUT if hooks else GUI_GRACE_SECONDS
        result = run_frozen(self.bundle, self.sandbox, [], timeout=timeout, extra_env=exit_env)
        if "Traceback (most recent call last)" in result.stderr:
            raise CheckFailed(f"the window raised: {result.describe()}")
        if result.returncode is None:
            if hooks:
                raise CheckFailed(
                    f"{hooks[0]}=1 was set but the window had not quit after {timeout:.0f} s"
                )
            no_hook = "no exit hook in desktop/app.py"
            return f"still running after {timeout:.0f} s with no traceback ({no_hook})"
        if result.returncode != 0:
            raise CheckFailed(f"the window quit with an error: {result.describe()}")
        return f"started and quit by {'/'.join(hooks) or 'itself'} in {result.seconds:.2f} s"

    def fresh_data_dir(self, name: str) -> dict[str, str]:
        folder = self.sandbox.root / name
        folder.mkdir()
        return {"WAYPOINT_DATA_DIR": str(folder)}

    def stored_cases(self, data_env: dict[str, str], search: str = "") -> str:
        args = ["list", "--search", search] if search else ["list"]
        result = run_frozen(self.bundle, self.sandbox, args, extra_env=data_env)
        require_success(result, "waypoint list")
        return result.stdout

    def check_gui_opens_database(self) -> str:
        """First start in a fresh data folder: migrate in the background, seed the demo case,
        paint the case table with it (WAYPOINT_EXIT_AT_FIRST_PAINT=cases quits then)."""
        if '"cases"' not in (ROOT / "desktop" / "app.py").read_text(encoding="utf-8"):
            raise CheckSkipped("desktop/app.py has no WAYPOINT_EXIT_AT_FIRST_PAINT=cases mode")
        data_env = self.fresh_data_dir("gui-data")
        result = run_frozen(
            self.bundle,
            self.sandbox,
            [],
            extra_env={**data_env, "WAYPOINT_EXIT_AT_FIRST_PAINT": "cases"},
        )
        if result.returncode is None:
            raise CheckFailed(
                "the case table never showed a case (killed after "
                f"{COMMAND_TIMEOUT:.0f} s); log: {self.log_tail(data_env)}"
            )
        require_success(result, "the window's first start")
        listed = self.stored_cases(data_env)
        if "1 of 1 case(s)" not in listed:
            raise CheckFailed(f"expected the demo case alone, list says:\n{listed}")
        return f"database created, demo case shown, quit in {result.seconds:.2f} s"

    def log_tail(self, data_env: dict[str, str]) -> str:
        log = Path(data_env["WAYPOINT_DATA_DIR"]) / "logs" / "waypoint.log"
        return log.read_text(encoding="utf-8")[-800:] if log.is_file() else "(no log)"

    def check_gui_opens_case_file(self) -> str:
        """A double-clicked case file: `waypoint FILE.waypoint.json` imports it in the window."""
        case = self.need_case()
        try:
            sys.path.insert(0, str(ROOT))
            from desktop.launcher import wants_gui
        except ImportError as missing:
            raise CheckSkipped(f"cannot read the launcher: {missing}") from missing
        finally:
            sys.path.remove(str(ROOT))
        if not wants_gui([str(case)]):
            raise CheckSkipped(
                "desktop/launcher.py does not yet send a lone case file to the window"
            )
        data = json.loads(case.read_text(encoding="utf-8"))
        data.setdefault("applicant", {})["family_name"] = "Doubleclick"
        data.pop("case_id", None)
        clicked = self.sandbox.work_dir / "double click.waypoint.json"
        clicked.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        data_env = self.fresh_data_dir("open-data")
        self.stored_cases(data_env)  # an existing, empty database: no demo case is seeded
        # The window imports the file once its database is open and then shows the case; wait
        # for the case to be stored (asking the frozen CLI), then close the window.
        output = self.sandbox.root / "open-file-window.log"
        with output.open("w", encoding="utf-8") as log:
            window = subprocess.Popen(
                [str(self.bundle.executable), str(clicked)],
                cwd=self.sandbox.work_dir,
                env=dict(self.sandbox.env, **data_env),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                waited = self.wait_for_case(window, data_env, "Doubleclick")
            finally:
                if window.poll() is None:
                    window.terminate()
                try:
                    window.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    window.kill()
                    window.wait()
        printed = output.read_text(encoding="utf-8", errors="replace")
        if "Traceback (most recent call last)" in printed:
            raise CheckFailed(f"the window raised:\n{printed[-1500:]}")
        if waited is None:
            raise CheckFailed(
                f"the case was not imported within {COMMAND_TIMEOUT:.0f} s (window exit "
                f"{window.returncode}); output: {printed[-800:]}; log: {self.log_tail(data_env)}"
            )
        return f"stored by the window within {waited:.1f} s (polled with the CLI), no traceback"

    def wait_for_case(
        self, window: subprocess.Popen[bytes], data_env: dict[str, str], name: str
    ) -> float | None:
        """Seconds until a case with this name is stored; None at the deadline or if the
        window quit first."""
        started = time.perf_counter()
        while time.perf_counter() - started < COMMAND_TIMEOUT:
            if "1 of 1 case(s)" in self.stored_cases(data_env, name):
                return time.perf_counter() - started
            if window.poll() is not None:
                return None
            time.sleep(0.5)
        return None

    def check_server_database(self) -> str:
        """The bundled psycopg driver and migrations against a (throwaway) PostgreSQL database."""
        if not self.server_url:
            raise CheckSkipped("no --database-url given")
        case = self.need_case()
        server_env = {
            **self.fresh_data_dir("server-data"),
            "WAYPOINT_DATABASE_URL": self.server_url,
        }
        for args in (["import", str(case)], ["list"], ["audit", "verify"]):
            result = run_frozen(self.bundle, self.sandbox, args, extra_env=server_env)
            require_success(result, f"waypoint {' '.join(args[:2])} on the server database")
        info = run_frozen(self.bundle, self.sandbox, ["info"], extra_env=server_env)
        require_success(info, "waypoint info on the server database")
        schema = next((ln for ln in info.stdout.splitlines() if ln.startswith("Schema")), "")
        if "(current)" not in schema:
            raise CheckFailed(f"info reports the server schema as {schema!r}, not current")
        return f"import, list, audit verify; {schema.strip()}"

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("executable present", self.check_executable),
            ("every resource file bundled", self.check_resources_shipped),
            ("every migration script bundled", self.check_migrations_shipped),
            ("the app's sources bundled (import order)", self.check_sources_shipped),
            ("waypoint --version", self.check_version),
            ("waypoint info", self.check_info),
            ("waypoint import creates and migrates the database", self.check_import_migrates),
            ("waypoint list, export and info see the stored case", self.check_list_export),
            ("waypoint evaluate --format json: six rule ids", self.check_evaluate),
            ("waypoint memo: a PDF with text", self.check_memo),
            ("the window starts", self.check_gui_starts),
            ("the window's first start creates the database", self.check_gui_opens_database),
            ("a case file given as the one argument opens", self.check_gui_opens_case_file),
            ("PostgreSQL through the bundled driver", self.check_server_database),
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bundle",
        type=Path,
        default=ROOT / "build" / "dist" / "waypoint",
        help="the one-folder bundle (or Waypoint.app on macOS)",
    )
    parser.add_argument("--case", type=Path, help="a waypoint-case/1 file (default: a public case)")
    parser.add_argument(
        "--database-url",
        help="also run against this throwaway PostgreSQL database (it gets written to)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    bundle = Bundle.locate(args.bundle)
    root = Path(tempfile.mkdtemp(prefix="waypoint-smoke-"))
    sandbox = Sandbox.create(root)
    case = args.case or default_case()
    copied = None
    if case is not None:
        copied = sandbox.work_dir / "case.waypoint.json"
        shutil.copyfile(case, copied)
    print(f"smoke test of {bundle.executable}\n  sandbox {root}\n  case {case}")

    failures = []
    for name, check in SmokeTest(bundle, sandbox, copied, args.database_url).checks():
        try:
            detail = check()
        except CheckFailed as problem:
            failures.append(name)
            print(f"FAIL {name}: {problem}")
        except CheckSkipped as reason:
            print(f"skip {name}: {reason}")
        else:
            print(f"ok   {name}: {detail}")
    if args.keep:
        print(f"kept {root}")
    else:
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print(f"smoke test FAILED: {len(failures)} check(s): {', '.join(failures)}")
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
