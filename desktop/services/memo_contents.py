"""The case inside a memo: the embedded case file and decision receipt read back, the case
re-evaluated under the rule pack the receipt names (when it is installed), and whether the
findings reproduce. No database is needed: the memo carries what is re-checked."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop.memo.archival import CASE_FILE_NAME, RECEIPT_FILE_NAME, associated_files


@dataclass
class ContentsCheck:
    """What the embedded files say, in words: findings (notes) and problems (not valid)."""

    findings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    reproduced: bool | None = None  # None: not re-evaluated (no case inside, no pack here)


def check_contents(pdf: bytes, recorded_facts: str | None, data_dir: Path | None = None
                   ) -> ContentsCheck:
    """Read the embedded case and receipt; re-evaluate the case under the receipt's pack.

    `recorded_facts`: the facts digest the memo's (signed) keywords record. `data_dir`: where
    installed rule packs are looked for (None: only the built-in pack).
    """
    check = ContentsCheck()
    try:
        files = associated_files(pdf)
    except ValueError:
        return check  # the signature check already says the file cannot be read
    if CASE_FILE_NAME not in files or RECEIPT_FILE_NAME not in files:
        check.findings.append("The memo carries no embedded case file and decision receipt "
                              "(memos made before they were embedded do not): its findings "
                              "cannot be re-checked from the memo alone.")
        return check
    case_bytes, receipt_raw = files[CASE_FILE_NAME][1], files[RECEIPT_FILE_NAME][1]
    check.findings.append(f"Embedded case file {CASE_FILE_NAME} (SHA-256 "
                          f"{hashlib.sha256(case_bytes).hexdigest()}) and decision receipt "
                          f"{RECEIPT_FILE_NAME} (SHA-256 "
                          f"{hashlib.sha256(receipt_raw).hexdigest()}).")
    parsed = _parse(case_bytes, receipt_raw, check)
    if parsed is None:
        return check
    case, receipt = parsed
    _compare_digests(case, receipt, recorded_facts, check)
    _reproduce(case, receipt, data_dir, check)
    _text_catalog(receipt, check)
    return check


def _parse(case_bytes: bytes, receipt_raw: bytes, check: ContentsCheck
           ) -> tuple[dict[str, Any], dict[str, Any]] | None:
    from desktop.services.evaluation import CaseFileError, parse_case_bytes

    try:
        case = parse_case_bytes(case_bytes)
    except CaseFileError as problem:
        check.problems.append(f"The embedded case file cannot be read: {problem}.")
        return None
    try:
        receipt = json.loads(receipt_raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as problem:
        check.problems.append(f"The embedded decision receipt cannot be read: {problem}.")
        return None
    if not isinstance(case, dict) or not isinstance(receipt, dict):
        check.problems.append("The embedded case file or decision receipt is not a JSON object.")
        return None
    return case, receipt


def _compare_digests(case: dict[str, Any], receipt: dict[str, Any],
                     recorded_facts: str | None, check: ContentsCheck) -> None:
    from desktop import case_rules

    digest = case_rules.facts_digest(case)
    for what, recorded in (("the memo records", recorded_facts),
                           ("the decision receipt records", receipt.get("facts_digest"))):
        if recorded and recorded != digest:
            check.problems.append(f"The embedded case file is not the case the memo was made "
                                  f"from: its facts digest ({digest[:16]}\u2026) differs from "
                                  f"the one {what} ({str(recorded)[:16]}\u2026).")


def _reproduce(case: dict[str, Any], receipt: dict[str, Any], data_dir: Path | None,
               check: ContentsCheck) -> None:
    """Evaluate the case under the named pack on the recorded date; compare the findings."""
    from desktop.services.decision import DecisionDate, DecisionPath
    from desktop.services.evaluation import CaseFileError
    from desktop.services.rule_pack_file import RulePackRefused
    from desktop.services.rule_packs import PackStore
    from desktop.services.rules import RulePackError, bundled_rule_pack

    rules_hash = str(receipt.get("rules_hash") or "")
    try:
        decided = date.fromisoformat(str(receipt.get("decision_date")))
    except ValueError:
        check.problems.append("The decision receipt gives no valid decision date.")
        return
    try:
        if data_dir is not None:
            pack = PackStore(data_dir).load(rules_hash)
        elif rules_hash == bundled_rule_pack().hash:
            pack = bundled_rule_pack()
        else:
            raise RulePackRefused(rules_hash)
    except (RulePackRefused, RulePackError):
        check.findings.append(f"The rule pack the memo names ({rules_hash[:16] or 'none'}\u2026) "
                              "is not installed here: the embedded case was not re-evaluated, "
                              "so whether its findings reproduce is not known. Install that "
                              "pack and verify again.")
        return
    try:
        determination = DecisionPath(pack).evaluate(case, DecisionDate(decided, True, ""))
    except CaseFileError as problem:
        check.reproduced = False
        check.problems.append(f"The embedded case cannot be evaluated: {problem}.")
        return
    now = [(f.get("rule"), f.get("outcome")) for f in determination.get("findings") or []]
    then = [(f.get("rule"), f.get("outcome")) for f in receipt.get("findings") or []]
    where = f"under rule pack {rules_hash[:16]}\u2026 as of {decided.isoformat()}"
    check.reproduced = now == then
    if check.reproduced:
        engine, recorded = determination.get("engine_version"), receipt.get("engine_version")
        since = "" if engine == recorded else f", the memo's was {recorded}"
        check.findings.append(f"The embedded case re-evaluated {where}: the findings reproduce "
                              f"({len(now)} findings; engine {engine}{since}).")
        return
    check.problems.append(f"The embedded case re-evaluated {where}: the findings do NOT "
                          f"reproduce ({_differences(dict(then), dict(now))}).")


def _text_catalog(receipt: dict[str, Any], check: ContentsCheck) -> None:
    """The catalog a memo in another language was worded from, against the one here: a
    different catalog changes the words, never the findings, so it is said, not a problem."""
    from desktop.text_catalogs import NoCatalog, text_catalog

    recorded, language = receipt.get("text_catalog_hash"), receipt.get("text_language")
    if not recorded or not isinstance(language, str):
        return
    try:
        here = text_catalog(language).sha256
    except (NoCatalog, OSError):
        here = None
    same = ("the catalog installed here is the same" if here == recorded else
            "the catalog installed here differs (the wording may differ; the findings do not "
            "depend on it)")
    check.findings.append(f"Worded from the {language} text catalog, SHA-256 "
                          f"{str(recorded)[:16]}\u2026: {same}.")


def _differences(then: dict[Any, Any], now: dict[Any, Any]) -> str:
    """Rule by rule, what the memo's receipt says and what the evaluation gives now."""
    words = [f"{rule}: memo {then.get(rule, 'no finding')}, now {now.get(rule, 'no finding')}"
             for rule in [*then, *(r for r in now if r not in then)]
             if then.get(rule) != now.get(rule)]
    return "; ".join(words) or "the findings come in another order"
