"""Light read-only summaries for lists, without loading designs."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement


@dataclass(frozen=True)
class CampaignRow:
    id: int
    name: str
    status: str
    goal: str
    priority: str
    engagements: int


def campaign_rows(session: Session) -> list[CampaignRow]:
    """Every campaign with its engagement count, by name: one query."""
    counts = (
        select(Engagement.campaign_id, func.count().label("n"))
        .group_by(Engagement.campaign_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Campaign.id,
            Campaign.name,
            Campaign.status,
            Campaign.goal,
            Campaign.priority,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.campaign_id == Campaign.id)
        .order_by(Campaign.name)
    )
    return [CampaignRow(*r) for r in rows]
