"""Known store failures, each as a sentence a designer understands."""

from __future__ import annotations

import re
import sqlite3

from designer.models.settings import ACCOUNT_SETTINGS, CAMPAIGN_SETTINGS


class StoreError(Exception):
    """A failure the designer can act on; str() is the sentence to show."""


# Table -> the word a designer knows its rows by.
ROW_NAMES = {
    "account_settings": "account settings",
    "assets": "image",
    "behaviors": "behavior",
    "campaign_versions": "published version",
    "campaigns": "campaign",
    "engagements": "engagement",
    "entry_points": "entry point",
    "holidays": "holiday",
    "skills": "skill",
    "target_audiences": "target audience",
    "window_designs": "window design",
    "working_shifts": "working shift",
}
# The tables whose rows have unique names: "another ... already has that name".
_NAMED = {
    t: ROW_NAMES[t]
    for t in (
        "campaigns",
        "entry_points",
        "target_audiences",
        "behaviors",
        "skills",
        "window_designs",
    )
}
# Check constraints (by the name in the schema) -> what the allowed values are; a
# setting's sentence is its declaration's, read when a value is refused.
_CHECKS = {
    "control_group_range": lambda: CAMPAIGN_SETTINGS["control_group_percent"].refusal_sentence(),
    "cross_session_days": lambda: ACCOUNT_SETTINGS["cross_session_days"].refusal_sentence(),
    "weekday_range": lambda: "A shift's day must be Monday to Sunday.",
    "minute_range": lambda: "A shift must start and end within one day.",
}


def _constraint_sentence(text: str) -> str | None:
    """The sentence for a refused value; SQLite's and PostgreSQL's wordings both."""
    if "unique constraint" in text:
        for table, thing in _NAMED.items():
            if f"{table}.name" in text or f"uq_{table}_name" in text:
                return f"Another {thing} already has that name; choose a different one."
    elif "check constraint" in text:
        for name, sentence in _CHECKS.items():
            if name in text:
                return sentence()
    elif "foreign key constraint" in text:
        return (
            "It is still used elsewhere, or what it refers to is gone. "
            "See who uses it, change those first, then try again."
        )
    return None


# PostgreSQL's (and psycopg's) wording -> what the designer can do about it.
_SERVER = (
    (
        ("password authentication failed", "no password supplied", "authentication failed"),
        "{where} refused the user name or password. Check them and connect again.",
    ),
    (
        ("database does not exist",),
        "{where} has no such database. Check its name, or ask the server's administrator to make it.",
    ),
    (
        (
            "connection refused",
            "could not connect",
            "timeout expired",
            "name or service not known",
            "could not translate host name",
            "no route to host",
            "network is unreachable",
        ),
        "The team store {where} cannot be reached. Check the host name and port and that the "
        "server is running, then try again.",
    ),
    (
        (
            "server closed the connection",
            "terminating connection",
            "connection is lost",
            "connection already closed",
            "consuming input failed",
            "ssl connection has been closed",
            "the connection is closed",
            "connection has been closed",
            "server conn crashed",
            "the database system is shutting down",
            "the database system is starting up",
            "cannot connect now",
        ),
        "The team store {where} cannot be reached; the change was not saved. "
        "It is saved again when the server is back.",
    ),
    (
        ("permission denied",),
        "{where} does not let this user change it. Ask the server's administrator for access.",
    ),
    (
        (
            "value too long",
            "cannot contain nul",
            "invalid byte sequence",
            "out of range",
            "character with byte sequence",
        ),
        "A value is too long or holds a character the team store cannot keep, so nothing was "
        "saved. Shorten it or remove unusual characters, then try again.",
    ),
)

# The wording psycopg and PostgreSQL use when a server store's connection is gone.
LOST_CONNECTION = _SERVER[3][0] + _SERVER[2][0]


def _original(error: BaseException) -> BaseException:
    """The driver's own error under SQLAlchemy's (SQLAlchemy is imported only when needed:
    the app's first window shows before it)."""
    from sqlalchemy.exc import DBAPIError

    return error.orig if isinstance(error, DBAPIError) else error


def is_lost_connection(error: BaseException) -> bool:
    """True when error says the team store's server went away (the edit may be retried)."""
    original = _original(error)
    text = str(original).lower()
    return any(words in text for words in LOST_CONNECTION)


def _server_sentence(original: BaseException, where: str) -> StoreError | None:
    text = re.sub(
        r'database "[^"]*" does not exist', "database does not exist", str(original).lower()
    )
    for words, sentence in _SERVER:
        if any(w in text for w in words):
            return StoreError(sentence.format(where=where))
    return None


def sentence_for(error: BaseException, where: str, editing: bool = True) -> StoreError | None:
    """The StoreError for a known database failure, or None when it is a bug.

    A team store's server out of reach is a StoreUnreachable: the edit can be retried.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError

    original = _original(error)
    text = str(original).lower()
    if editing and type(original).__module__.startswith("psycopg") and is_lost_connection(error):
        return StoreUnreachable(
            f"The team store {where} cannot be reached; the change was not saved yet."
        )
    if isinstance(error, IntegrityError) or isinstance(original, sqlite3.IntegrityError):
        sentence = _constraint_sentence(text)
        return StoreError(f"{sentence} Nothing was changed.") if sentence else None
    if type(original).__module__.startswith("psycopg"):
        return _server_sentence(original, where)
    if (
        not isinstance(original, sqlite3.Error | OperationalError)
        and "sqlite" not in type(original).__module__
    ):
        return None
    if "database or disk is full" in text:
        return StoreError(
            f"The disk holding {where} is full, so the last change was not saved. "
            "Free some space and try again; the store is as it was before the change."
        )
    if "disk i/o error" in text:
        return StoreError(
            f"The disk holding {where} reported an error, so the last change was not saved. "
            "Check that the drive is still connected and try again."
        )
    if "database is locked" in text or "database table is locked" in text:
        return StoreError(
            f"{where} is busy: another program is writing to it. "
            "Try again in a moment, or close the other program."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"{where} is read-only, so changes cannot be saved. "
            "Save a copy somewhere you can write, or change the file's permissions."
        )
    if "malformed" in text or "not a database" in text or "encrypted" in text:
        return StoreError(
            f"{where} is damaged and cannot be read. "
            "Open a copy you saved earlier (File > Save a copy), or import a bundle you exported."
        )
    if "unable to open" in text:
        return StoreError(
            f"{where} cannot be opened: the folder does not exist or cannot be written to. "
            "Choose another place for the store."
        )
    return None


class StaleEdit(StoreError):
    """An edit based on an old version of a row someone else changed meanwhile: refused."""

    def __init__(self, sentence: str, *, table: str, who: str) -> None:
        super().__init__(sentence)
        self.table, self.who = table, who


class StoreUnreachable(StoreError):
    """The team store's server cannot be reached now; the same edit may succeed later."""
