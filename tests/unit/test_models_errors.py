"""Known database failures become sentences; anything else stays a bug."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from designer.models.errors import sentence_for


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("database or disk is full", "The disk holding campaigns.sqlite is full"),
        ("disk I/O error", "The disk holding campaigns.sqlite reported an error"),
        ("database is locked", "campaigns.sqlite is busy: another program is writing to it."),
        ("attempt to write a readonly database", "campaigns.sqlite is read-only"),
        ("database disk image is malformed", "campaigns.sqlite is damaged and cannot be read."),
        ("file is not a database", "campaigns.sqlite is damaged and cannot be read."),
        ("unable to open database file", "campaigns.sqlite cannot be opened: the folder"),
    ],
)
def test_sqlite_failures_become_sentences(text: str, start: str) -> None:
    raw = sqlite3.OperationalError(text)
    for error in (raw, OperationalError("SELECT 1", {}, raw)):
        sentence = sentence_for(error, "campaigns.sqlite")
        assert str(sentence).startswith(start)
        assert str(sentence).endswith(".")


def test_other_errors_stay_bugs() -> None:
    assert sentence_for(sqlite3.OperationalError("no such column: x"), "s") is None
    assert sentence_for(ValueError("database is locked"), "s") is None


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "UNIQUE constraint failed: target_audiences.name",
            "Another target audience already has that name; choose a different one.",
        ),
        (  # PostgreSQL's wording, for a team store
            'duplicate key value violates unique constraint "uq_behaviors_name"',
            "Another behavior already has that name; choose a different one.",
        ),
        (
            "CHECK constraint failed: ck_working_shifts_minute_range",
            "A shift must start and end within one day.",
        ),
        ("FOREIGN KEY constraint failed", "It is still used elsewhere, or what it refers to"),
    ],
)
def test_refused_values_become_sentences(text: str, sentence: str) -> None:
    error = IntegrityError("INSERT ...", {}, Exception(text))
    said = str(sentence_for(error, "campaigns.sqlite"))
    assert said.startswith(sentence)
    assert said.endswith("Nothing was changed.")


def test_a_missing_required_value_stays_a_bug() -> None:
    error = IntegrityError("INSERT ...", {}, sqlite3.IntegrityError("NOT NULL constraint failed"))
    assert sentence_for(error, "s") is None
