"""One "law known through": the memo prints the date of the pack the determination was made
under, never the built-in pack's (the bug fixed here: the memo read the bundled pack.json when
a determination carried no date, so a memo under an installed pack could print a wrong date)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.services.evaluation import rule_pack_info
from desktop.services.memo_rendering import render_case_memo
from desktop.services.rule_pack_file import law_known_through
from desktop.services.rule_packs import bundled_info
from desktop.services.rules_in_use import RulesInUse
from tests.evaluated import evaluated
from tests.memo.helpers import pages_text, squeeze
from tests.packs.conftest import build, case_entering, copy_rules

BUNDLED = bundled_info().law_known_through


def _without_date(folder: Path) -> None:
    manifest = json.loads((folder / "pack.json").read_text("utf-8"))
    manifest.pop("law_known_through")
    (folder / "pack.json").write_text(json.dumps(manifest), "utf-8")


def _memo_under_installed(tmp_path: Path, data_dir: Path, drop_key: bool,
                          **rules: Any) -> tuple[str, str | None]:
    folder = copy_rules(tmp_path / "rules", version="2099.1.1", **rules)
    assert main(["--data-dir", str(data_dir), "rules", "install",
                 str(build(folder, tmp_path / "pack.wprules"))]) == 0
    pack = RulesInUse(data_dir).pack()  # the data folder's active pack, passed on
    case = case_entering("2019-08-01", "LAW-1")
    determination = evaluated(case, date(2026, 12, 1), pack)
    if drop_key:  # as stored by an engine before determinations carried the date
        determination.pop("law_known_through")
    pdf = render_case_memo(case, determination, pack=pack,
                           generated_at=datetime(2026, 12, 1, tzinfo=UTC))
    assert rule_pack_info(pack)["law_known_through"] == (law_known_through(pack) or "")
    return squeeze("\n".join(pages_text(pdf))), law_known_through(pack)


def test_a_pack_without_a_date_does_not_borrow_the_built_in_date(
        tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert BUNDLED == "2026-12-07"
    memo, known = _memo_under_installed(tmp_path, data_dir, False, edit=_without_date)
    assert known is None
    assert squeeze("law known through") not in memo and "7 Dec 2026" not in memo


@pytest.mark.parametrize("drop_key", [False, True])
def test_the_memo_prints_the_installed_packs_date(tmp_path: Path, data_dir: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  drop_key: bool) -> None:
    memo, known = _memo_under_installed(tmp_path, data_dir, drop_key,
                                        law_known_through="2020-01-31")
    assert known == "2020-01-31"
    assert squeeze("law known through 31 Jan 2020") in memo
    assert "7 Dec 2026" not in memo
