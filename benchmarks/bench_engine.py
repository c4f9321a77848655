"""Times the engine on one typical case and on 100,000 generated cases, beside json.loads."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from typing import Any

from as_installed import run_as_installed  # this folder is on sys.path

from desktop.engine import evaluate
from desktop.resources import resource_path
from desktop.services.rules import bundled_rule_pack

COUNTRIES = ["HN", "GT", "SV", "VE", "CO", "EC", "CU", "IN", "CN", "ET", "ER", "NI", "HT", "BZ"]


def typical_case() -> dict[str, Any]:
    """The demo case the app ships (a Honduran through Guatemala and Mexico, 2019)."""
    data: dict[str, Any] = json.loads(resource_path("demo", "demo.case.json").read_text("utf-8"))
    return data


def generated_case(rng: random.Random) -> dict[str, Any]:
    """A plausible case: varied dates, borders, stops, some unknown facts (null)."""
    case = typical_case()
    entry = date(2004, 1, 1) + timedelta(days=rng.randrange(0, 8000))
    decision = entry + timedelta(days=rng.randrange(0, 700))
    nationality = rng.choice(COUNTRIES)
    border = rng.choices(["southern_land", "northern_land", "air", "sea"], [70, 15, 10, 5])[0]
    case["decision_date"] = decision.isoformat()
    case["applicant"]["nationalities"] = [nationality]
    case["entry"].update(date=entry.isoformat() if rng.random() > 0.1 else entry.isoformat()[:7],
                         border=border, coming_from="CA" if border == "northern_land" else "MX",
                         at_port_of_entry=rng.random() < 0.4,
                         claimed_within_days=rng.choice([None, 3, 20]))
    stops = [{"country": nationality, "arrived": None, "departed": None}]
    for country in rng.sample(COUNTRIES, rng.randrange(0, 4)):
        stops.append({"country": country, "arrived": None, "departed": None,
                      "status_held": rng.choice(["none", "visitor", "permanent"]),
                      "permanent_status_offered": rng.choice([False, False, True, None]),
                      "onward_travel_only": rng.choice([True, False, None]),
                      "protection_claims": []})
    case["journey"] = stops
    case["circumstances"]["trafficking_victim"] = rng.choice([False, False, False, None])
    case["circumstances"]["fear_of_receiving_country"] = rng.choice(
        [{}, {"GT": "not_established"}, {"HN": "more_likely_than_not"}])
    return case


# Goals: one typical case under 1 ms; 100,000 cases under 30 s on one core.
GOAL_ONE_CASE_S = 0.001
GOAL_PER_100K_S = 30.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a goal is missed")
    args = parser.parse_args()
    pack = bundled_rule_pack()
    one = typical_case()
    one_text = json.dumps(one)
    decision = date(2019, 12, 2)
    for _ in range(200):  # warm caches
        evaluate(one, pack, decision, "bench")
    singles = []
    floors = []
    for _ in range(2000):
        start = time.perf_counter()
        evaluate(one, pack, decision, "bench")
        singles.append(time.perf_counter() - start)
        start = time.perf_counter()
        json.loads(one_text)
        floors.append(time.perf_counter() - start)
    single = statistics.median(singles)
    floor = statistics.median(floors)
    print(f"one typical case: {single * 1e6:8.1f} µs (median of 2000); json.loads of it "
          f"{floor * 1e6:6.1f} µs; ratio {single / floor:6.1f}x (goal < "
          f"{GOAL_ONE_CASE_S * 1e3:.0f} ms)")

    rng = random.Random(20261127)
    texts = [json.dumps(generated_case(rng)) for _ in range(args.count)]
    # The floor parses each file and drops it: a list of 100,000 parsed dicts kept alive
    # would make every garbage collection walk them and inflate the floor (~3x).
    start = time.perf_counter()
    for text in texts:
        json.loads(text)
    loads_time = time.perf_counter() - start
    # The engine gets each case parsed just before; only the evaluation is timed.
    engine_time = 0.0
    outcomes: dict[str, int] = {}
    for text in texts:
        case = json.loads(text)
        start = time.perf_counter()
        determination = evaluate(case, pack, date.fromisoformat(case["decision_date"]), "bench")
        engine_time += time.perf_counter() - start
        for finding in determination["findings"]:
            outcomes[finding["outcome"]] = outcomes.get(finding["outcome"], 0) + 1
    goal_many = GOAL_PER_100K_S * args.count / 100_000
    print(f"{args.count:,} generated cases: engine {engine_time:6.2f} s "
          f"({engine_time / args.count * 1e6:.1f} µs/case); json.loads of the same files "
          f"{loads_time:5.2f} s; ratio {engine_time / loads_time:6.1f}x (goal < {goal_many:.3g} s)")
    print("outcomes:", dict(sorted(outcomes.items())))
    missed = [name for name, met in (("one case", single < GOAL_ONE_CASE_S),
                                     (f"{args.count:,} cases", engine_time < goal_many)) if not met]
    if missed:
        print("MISSED:", ", ".join(missed))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
