"""Values every store accepts: checked before a flush, from the columns' own types.

SQLite keeps whatever it is given; PostgreSQL refuses a name longer than its
column, a NUL byte, half of a surrogate pair or an integer past 32 bits. One
check, run on every row a session is about to write (edits and imports alike),
refuses those values with a sentence before any database sees them, so a store
behaves the same on a designer's laptop and on the team's server.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Integer, LargeBinary, String
from sqlalchemy.orm import Session

from designer.models.errors import ROW_NAMES, StoreError

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1


def _text_problem(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character (an invisible byte 0)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains a broken character (half of a surrogate pair)"
    return None


def _json_problem(value: Any, depth: int = 0) -> str | None:
    """The first refused piece of a JSON value: text (keys too) or an out-of-range number."""
    if depth > 200:
        return "is nested too deeply"
    if isinstance(value, str):
        return _text_problem(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        ok = BIGINT_MIN <= value <= BIGINT_MAX
        return None if ok else f"holds the number {value}, which is too large to store"
    if isinstance(value, float):
        return (
            None
            if value == value and abs(value) != float("inf")
            else "holds a number that is not finite"
        )
    if isinstance(value, dict):
        for key, item in value.items():
            problem = _json_problem(str(key), depth + 1) or _json_problem(item, depth + 1)
            if problem:
                return problem
        return None
    if isinstance(value, list | tuple):
        for item in value:
            problem = _json_problem(item, depth + 1)
            if problem:
                return problem
    return None


def column_problem(column: Any, value: Any) -> str | None:
    """What is wrong with value for column (a Table column), or None when every store takes it."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, String):
        if not isinstance(value, str):
            return f"is {value!r}, which is not text"
        if kind.length is not None and len(value) > kind.length:
            return f"is {len(value)} characters long; it can be at most {kind.length}"
        return _text_problem(value)
    if isinstance(kind, Boolean) and not isinstance(value, bool):
        return f"is {value!r}; it must be yes or no"
    is_int = isinstance(value, int) and not isinstance(value, bool)
    if isinstance(kind, Integer) and not is_int:
        return f"is {value!r}, which is not a whole number"
    if isinstance(kind, Integer) and not INT_MIN <= value <= INT_MAX:
        return f"is {value}, which is too large to store (at most {INT_MAX})"
    if isinstance(kind, JSON):
        return _json_problem(value)
    if isinstance(kind, LargeBinary) and not isinstance(value, bytes | bytearray | memoryview):
        return "is not binary data"
    return None


def _field_name(key: str) -> str:
    return key.replace("_", " ")


def row_problem(row: Any) -> str | None:
    """The sentence for the first refused value of an ORM row, or None."""
    table = row.__table__
    thing = ROW_NAMES.get(table.name, table.name.replace("_", " "))
    mapper = row.__mapper__
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.table is not table:
            continue
        value = row.__dict__.get(prop.key)
        problem = column_problem(column, value)
        if problem:
            named = (
                f' "{row.__dict__["name"][:60]}"'
                if isinstance(row.__dict__.get("name"), str) and prop.key != "name"
                else ""
            )
            return (
                f"The {thing}{named}'s {_field_name(prop.key)} {problem}. "
                "Change it and try again; nothing was saved."
            )
    return None


def check_before_flush(session: Session, _context: object, _instances: object) -> None:
    """A before_flush listener: refuse the whole flush when any new or changed row has a bad value."""
    for row in list(session.new) + list(session.dirty):
        if not hasattr(row, "__table__"):
            continue
        problem = row_problem(row)
        if problem:
            raise StoreError(problem)
