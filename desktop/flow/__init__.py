"""The guided case flow, pure: steps, answers, per-step validation and completeness."""

from desktop.flow.case_flow import CaseFlow, ReadOnlyCaseError, StepState
from desktop.flow.case_template import blank_case, blank_claim, blank_stop
from desktop.flow.field_paths import format_path, get_value, parse_path, pointer_to_path
from desktop.flow.partial_dates import PartialDate, Precision, parse_partial_date
from desktop.flow.steps import STEPS, Step, step_for_path
from desktop.flow.validation import Problem, Severity, validate_case, validate_step

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
