"""Campaigns: goal, audience, time frame, priority, control group, status."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, select
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from designer.models.account import AccountSettings
from designer.models.base import Base, Timestamps, Versioned, utcnow
from designer.models.schedule import valid_time_zone
from designer.models.settings import CAMPAIGN_SETTINGS, column_default


def _default(name: str) -> object:
    return column_default(CAMPAIGN_SETTINGS, name)


def account_time_zone(context: DefaultExecutionContext) -> str:
    """A new campaign's time zone when none is given: the account's (else UTC)."""
    zone = context.connection.scalar(select(AccountSettings.time_zone).limit(1))
    return zone if zone and valid_time_zone(zone) else "UTC"


class Campaign(Versioned, Timestamps, Base):
    """A campaign holds engagements and decides when and for whom they run.

    shifts: weekly recurrence, [{"weekday": 0-6, "start": minute, "end": minute}],
      in 5-minute steps; used when hours_mode is weekly (any weekday) or
      specific_hours (the same hours every day: weekday is ignored).
    special_occasions: [{"name", "date": "YYYY-MM-DD", "closed": bool,
      "start": minute, "end": minute}] overriding the recurrence on that date.
    """

    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint(
            CAMPAIGN_SETTINGS["control_group_percent"].between_sql(), name="control_group_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(default="")
    goal: Mapped[str] = mapped_column(String(20), default=_default("goal"))
    goal_once_per_visit: Mapped[bool] = mapped_column(default=_default("goal_once_per_visit"))
    audience_id: Mapped[int | None] = mapped_column(
        ForeignKey("target_audiences.id", ondelete="RESTRICT")
    )
    starts_at: Mapped[datetime | None] = mapped_column(default=None)
    ends_at: Mapped[datetime | None] = mapped_column(default=None)
    time_zone: Mapped[str] = mapped_column(String(64), default=account_time_zone)
    hours_mode: Mapped[str] = mapped_column(String(20), default=_default("hours_mode"))
    shifts: Mapped[list] = mapped_column(default=list)
    special_occasions: Mapped[list] = mapped_column(default=list)
    priority: Mapped[str] = mapped_column(String(10), default=_default("priority"))
    control_group_percent: Mapped[int] = mapped_column(default=_default("control_group_percent"))
    status: Mapped[str] = mapped_column(String(10), default=_default("status"), index=True)

    audience: Mapped[TargetAudience | None] = relationship(back_populates="campaigns")  # noqa: F821
    engagements: Mapped[list[Engagement]] = relationship(  # noqa: F821
        back_populates="campaign", cascade="all, delete-orphan", order_by="Engagement.position"
    )
    versions: Mapped[list[CampaignVersion]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="CampaignVersion.number"
    )

    def __repr__(self) -> str:
        return f"Campaign({self.name!r}, {self.status})"


class CampaignVersion(Base):
    """A numbered snapshot recorded at each publish, to look back at and compare."""

    __tablename__ = "campaign_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    number: Mapped[int]
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(default="")
    snapshot: Mapped[dict] = mapped_column(default=dict)

    campaign: Mapped[Campaign] = relationship(back_populates="versions")
