"""Hostile case files: a clear one-line refusal naming the field, never a traceback or a hang."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycountry
import pytest

from desktop.services.cases import CaseService
from desktop.services.evaluation import (
    CaseFileError,
    case_problems,
    read_case_file,
    validate_case_data,
)
from desktop.services.memo_rendering import render_case_memo
from desktop.services.rules import bundled_rule_pack
from desktop.services.storage_errors import CaseImportError
from tests.children import child_pythonpath
from tests.engine.builders import base_case
from tests.evaluated import evaluated

REPO = Path(__file__).resolve().parents[1]
MAX_STOPS = 100
MAX_CLAIMS = 5
MAX_FAMILY = 30
MAX_NAME = 200
MAX_NOTES = 20_000


def waypoint(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, cwd=REPO, timeout=timeout, check=False,
                          env=dict(os.environ, PYTHONPATH=child_pythonpath(REPO)))


def write_json_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def surrogate_case(tmp_path: Path) -> Path:
    """A case whose family name holds \\ud800 (json.dumps escapes it, as a bad converter would)."""
    case = base_case()
    case["applicant"]["family_name"] = "Ram\ud800rez"
    return write_json_text(tmp_path / "surrogate.json", json.dumps(case))


def assert_refused_cleanly(done: subprocess.CompletedProcess[str], *words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 400, lines
    for word in words:
        assert word in lines[0]


# --- a lone surrogate ----------------------------------------------------------------------------

def test_a_lone_surrogate_is_refused_naming_the_field(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as refused:
        read_case_file(surrogate_case(tmp_path))
    assert refused.value.pointer == "/applicant/family_name"
    assert "surrogate" in refused.value.message
    assert "\\ud800" in refused.value.message


def test_a_lone_surrogate_in_a_key_is_refused(tmp_path: Path) -> None:
    text = json.dumps(base_case()).replace('"port"', '"po\\udfffrt"')
    with pytest.raises(CaseFileError, match="surrogate") as refused:
        read_case_file(write_json_text(tmp_path / "key.json", text))
    assert refused.value.pointer == "/entry"


def test_evaluate_and_import_refuse_a_lone_surrogate_without_a_traceback(
        tmp_path: Path) -> None:
    case_file = surrogate_case(tmp_path)
    data = ["--data-dir", str(tmp_path / "data")]
    assert_refused_cleanly(waypoint("evaluate", str(case_file)), "/applicant/family_name",
                           "surrogate")
    assert_refused_cleanly(waypoint(*data, "import", str(case_file)), "/applicant/family_name",
                           "nothing was imported")
    assert_refused_cleanly(waypoint("memo", str(case_file), "-o", str(tmp_path / "m.pdf")),
                           "surrogate")


# --- sizes -----------------------------------------------------------------------------------

def test_a_ten_thousand_stop_journey_is_refused_with_the_limit(tmp_path: Path) -> None:
    case = base_case()
    case["journey"] = [dict(case["journey"][1]) for _ in range(10_000)]
    case_file = write_json_text(tmp_path / "long.json", json.dumps(case))
    with pytest.raises(CaseFileError) as refused:
        read_case_file(case_file)
    assert str(refused.value) == (
        "/journey: too many: 10,000 entries; at most 100 (is this the right file?)")


def test_a_million_character_name_is_refused_in_a_short_message(tmp_path: Path) -> None:
    case = base_case()
    case["applicant"]["given_names"] = "N" * 1_000_000
    case["entry"]["coming_from"] = "M" * 1_000_000  # a pattern refusal quotes the value
    problems = [str(p) for p in case_problems(case)]
    assert "/applicant/given_names: too long: 1,000,000 characters; at most 200 " \
           "(is this the right file?)" in problems
    assert all(len(p) < 200 for p in problems), [p[:100] for p in problems]
    assert any(p.startswith("/entry/coming_from: 'MMMM") for p in problems)


def test_notes_and_names_at_the_limit_pass_and_one_more_is_refused() -> None:
    case = base_case()
    case["notes"] = "n" * MAX_NOTES
    case["applicant"]["family_name"] = "f" * MAX_NAME
    validate_case_data(case)
    case["notes"] += "n"
    with pytest.raises(CaseFileError, match="/notes: too long: 20,001 characters; at most"):
        validate_case_data(case)


def test_a_number_with_5000_digits_is_refused_in_our_words(tmp_path: Path) -> None:
    text = json.dumps(base_case()).replace('"claimed_within_days": 0',
                                           '"claimed_within_days": ' + "9" * 5000)
    with pytest.raises(CaseFileError) as refused:
        read_case_file(write_json_text(tmp_path / "digits.json", text))
    message = str(refused.value)
    assert message == ("not a case file: a number with 5,000 digits is far too long for a "
                       "case file (at most 30 digits)")
    assert "set_int_max_str_digits" not in message


def test_an_infinite_number_is_refused(tmp_path: Path) -> None:
    text = json.dumps(base_case()).replace('"claimed_within_days": 0',
                                           '"claimed_within_days": 1e999')
    with pytest.raises(CaseFileError, match="not a case file: the number 1e999 is too large"):
        read_case_file(write_json_text(tmp_path / "inf.json", text))


# --- the memo survives anything the schema accepts -------------------------------------------

def maximum_case(word: str) -> dict[str, Any]:
    """Every list and text at the schema's limit, names one unbreakable word."""
    case = base_case()
    name = (word * MAX_NAME)[:MAX_NAME]
    case.update(case_id="I" * MAX_NAME, case_reference=name, notes=(word * MAX_NOTES)[:MAX_NOTES])
    case["applicant"].update(
        family_name=name, given_names=name, a_number="A-123-456-789",
        nationalities=["HN", "GT", "SV", "NI", "CR", "PA", "MX", "CO", "VE", "EC"],
        languages=["es"] * 10)
    case["entry"]["port"] = name
    countries = ["GT", "MX", "SV", "NI", "CR", "PA", "CO", "EC", "PE", "BR"]
    claim = {"kind": "asylum", "outcome": "denied", "final": True}
    journey = []
    for i in range(MAX_STOPS):
        month = f"{2010 + i // 12}-{i % 12 + 1:02d}"
        journey.append({"country": countries[i % len(countries)], "arrived": month,
                        "departed": month, "status_held": "none",
                        "permanent_status_offered": False,
                        "protection_claims": [dict(claim, filed=month, decided=month)]
                        * MAX_CLAIMS})
    journey[0]["country"], journey[-1]["country"] = "HN", "MX"
    journey[-1]["departed"] = "2019-10"
    case["journey"] = journey
    member = {"relation": name, "family_name": name, "given_names": name,
              "date_of_birth": "1991", "parole_authorization": False,
              "scheduled_appointment": False, "final_denial_country": "MX"}
    circumstances = case["circumstances"]
    circumstances["travelling_with_family"] = [member] * MAX_FAMILY
    circumstances["family_in_us"] = [{"relation": "sibling", "status": "asylee", "age": 30}
                                     ] * MAX_FAMILY
    circumstances["fear_of_receiving_country"] = {
        country.alpha_2: "not_established" for country in list(pycountry.countries)[:100]}
    return case


@pytest.mark.slow
def test_the_memo_of_a_maximum_size_case_renders() -> None:
    from pypdf import PdfReader

    case = maximum_case("W")  # one unbreakable word: the hardest case for the layout
    validate_case_data(case)
    determination = evaluated(case)
    pdf = render_case_memo(case, determination, pack=bundled_rule_pack(),
                           generated_at=datetime(2024, 5, 1, tzinfo=UTC),
                           status="draft", officer_notes=case["notes"])
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() or "" for page in reader.pages[-40:])
    assert "W" * 40 in text


# --- what is read at all -------------------------------------------------------------------

@pytest.mark.posix(reason="/dev/zero exists on POSIX only")
def test_dev_zero_is_refused_at_once() -> None:
    with pytest.raises(CaseFileError, match="not a regular file"):
        read_case_file("/dev/zero")
    assert_refused_cleanly(waypoint("evaluate", "/dev/zero", timeout=30), "not a regular file")


@pytest.mark.posix(reason="a FIFO (os.mkfifo) exists on POSIX only")
def test_a_fifo_is_refused_and_never_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    data = ["--data-dir", str(tmp_path / "data")]
    # In a child with a time limit: a regression hangs the child, not the test run.
    assert_refused_cleanly(waypoint("evaluate", str(fifo), timeout=30), "not a regular file")
    assert_refused_cleanly(waypoint(*data, "import", str(fifo), timeout=60), "not a regular file")


def test_the_service_reports_a_device_as_a_refused_file(tmp_path: Path) -> None:
    from db import open_database

    database = open_database(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    try:
        with pytest.raises(CaseImportError, match="not a regular file"):
            CaseService(database).import_files([os.devnull])
    finally:
        database.close()


# --- a closed pipe ---------------------------------------------------------------------------

def test_import_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    # More than a pipe's buffer (64 KB) of output, so the writer is still writing when the
    # reader goes away, as with `waypoint import … | head -1`.
    folder = tmp_path / ("n" * 200)
    folder.mkdir()
    files = []
    for i in range(300):
        case = dict(base_case(), case_id=f"case-{i}")
        files.append(str(write_json_text(folder / f"{i:03d}-{'x' * 200}.json",
                                         json.dumps(case))))
    with subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "data"), "import",
             *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO,
            env=dict(os.environ, PYTHONPATH=child_pythonpath(REPO))) as child:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        child.stdout.close()
        errors = child.stderr.read().decode()
        code = child.wait(timeout=120)
    assert first.startswith(b"Imported 300 new case(s)")
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert code == 141
    listed = waypoint("--data-dir", str(tmp_path / "data"), "list", "--limit", "0")
    assert listed.stdout.strip() == "0 of 300 case(s)"  # the import itself was complete


# --- one hardened reader for every way in: the table ---------------------------------------
# Each hostile input is tried as a plain case file, inside an encrypted bundle (decrypted
# content is not trusted more than a file) and, where it is a text, typed into the form.

BUNDLE_SECRET = "bundle passphrase for the hostile table"


def _with(change: Any) -> bytes:
    case = base_case()
    change(case)
    return json.dumps(case, ensure_ascii=False).encode("utf-8")


def _set(section: str | None, key: str, value: Any) -> bytes:
    def change(case: dict[str, Any]) -> None:
        (case[section] if section else case)[key] = value
    return _with(change)


def _text(raw: str) -> bytes:
    return raw.encode("utf-8")


def _deep(levels: int) -> bytes:
    case = json.dumps(base_case())
    return (case[:-1] + ', "x_deep": ' + "[" * levels + "]" * levels + "}").encode()


def _member(**names: str) -> bytes:
    member = {"relation": "son", "family_name": "Cruz", "given_names": "Leo",
              "date_of_birth": "2015", "parole_authorization": False,
              "scheduled_appointment": False, "final_denial_country": None, **names}
    return _with(lambda case: case["circumstances"]["travelling_with_family"].append(member))


BASE = json.dumps(base_case())
# (id, the file's bytes, what the one-line refusal must contain, the form's field or None)
HOSTILE: list[tuple[str, bytes, str, tuple[str, ...] | None]] = [
    ("surrogate-in-name", BASE.replace("Ana", "An\\ud800a").encode(), "surrogate", None),
    ("surrogate-in-key", BASE.replace('"port"', '"po\\udfffrt"').encode(), "surrogate", None),
    ("ten-thousand-stops", _with(lambda c: c.update(journey=c["journey"] * 3_400)),
     "too many", None),
    ("six-megabytes", _set(None, "x_padding", "p" * 6_000_000), "MB", None),
    ("nested-100000", _deep(100_000), "nested too deeply", None),
    ("nested-40", _deep(40), "nested more than", None),
    ("nan", BASE.replace('"claimed_within_days": 0', '"claimed_within_days": NaN').encode(),
     "NaN", None),
    ("infinity", BASE.replace('"claimed_within_days": 0',
                              '"claimed_within_days": Infinity').encode(), "Infinity", None),
    ("minus-infinity", BASE.replace('"claimed_within_days": 0',
                                    '"claimed_within_days": -Infinity').encode(),
     "-Infinity", None),
    ("1e999", BASE.replace('"claimed_within_days": 0', '"claimed_within_days": 1e999').encode(),
     "too large", None),
    ("5000-digits", BASE.replace('"claimed_within_days": 0',
                                 '"claimed_within_days": ' + "9" * 5000).encode(), "digits",
     None),
    ("duplicate-key", BASE.replace('"sex": "female"', '"sex": "female", "sex": "male"').encode(),
     "more than once", None),
    ("200k-unknown-keys", _with(lambda c: c.update({f"k{i}": 0 for i in range(200_000)})),
     "200,000 fields", None),
    ("not-utf8", b'{"format": "waypoint-case/1", "x": "\xff"}', "not UTF-8", None),
    ("utf16", "{}".encode("utf-16"), "UTF-16", None),
    ("a-list", b"[]", "JSON object", None),
    ("nul-in-name", _set("applicant", "family_name", "Ram\x00irez"), "U+0000",
     ("applicant", "family_name")),
    ("newline-in-family-name", _set("applicant", "family_name", "Cruz\nDECISION: DENIED"),
     "line break", ("applicant", "family_name")),
    ("cr-in-given-names", _set("applicant", "given_names", "Ana\rDENIED"), "U+000D",
     ("applicant", "given_names")),
    ("esc-in-name", _set("applicant", "family_name", "Cruz\x1b[2J"), "U+001B",
     ("applicant", "family_name")),
    ("zero-width-space", _set("applicant", "given_names", "Ro\u200bsa"), "U+200B",
     ("applicant", "given_names")),
    ("right-to-left-override", _set("applicant", "family_name", "\u202eZERIMAR"), "U+202E",
     ("applicant", "family_name")),
    ("right-to-left-isolate", _set("applicant", "given_names", "Ana\u2067x\u2069"), "U+2067",
     ("applicant", "given_names")),
    ("bom-in-name", _set("applicant", "family_name", "\ufeffCruz"), "U+FEFF",
     ("applicant", "family_name")),
    ("rlm-in-name", _set("applicant", "family_name", "Cruz\u200f"), "U+200F",
     ("applicant", "family_name")),
    ("zwj-between-latin", _set("applicant", "family_name", "Ro\u200dsa"), "U+200D",
     ("applicant", "family_name")),
    ("tag-characters", _set("applicant", "family_name", "Cruz\U000e0041"), "U+E0041",
     ("applicant", "family_name")),
    ("soft-hyphen", _set("applicant", "given_names", "An\u00ada"), "U+00AD",
     ("applicant", "given_names")),
    ("nel-in-reference", _set(None, "case_reference", "REF-1\x85DENIED"), "U+0085",
     ("case_reference",)),
    ("del-in-port", _set("entry", "port", "El Paso\x7f"), "U+007F", ("entry", "port")),
    ("line-separator-in-port", _set("entry", "port", "El Paso\u2028DENIED"), "U+2028",
     ("entry", "port")),
    ("esc-in-notes", _set(None, "notes", "fine\x1b[31m red"), "U+001B", ("notes",)),
    ("bel-in-notes", _set(None, "notes", "ding\x07"), "U+0007", ("notes",)),
    ("override-in-notes", _set(None, "notes", "a\u202eb"), "U+202E", ("notes",)),
    ("newline-in-member-name", _member(family_name="Cruz\nDENIED"), "line break", None),
    ("esc-in-relation", _member(relation="son\x1b]0;x\x07"), "U+001B", None),
    ("esc-in-unknown-key", _text(BASE[:-1] + ', "x\\u001b[2J": 1}'), "the key", None),
    ("newline-in-case-id", _set(None, "case_id", "case\n1"), "line break", None),
]


@pytest.fixture
def store(tmp_path: Path) -> Any:
    from db import open_database

    database = open_database(f"sqlite:///{tmp_path / 'hostile.sqlite3'}")
    yield CaseService(database)
    database.close()


def _refusal_as_file(tmp_path: Path, raw: bytes) -> str | None:
    path = tmp_path / "hostile.json"
    path.write_bytes(raw)
    try:
        read_case_file(path)
    except CaseFileError as refused:
        return str(refused)
    return None


def _refusal_as_bundle(tmp_path: Path, raw: bytes, service: CaseService) -> str | None:
    from desktop.services.bundle import seal_bytes

    path = tmp_path / "hostile.waypoint-bundle"
    path.write_bytes(seal_bytes(raw, BUNDLE_SECRET))
    try:
        service.import_files([path], bundle_passphrase=BUNDLE_SECRET)
    except CaseImportError as refused:
        return str(refused)
    return None


def _refusal_in_form(raw: bytes, field: tuple[str, ...]) -> str | None:
    from desktop.flow.case_flow import CaseFlow

    value = json.loads(raw)
    for part in field:
        value = value[part]
    flow = CaseFlow(base_case())
    flow.set_answer(field, value)
    problems = [p.message for p in flow.errors() if p.path == field]
    return problems[0] if problems else None


@pytest.mark.parametrize(("raw", "words", "field"), [h[1:] for h in HOSTILE],
                         ids=[h[0] for h in HOSTILE])
def test_a_hostile_input_is_refused_the_same_way_in_a_file_a_bundle_and_the_form(
        tmp_path: Path, store: CaseService, raw: bytes, words: str,
        field: tuple[str, ...] | None) -> None:
    as_file = _refusal_as_file(tmp_path, raw)
    as_bundle = _refusal_as_bundle(tmp_path, raw, store)
    assert as_file is not None and words in as_file, as_file
    assert as_bundle is not None and words in as_bundle, as_bundle
    assert len(as_file) < 400 and "\n" not in as_file and "\x1b" not in as_file
    assert store.count_cases() == 0  # nothing half-imported
    if field is not None:
        in_form = _refusal_in_form(raw, field)
        assert in_form is not None and words in in_form, in_form


def test_hostile_inputs_refused_over_tried(tmp_path: Path, store: CaseService,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    tried = refused = 0
    for name, raw, _words, _field in HOSTILE:
        for refusal in (_refusal_as_file(tmp_path, raw),
                        _refusal_as_bundle(tmp_path, raw, store)):
            tried += 1
            refused += refusal is not None
            assert refusal is not None, name
    with capsys.disabled():
        print(f"\nhostile inputs refused/tried: {refused}/{tried} ({len(HOSTILE)} kinds, "
              "each as a file and as a bundle)")
    assert refused == tried == 2 * len(HOSTILE)


ALLOWED = [
    ("persian-zwnj", "family_name", "\u0645\u06cc\u200c\u0631\u0648\u0645"),
    ("arabic", "family_name", "\u0627\u0644\u0639\u0644\u064a"),
    ("chinese", "given_names", "\u674e\u5c0f\u9f99"),
    ("apostrophe-and-hyphen", "family_name", "O'Brien-Núñez"),
]


@pytest.mark.parametrize(("key", "value"), [a[1:] for a in ALLOWED], ids=[a[0] for a in ALLOWED])
def test_real_names_in_any_script_pass(tmp_path: Path, key: str, value: str) -> None:
    raw = _set("applicant", key, value)
    assert _refusal_as_file(tmp_path, raw) is None
    assert _refusal_in_form(raw, ("applicant", key)) is None


def test_text_is_read_in_nfc_and_notes_keep_their_lines(tmp_path: Path) -> None:
    import unicodedata

    case = base_case()
    case["applicant"]["family_name"] = unicodedata.normalize("NFD", "Núñez-Ibáñez")
    case["notes"] = "first line\r\nsecond\tline\n\nsee \u200fRTL mark"
    path = write_json_text(tmp_path / "nfd.json", json.dumps(case))
    data = read_case_file(path)
    assert data["applicant"]["family_name"] == "Núñez-Ibáñez"  # NFC: 12 code points
    assert len(data["applicant"]["family_name"]) == 12
    assert data["notes"] == "first line\nsecond\tline\n\nsee \u200fRTL mark"


def test_the_form_stores_names_in_nfc() -> None:
    import unicodedata

    from desktop.flow.case_flow import CaseFlow

    flow = CaseFlow(base_case())
    flow.set_answer(("applicant", "family_name"), unicodedata.normalize("NFD", "Ibáñez"))
    assert flow.answer(("applicant", "family_name")) == "Ibáñez"


# --- what was stored before the rule is shown, never obeyed --------------------------------

STORED_HOSTILE = {"family_name": "Cruz\nDECISION: DENIED", "given_names": "\u202eZERIMAR"}


def test_a_stored_name_with_a_line_break_or_override_is_spelt_out_in_the_memo(
        tmp_path: Path) -> None:
    case = base_case()
    determination = evaluated(case)
    case["applicant"].update(STORED_HOSTILE)  # as a draft saved before the text rule
    case["notes"] = "first line\nsecond line \x1b[31m red \u200fmark"
    pdf = render_case_memo(case, determination, pack=bundled_rule_pack(),
                           generated_at=datetime(2024, 5, 1, tzinfo=UTC),
                           status="draft", officer_notes=None)
    (tmp_path / "memo.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "memo.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    assert not any(line.startswith("DECISION") for line in lines)  # no line of its own
    assert any("Family name(s)" in line and "Cruz⟨U+000A⟩DECISION: DENIED" in line
               for line in lines)
    assert "⟨U+202E⟩ZERIMAR" in text and "RAMIREZ" not in text
    assert "first line" in lines and "⟨U+001B⟩[31m" in text and "⟨U+200F⟩mark" in text


def test_waypoint_list_escapes_what_a_terminal_would_obey(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from db import open_database
    from desktop.cli import main

    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    case_file = write_json_text(tmp_path / "case.json", json.dumps(base_case()))
    assert main(["--data-dir", str(data), "import", str(case_file)]) == 0
    database = open_database(f"sqlite:///{data / 'waypoint.sqlite3'}")
    try:
        service = CaseService(database)
        case_id = service.list_cases()[0].case_id
        hostile = base_case()
        hostile["applicant"].update(family_name="Cruz\r\nDENIED\x1b[2J\x07",
                                    given_names="\u202eZERIMAR")
        service.save_draft(case_id, hostile)  # a draft may hold anything the form let through
    finally:
        database.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 2, out  # one line for the case, one for the count
    for obeyed in ("\x1b", "\x07", "\r", "\u202e"):
        assert obeyed not in out
    assert "Cruz⟨U+000D⟩⟨U+000A⟩DENIED⟨U+001B⟩[2J⟨U+0007⟩" in out


def _envelope(**changes: Any) -> bytes:
    from desktop.services.bundle import seal

    envelope = json.loads(seal(base_case(), BUNDLE_SECRET))
    envelope.update(changes)
    return json.dumps(envelope).encode()


HOSTILE_ENVELOPES = [
    ("nested", b'{"format": "waypoint-bundle/1", "kdf": ' + b"[" * 100_000 + b"]" * 100_000
     + b"}"),
    ("huge-scrypt-cost", _envelope(kdf={"name": "scrypt", "n": 2**40, "r": 8, "p": 1,
                                        "salt": "AAAA"})),
    ("kdf-not-an-object", _envelope(kdf="scrypt")),
    ("nonce-not-base64", _envelope(cipher={"name": "AES-256-GCM", "nonce": "%%%"})),
    ("ciphertext-missing", _envelope(ciphertext=None)),
    ("not-utf8", b'{"format": "waypoint-bundle/1", "kdf": "\xff"}'),
]


@pytest.mark.parametrize("raw", [e[1] for e in HOSTILE_ENVELOPES],
                         ids=[e[0] for e in HOSTILE_ENVELOPES])
def test_a_hostile_bundle_envelope_is_refused_in_one_line(
        tmp_path: Path, store: CaseService, raw: bytes) -> None:
    path = tmp_path / "hostile.waypoint-bundle"
    path.write_bytes(raw)
    with pytest.raises(CaseImportError) as refused:
        store.import_files([path], bundle_passphrase=BUNDLE_SECRET)
    assert "nothing was imported" in str(refused.value) and "\n" not in str(refused.value)
    assert store.count_cases() == 0
