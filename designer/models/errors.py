"""Known store failures, each as a sentence a designer understands."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, OperationalError


class StoreError(Exception):
    """A failure the designer can act on; str() is the sentence to show."""


def sentence_for(error: BaseException, where: str) -> StoreError | None:
    """The StoreError for a known database failure, or None when it is a bug."""
    original = error.orig if isinstance(error, DBAPIError) else error
    text = str(original).lower()
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
            "Open the backup copy next to it, or a store you exported earlier."
        )
    if "unable to open" in text:
        return StoreError(
            f"{where} cannot be opened: the folder does not exist or cannot be written to. "
            "Choose another place for the store."
        )
    return None
