"""Issue 12: the pack's own date, honest summaries, citations on deciding steps, 2025 law."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.engine import evaluate
from desktop.resources import resource_path
from desktop.services.rules import bundled_rule_pack, load_rule_pack
from tests.engine.builders import base_case, change, finding, run

NOTICE = "This rule pack reflects the law as known on 2026-12-07; check for later changes."


def entry_2025(decision: str, nationality: str = "VE", **changes: Any) -> dict[str, Any]:
    """A national of `nationality` who crossed between ports from Mexico on 2025-03-03."""
    fields: dict[str, Any] = {
        "decision_date": decision, "entry__date": "2025-03-03",
        "applicant__nationalities": [nationality],
        "journey": [{"country": nationality, "arrived": None, "departed": None},
                    {"country": "MX", "arrived": None, "departed": "2025-03-03"}]}
    fields.update(changes)
    return change(base_case(), **fields)


def test_pack_knows_its_date_at_the_top_level_of_pack_json() -> None:
    import json
    manifest = json.loads(resource_path("rules", "pack.json").read_text("utf-8"))
    assert manifest["law_known_through"] == "2026-12-07"
    assert bundled_rule_pack().law_known_through is not None


@pytest.mark.parametrize(("decision", "notice"), [
    ("2026-12-06", None), ("2026-12-07", None), ("2026-12-08", NOTICE)])
def test_notice_when_the_decision_is_later_than_the_pack(decision: str,
                                                         notice: str | None) -> None:
    result = run(entry_2025(decision))
    assert result["law_known_through"] == "2026-12-07"
    assert result["law_notice"] == notice
    assert (NOTICE in result["summary"]) == (notice is not None)


def test_a_pack_without_a_date_gives_no_notice(tmp_path: Any) -> None:
    import json
    for source in resource_path("rules").glob("*.json"):
        (tmp_path / source.name).write_text(source.read_text("utf-8"), "utf-8")
    manifest = json.loads((tmp_path / "pack.json").read_text("utf-8"))
    del manifest["law_known_through"]
    (tmp_path / "pack.json").write_text(json.dumps(manifest), "utf-8")
    pack = load_rule_pack(tmp_path)
    from datetime import date
    result = evaluate(entry_2025("2030-01-01"), pack, date(2030, 1, 1), "test")
    assert result["law_notice"] is None and result["law_known_through"] is None


def test_summary_never_reads_clear_when_the_pack_is_older() -> None:
    # an air arrival with a visa in 2018: no family reaches it on the pack's data
    case = change(entry_2025("2019-01-10"), entry__border="air", entry__documents="valid_visa",
                  entry__at_port_of_entry=True, entry__coming_from="CO",
                  journey=[{"country": "VE", "arrived": None, "departed": "2018-06-01"},
                           {"country": "CO", "arrived": "2018-06-01", "departed": "2018-06-02"}],
                  entry__date="2018-06-02")
    current = run(case)
    assert {f["outcome"] for f in current["findings"]} == {"not_applicable"}
    assert "None of the rules reaches this case." in current["summary"]
    later = run(case, "2027-03-01")
    assert {f["outcome"] for f in later["findings"]} == {"not_applicable"}
    assert "None of the rules reaches this case." not in later["summary"]
    assert "not settled" in later["summary"] and NOTICE in later["summary"]


def test_summary_never_reads_clear_when_a_not_applicable_family_is_unverified() -> None:
    # a Brazilian decided before any 2025 agreement reaches Brazilians: the scope is unverified
    case = entry_2025("2025-07-20", "BR", entry__border="air", entry__documents="valid_visa",
                      entry__at_port_of_entry=True, entry__coming_from="BR",
                      journey=[{"country": "BR", "arrived": None, "departed": "2025-03-03"}])
    result = run(case)
    assert {f["outcome"] for f in result["findings"]} == {"not_applicable"}
    assert "None of the rules reaches this case." not in result["summary"]
    assert "Asylum cooperative agreements" in result["summary"]


def test_proclamation_10888_is_a_family_with_its_litigation() -> None:
    applied = finding(entry_2025("2025-09-01"), "entry_suspension_2025")
    assert applied["outcome"] == "applies"
    assert "withholding" in applied["consequence"]
    assert "RAICES v. Noem, No. 25-5243 (D.C. Cir. 2025-08-01) (partial stay pending appeal)" in \
        applied["citations"]
    later = finding(entry_2025("2026-06-01"), "entry_suspension_2025")
    assert later["outcome"] == "not_in_force"
    assert any("Proclamation 10888" in item["what"] and "status on" in item["what"]
               for item in later["unverified"])
    summary = run(entry_2025("2025-09-01"))["summary"]
    assert "Proclamation 10888" in summary and "None of the rules" not in summary


@pytest.mark.parametrize(("proceeding", "cited"), [
    ("section_240", "8 CFR 1240.11(h); Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)"),
    ("expedited_removal", "8 CFR 208.30(e)(7)"),
])
def test_agreements_cite_the_provision_of_the_procedural_setting(proceeding: str,
                                                                 cited: str) -> None:
    case = entry_2025("2025-11-01", entry__proceeding=proceeding,
                      circumstances__fear_of_receiving_country={
                          "HN": "not_claimed", "UG": "not_claimed", "EC": "not_claimed"})
    result = finding(case, "aca")
    assert result["outcome"] == "applies"
    assert cited in result["citations"]
    other = ("8 CFR 208.30(e)(7)" if proceeding == "section_240" else
             "8 CFR 1240.11(h); Matter of C-I-G-M- & L-V-S-G-, 29 I&N Dec. 291 (BIA 2025)")
    assert other not in result["citations"]


def test_unknown_scope_is_applied_with_the_mark_and_says_so() -> None:
    case = entry_2025("2025-11-20", "BR",
                      circumstances__fear_of_receiving_country={
                          "UG": "more_likely_than_not", "EC": "not_claimed"})
    result = finding(case, "aca")
    assert result["outcome"] == "applies" and result["receiving_countries"] == ["EC"]
    assert any("scope of US-Ecuador" in item["what"] and "applied" in item["what"]
               for item in result["unverified"])


def test_own_national_step_cites_its_own_agreement() -> None:
    case = entry_2025("2025-08-01", "HN")
    result = finding(case, "aca")
    step = next(s for s in result["trace"] if s["step"].startswith("National of Honduras"))
    assert "Honduras" in step["citation"] or "INA 208(a)(2)(A)" in step["citation"]
    assert "Guatemala" not in step["citation"]


@pytest.mark.parametrize("decision", ["2019-12-02", "2020-05-01", "2025-08-01", "2026-03-01"])
@pytest.mark.parametrize("nationality", ["HN", "BR", "MX", "IN", "CA"])
def test_every_deciding_not_applicable_step_has_a_citation(decision: str,
                                                           nationality: str) -> None:
    case = entry_2025(decision, nationality, entry__date=decision[:8] + "01",
                      journey=[{"country": nationality, "arrived": None, "departed": None},
                               {"country": "MX", "arrived": None,
                                "departed": decision[:8] + "01"}])
    for result in run(case)["findings"]:
        if result["outcome"] == "not_applicable":
            deciding = [s for s in result["trace"] if s["result"] is False]
            assert deciding, result["rule"]
            assert deciding[-1]["citation"], (result["rule"], deciding[-1]["step"])


def test_guatemala_2019_and_ninth_circuit_narrowing_are_verified() -> None:
    pack = bundled_rule_pack()
    guatemala = next(a for a in pack.agreements if a.id == "GT-2019")
    assert guatemala.in_force is not None and guatemala.in_force.verified
    assert str(guatemala.in_force_from) == "2019-11-15"
    narrowed = pack.families["transit_bar_2019"].window_at(
        __import__("datetime").date(2019, 8, 20))
    assert narrowed is not None and narrowed.provenance.verified
    assert "934 F.3d 1026" in narrowed.provenance.citation
    window = pack.families["lawful_pathways_2023"].values["entry_window"][1]
    assert window.verified is False and window.note
