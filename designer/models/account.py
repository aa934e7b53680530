"""Account settings: store-wide choices, skills and the shift scheduler."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from designer.models.base import Base, Versioned
from designer.models.settings import ACCOUNT_SETTINGS, column_default


def _default(name: str) -> object:
    return column_default(ACCOUNT_SETTINGS, name)


class AccountSettings(Versioned, Base):
    """One row: the account's settings, with the reference's defaults."""

    __tablename__ = "account_settings"
    __table_args__ = (
        CheckConstraint(
            ACCOUNT_SETTINGS["control_group_percent"].between_sql(), name="control_group_range"
        ),
        CheckConstraint(
            ACCOUNT_SETTINGS["cross_session_days"].between_sql(), name="cross_session_days"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_name: Mapped[str] = mapped_column(String(200), default=_default("account_name"))
    idle_time_days: Mapped[int] = mapped_column(default=_default("idle_time_days"))
    currency: Mapped[str] = mapped_column(String(3), default=_default("currency"))
    cross_session_days: Mapped[int] = mapped_column(default=_default("cross_session_days"))
    attribution_model: Mapped[str] = mapped_column(
        String(10), default=_default("attribution_model")
    )
    control_group_percent: Mapped[int] = mapped_column(default=_default("control_group_percent"))
    # None = unlimited (the default); otherwise 1, 2 or 3 proactive displays a visit.
    conversation_displays_per_visit: Mapped[int | None] = mapped_column(
        default=_default("conversation_displays_per_visit")
    )
    content_displays_per_visit: Mapped[int | None] = mapped_column(
        default=_default("content_displays_per_visit")
    )
    conversation_invite_after_decline: Mapped[bool] = mapped_column(
        default=_default("conversation_invite_after_decline")
    )
    content_invite_after_decline: Mapped[bool] = mapped_column(
        default=_default("content_invite_after_decline")
    )
    time_zone: Mapped[str] = mapped_column(String(64), default=_default("time_zone"))
    collector_url: Mapped[str] = mapped_column(String(500), default=_default("collector_url"))


def account_row(s: Session) -> AccountSettings | None:
    """The store's account settings row (the first, should a store hold more), or None."""
    return s.scalars(select(AccountSettings).order_by(AccountSettings.id)).first()


class Skill(Versioned, Base):
    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)

    shifts: Mapped[list[WorkingShift]] = relationship(
        back_populates="skill", cascade="all, delete-orphan", order_by="WorkingShift.weekday"
    )

    def __repr__(self) -> str:
        return f"Skill({self.name!r})"


class WorkingShift(Versioned, Base):
    """A shift of the scheduler: on weekday, from start to end minute, for one skill or all."""

    __tablename__ = "working_shifts"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint("start_minute >= 0 AND end_minute <= 1440", name="minute_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"))
    weekday: Mapped[int]  # 0 = Monday
    start_minute: Mapped[int]
    end_minute: Mapped[int]

    skill: Mapped[Skill | None] = relationship(back_populates="shifts")


class Holiday(Versioned, Base):
    """A day the scheduler treats as closed (for one skill, or all when skill is None)."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    name: Mapped[str] = mapped_column(String(200), default="")
    skill_id: Mapped[int | None] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"))
