"""Light read-only summaries for lists, without loading designs."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement


class CampaignRow(NamedTuple):
    """One line of the campaign list (a tuple: ten thousand are made in a few ms)."""

    id: int
    name: str
    status: str
    goal: str
    priority: str
    engagements: int


def campaign_rows(session: Session) -> list[CampaignRow]:
    """Every campaign with its engagement count, by name: one query.

    Plain table columns through the session's connection: the list is the
    first thing the app shows, and skipping the ORM's row machinery halves
    its time on a store of ten thousand campaigns.
    """
    campaigns, engagements = Campaign.__table__, Engagement.__table__
    count = (
        select(func.count())
        .where(engagements.c.campaign_id == campaigns.c.id)
        .correlate(campaigns)
        .scalar_subquery()
    )
    rows = session.connection().execute(
        select(
            campaigns.c.id,
            campaigns.c.name,
            campaigns.c.status,
            campaigns.c.goal,
            campaigns.c.priority,
            count,
        ).order_by(campaigns.c.name)
    )
    return list(map(CampaignRow._make, rows))
