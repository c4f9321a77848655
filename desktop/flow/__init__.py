"""The guided case flow, pure: steps, answers, per-step validation and completeness.

Its names load on first use (PEP 562): importing one light submodule (desktop.flow.languages,
warmed right after the window's first paint) must not import the whole flow and the engine
on the window's thread.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.flow.case_flow import CaseFlow, ReadOnlyCaseError, StepState
    from desktop.flow.case_template import blank_case, blank_claim, blank_stop
    from desktop.flow.field_paths import format_path, get_value, parse_path, pointer_to_path
    from desktop.flow.partial_dates import PartialDate, Precision, parse_partial_date
    from desktop.flow.steps import STEPS, Step, step_for_path
    from desktop.flow.validation import Problem, Severity, validate_case, validate_step

_HOMES = {
    "CaseFlow": "case_flow", "ReadOnlyCaseError": "case_flow", "StepState": "case_flow",
    "blank_case": "case_template", "blank_claim": "case_template", "blank_stop": "case_template",
    "format_path": "field_paths", "get_value": "field_paths", "parse_path": "field_paths",
    "pointer_to_path": "field_paths", "PartialDate": "partial_dates",
    "Precision": "partial_dates", "parse_partial_date": "partial_dates", "STEPS": "steps",
    "Step": "steps", "step_for_path": "steps", "Problem": "validation",
    "Severity": "validation", "validate_case": "validation", "validate_step": "validation",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'desktop.flow' has no attribute {name!r}")
    return getattr(importlib.import_module(f"desktop.flow.{home}"), name)


__all__ = [
    "CaseFlow",
    "PartialDate",
    "Precision",
    "Problem",
    "ReadOnlyCaseError",
    "STEPS",
    "Severity",
    "Step",
    "StepState",
    "blank_case",
    "blank_claim",
    "blank_stop",
    "format_path",
    "get_value",
    "parse_partial_date",
    "parse_path",
    "pointer_to_path",
    "step_for_path",
    "validate_case",
    "validate_step",
]
