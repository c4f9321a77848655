"""Regenerates treaties.json (the rule pack's treaty participation table) from treaties.csv.

Usage: python resources/rules/build_treaties.py [PATH/TO/treaties.csv]
(default: treaties.csv beside this script, the research table kept in the repository).
The tests call build() and
compare its result with the committed treaties.json, so the two cannot drift apart.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CSV = HERE / "treaties.csv"
SOURCE_NOTE = (
    "resources/rules/treaties.csv (research table; per-cell provenance from its notes column)"
)

# Entry into force for a state, from its deposit (and never before the treaty itself was in
# force). The per-state rule is what the research notes give; the treaty-wide dates are recalled.
INSTRUMENTS = {
    "refugee_convention_1951": {
        "title": "1951 Convention relating to the Status of Refugees",
        "column": "refugee_convention_1951",
        "kind_column": "refugee_convention_kind",
        "abbreviation": "Conv",
        "days_after_deposit": 90,
        "treaty_in_force_from": "1954-04-22",
        "citation": "1951 Convention art. 43(2)",
        "verified": False,
        "note": "R: 90 days after deposit recalled from art. 43(2), not re-verified; treaty-wide "
                "entry into force 1954-04-22 (art. 43(1)) recalled.",
    },
    "protocol_1967": {
        "title": "1967 Protocol relating to the Status of Refugees",
        "column": "protocol_1967",
        "kind_column": "protocol_kind",
        "abbreviation": "Prot",
        "days_after_deposit": 0,
        "treaty_in_force_from": "1967-10-04",
        "citation": "1967 Protocol art. VIII(2)",
        "verified": False,
        "note": "R: entry into force on deposit recalled (art. VIII(2)), not re-verified; "
                "treaty-wide entry into force 1967-10-04 recalled.",
    },
    "cat": {
        "title": "Convention against Torture",
        "column": "cat",
        "kind_column": "cat_kind",
        "abbreviation": "CAT",
        "days_after_deposit": 30,
        "treaty_in_force_from": "1987-06-26",
        "citation": "CAT art. 27(2)",
        "verified": True,
        "note": "V: 30 days after deposit (art. 27(2)). The treaty-wide date 1987-06-26 "
                "(art. 27(1)) for the first 20 states is recalled (R).",
    },
}

CAT_GAP_FROM = "2023-07-01"
R_MARK = re.compile(r"\bR\b")


def _segment(notes: str, abbreviation: str) -> str:
    """Return the free-text part of the notes that speaks about one instrument."""
    starts = [f"{abbreviation}:"]
    if abbreviation in ("Conv", "Prot"):
        starts.append("Conv+Prot:")
    for start in starts:
        at = notes.find(start)
        if at >= 0:
            rest = notes[at + len(start):]
            stop = min((i for i in (rest.find(" CAT CAVEAT"), rest.find(" Conv+Prot:"),
                                    rest.find(" CAT:"), rest.find(" Reservations/"))
                        if i >= 0), default=len(rest))
            return rest[:stop]
    return ""


def _party_cell(row: dict[str, str], key: str, spec: dict[str, object]) -> dict[str, object]:
    deposited = date.fromisoformat(row[str(spec["column"])])
    abbreviation = str(spec["abbreviation"])
    notes = row["notes"]
    standard = re.search(rf"{re.escape(abbreviation)} \w+ V\(([^)]*)\)", notes)
    if standard:
        deposit_verified, provenance = True, f"V({standard.group(1)})"
    else:
        segment = _segment(notes, abbreviation)
        deposit_verified = bool(segment) and not R_MARK.search(segment) and "V" in segment
        provenance = segment.strip() or "no provenance recorded in the notes"
    floor = date.fromisoformat(str(spec["treaty_in_force_from"]))
    in_force = max(deposited + timedelta(days=int(str(spec["days_after_deposit"]))), floor)
    verified = deposit_verified and bool(spec["verified"])
    cell: dict[str, object] = {
        "party": True,
        "deposited": deposited.isoformat(),
        "kind": row[str(spec["kind_column"])] or None,
        "entry_into_force": in_force.isoformat(),
        "deposit_verified": deposit_verified,
        "verified": verified,
        "citation": str(spec["citation"]),
        "source": row["source"],
        "provenance": provenance,
    }
    if not verified:
        reasons = []
        if not deposit_verified:
            reasons.append(f"deposit date not verified in the research table ({provenance})")
        if not spec["verified"]:
            reasons.append(f"entry-into-force rule is recalled: {spec['note']}")
        cell["note"] = "; ".join(reasons)
    return cell


def _absent_cell(row: dict[str, str], key: str) -> dict[str, object]:
    notes = row["notes"]
    cell: dict[str, object] = {
        "party": False,
        "verified": True,
        "citation": "UN Treaty Collection status lists (MTDSG V.2, V.5, IV.9)",
        "source": row["source"],
    }
    until: str | None = None
    reasons = []
    if "after 2015 R" in notes or "no later accession known (R)" in notes \
            or "no later participation known (R)" in notes:
        until = "2015-03-14"
        reasons.append("absence confirmed only by the UNTC lists of 2015-03; later "
                       "participation not known (R)")
    if key == "cat":
        gap = (date.fromisoformat(CAT_GAP_FROM) - timedelta(days=1)).isoformat()
        until = min(until, gap) if until else gap
        reasons.append("one state joined CAT between 2023-07 and 2024-05 and was not "
                       "identified; every empty CAT cell is unverified after 2023-07-01")
    if until:
        cell["verified_until"] = until
        cell["note"] = "; ".join(reasons)
    return cell


def build(csv_text: str) -> dict[str, object]:
    """Return the treaties pack file for the given CSV text."""
    states: dict[str, object] = {}
    for row in csv.DictReader(io.StringIO(csv_text)):
        code = row["iso_alpha2"].strip()
        entry: dict[str, object] = {"name": row["country"]}
        for key, spec in INSTRUMENTS.items():
            if row[str(spec["column"])].strip():
                entry[key] = _party_cell(row, key, spec)
            else:
                entry[key] = _absent_cell(row, key)
        states[code] = entry
    return {
        "format": "waypoint-rules-treaties/1",
        "description": "Participation in the 1951 Convention, the 1967 Protocol and CAT by "
                       "state, with entry into force computed from the deposit date.",
        "source": SOURCE_NOTE,
        "instruments": {
            key: {k: v for k, v in spec.items() if k not in ("column", "kind_column")}
            for key, spec in INSTRUMENTS.items()
        },
        "cat_unidentified_party": {
            "value": {"from": CAT_GAP_FROM, "to": "2024-05-10"},
            "citation": "CAT annual report 2023-24 (174 States parties on 2024-05-10)",
            "source": "docstore.ohchr.org via treaties.csv notes",
            "verified": False,
            "note": "The table identifies 173 of 174 CAT parties: one state that joined "
                    "between 2023-07 and 2024-05 is unknown, so any empty CAT cell is "
                    "unverified for transits on or after 2023-07-01.",
        },
        "unknown_status": {
            "XK": {"name": "Kosovo", "note": "Not in the treaty table (cannot join these "
                   "UN treaties as a non-member); treaty status unknown, not 'not a party'."},
            "TW": {"name": "Taiwan", "note": "Not in the treaty table (cannot join these "
                   "UN treaties); treaty status unknown, not 'not a party'."},
        },
        "states": states,
    }


def main(argv: list[str]) -> int:
    csv_path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV
    data = build(csv_path.read_text(encoding="utf-8"))
    target = HERE / "treaties.json"
    target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(data['states'])} states)")  # type: ignore[arg-type]  # states: a list
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
