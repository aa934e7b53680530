"""The declarative base shared by every table of the campaign store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from designer.models.clock import utcnow

# Named constraints so Alembic's batch mode can alter SQLite tables.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict: JSON, list: JSON, datetime: DateTime}


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Versioned:
    """A row designers edit: its version counts the edits, changed_by names who made the last.

    SQLAlchemy adds `WHERE version = <the one read>` to every UPDATE and DELETE, so an
    edit based on a row someone else changed meanwhile changes nothing and is refused.
    """

    version: Mapped[int] = mapped_column(default=1, server_default="1")
    changed_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - a declared attribute
        return {"version_id_col": cls.__table__.c.version}
