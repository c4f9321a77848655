"""The pure rules engine: case facts + rule pack + decision date -> determination (no I/O)."""

from desktop.engine.dates import DateTextError, PartialDate, parse_partial_date
from desktop.engine.determination import FORMAT, evaluate
from desktop.engine.model import Case, parse_case
from desktop.engine.pack import RulePack, parse_pack
from desktop.engine.treaties import party_to_any

__all__ = [
    "FORMAT",
    "Case",
    "DateTextError",
    "PartialDate",
    "RulePack",
    "evaluate",
    "parse_case",
    "parse_pack",
    "parse_partial_date",
    "party_to_any",
]
