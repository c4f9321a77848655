"""The shipped app reads no test switch: cheap key slots and trusted test keys are parameters
the suite sets in its own process (and, for its children, through tests/child_site)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db import cipher
from tests.children import child_pythonpath
from tests.conftest import TEST_KDF_COST

REPO = Path(__file__).resolve().parents[1]
PROBE = ("import json\n"
         "from db.cipher import kdf_cost, make_slot\n"
         "from desktop.services.rule_pack_file import trusted_keys\n"
         "slot = make_slot('passphrase', 'x', bytes(32))\n"
         "print(json.dumps({'cost': kdf_cost(), 'n': slot['n'], 'keys': len(trusted_keys())}))\n")


def _probe(pythonpath: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": pythonpath, "WAYPOINT_KDF_FAST": "1",
           "WAYPOINT_TEST_TRUSTED_KEYS": str(REPO / "tests" / "packs" / "trusted")}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_old_environment_switches_change_nothing_in_a_plain_process() -> None:
    shipped = _probe(str(REPO))
    assert shipped["cost"] == [cipher.SCRYPT_N, cipher.SCRYPT_R, cipher.SCRYPT_P]
    assert shipped["n"] == cipher.SCRYPT_N
    assert shipped["keys"] == len(list((REPO / "resources" / "keys").glob("*.json")))


def test_the_suites_children_make_cheap_slots_through_the_tests_site_folder() -> None:
    child = _probe(child_pythonpath(REPO))
    assert child["cost"] == list(TEST_KDF_COST) and child["n"] == TEST_KDF_COST[0]
    assert cipher.kdf_cost() == TEST_KDF_COST  # and so does the suite's own process


def test_no_production_module_names_a_test_switch() -> None:
    for package in ("desktop", "db"):
        for source in (REPO / package).rglob("*.py"):
            text = source.read_text("utf-8")
            assert "WAYPOINT_KDF_FAST" not in text and "WAYPOINT_TEST_" not in text, source
