"""Shared helpers for the memo tests: public cases, determinations, rendering, reading PDFs back."""

from __future__ import annotations

import copy
import io
import json
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf

from desktop.services.memo_rendering import render_case_memo
from desktop.services.rules import bundled_rule_pack
from tests.case_paths import CASES_DIR
from tests.evaluated import evaluated

GENERATED_AT = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def public_case_files() -> list[Path]:
    return sorted(CASES_DIR.glob("*.case.json"))


def load_case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES_DIR / f"{name}.case.json").read_text("utf-8"))
    return data


def determine(case: dict[str, Any]) -> dict[str, Any]:
    """The real engine's determination (the case file's decision date)."""
    return evaluated(copy.deepcopy(case))


def render(case: dict[str, Any], determination: dict[str, Any] | None = None,
           **options: Any) -> bytes:
    options.setdefault("generated_at", GENERATED_AT)
    options.setdefault("pack", bundled_rule_pack())
    return render_case_memo(case, determination or determine(case), **options)


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without any whitespace, in NFKC: table cells wrap lines anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base font names (subset prefix removed) used on any page."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for key in fonts:
            base = str(fonts[key].get_object()["/BaseFont"]).lstrip("/")
            names.add(base.split("+", 1)[-1])
    return names


LONG_ROUTE = ("VE", "CO", "EC", "PE", "BO", "CL", "AR", "BR", "PA", "CR", "NI", "HN", "SV", "GT",
              "MX")


def long_journey_case() -> dict[str, Any]:
    """A Venezuelan who crossed 15 countries over several years, claiming protection in some."""
    case = load_case("clp-venezuelan-between-ports")
    journey = []
    for index, code in enumerate(LONG_ROUTE):
        year, month = 2019 + index // 4, 1 + (index % 4) * 3
        claims = []
        if index in (2, 5, 7, 10, 13):
            claims = [{"kind": "asylum", "filed": f"{year}-{month:02d}", "outcome": "denied",
                       "final": index != 13, "decided": f"{year}-{month + 1:02d}-15"},
                      {"kind": "complementary_protection", "filed": None, "outcome": "pending",
                       "final": False, "decided": None}]
        journey.append({
            "country": code,
            "arrived": None if index == 0 else f"{year}-{month:02d}-02",
            "departed": f"{year}-{month + 2:02d}" if index < len(LONG_ROUTE) - 1 else None,
            "status_held": "citizen" if index == 0 else ("temporary" if claims else "none"),
            "permanent_status_offered": False,
            "protection_claims": claims,
        })
    case["journey"] = journey
    case["applicant"]["nationalities"] = ["VE"]
    case["entry"]["date"] = "2023-06-20"
    case["entry"]["coming_from"] = "MX"
    case["decision_date"] = "2023-07-01"
    return case


def pages_with_images(pdf: bytes) -> list[bool]:
    """For each page, whether it draws a picture (the DRAFT watermark is the memo's only one),
    directly or through a form XObject."""

    def draws_image(resources: Any) -> bool:
        xobjects = (resources or {}).get("/XObject") or {}
        for name in xobjects:
            xobject = xobjects[name].get_object()
            if xobject.get("/Subtype") == "/Image":
                return True
            if xobject.get("/Subtype") == "/Form" and draws_image(xobject.get("/Resources")):
                return True
        return False

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [draws_image(page.get("/Resources")) for page in reader.pages]


def agree_with_every_finding() -> list[str]:
    """`--conclusion RULE=agree` for every rule family the engine knows (a final memo's CLI)."""
    from desktop.engine.determination import FAMILIES

    return [argument for rule, _run in FAMILIES for argument in ("--conclusion", f"{rule}=agree")]
