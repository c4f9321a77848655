"""Turn what the user types into a search condition: FTS5 on SQLite, token prefixes elsewhere."""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Table,
    TextClause,
    and_,
    column,
    literal,
    text,
)

from db.normalise import a_number_query_digits, fold

MAX_TOKENS = 8


def query_tokens(query: str) -> list[str]:
    """Folded tokens, each matched as a prefix; an A-number in any form becomes its digits."""
    digits = a_number_query_digits(query)
    if digits is not None:
        return [digits]
    return fold(query).split()[:MAX_TOKENS]


def fts_expression(tokens: list[str]) -> str:
    """An FTS5 MATCH string: every token as a quoted prefix, all required."""
    return " ".join('"' + token.replace('"', '""') + '"*' for token in tokens)


# Above this many FTS matches, walking the sort index newest-first and testing membership
# finds a screenful sooner than fetching every match and sorting it (measured on 100k cases).
BROAD_MATCHES = 1000
_FTS_ROWIDS = "SELECT rowid FROM cases_fts WHERE cases_fts MATCH :fts_query"


def fts_match_count(connection: Connection, query: str) -> int:
    """How many cases an SQLite FTS query matches (cheap: reads doclists only)."""
    tokens = query_tokens(query)
    if not tokens:
        return 0
    return int(connection.execute(
        text("SELECT count(*) FROM cases_fts WHERE cases_fts MATCH :fts_query"),
        {"fts_query": fts_expression(tokens)},
    ).scalar_one())


def search_condition(cases: Table, dialect: str, query: str, *, broad: bool = False
                     ) -> ColumnElement[bool] | TextClause | None:
    """The WHERE condition for query, or None when it has no searchable token.

    broad (SQLite): the unary + keeps the planner from driving the query by the match list,
    so it scans the ORDER BY index and stops after a screenful.
    """
    tokens = query_tokens(query)
    if not tokens:
        return None
    if dialect == "sqlite":
        if broad:
            return text(f"+cases.id IN ({_FTS_ROWIDS})").bindparams(
                fts_query=fts_expression(tokens))
        return cases.c.id.in_(
            text(_FTS_ROWIDS)
            .bindparams(fts_query=fts_expression(tokens))
            .columns(column("rowid", Integer))
        )
    spaced = literal(" ") + cases.c.search_text
    return and_(*(spaced.like(f"% {token}%") for token in tokens))
