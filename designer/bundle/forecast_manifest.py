"""The manifests a forecast runs: the store's draft, and what was last published.

Qt-free. The draft is every campaign that is not turned off, as the store
holds it now (what the site would get if it were all published). The
published version is each campaign's latest recorded version (the snapshot
taken at its last publish), read back into campaigns and engagements and
built by the same manifest builder as an export, naming the same runtime
files (draw.js, the stylesheet). Images are left out: the forecast's page
draws, it does not paint.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from designer.bundle.build import choose_campaigns, manifest_files, runtime_files
from designer.bundle.manifest import build_manifest
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.store import Store
from designer.models.versions import on_site
from designer.models.vocabulary import CampaignStatus

DRAFT, PUBLISHED = CampaignStatus.DRAFT.value, CampaignStatus.PUBLISHED.value
_DATES = ("starts_at", "ends_at")


def _no_image(value: str, box: tuple[int, int], where: str) -> str:
    return ""


def _columns(model: type, values: dict[str, Any]) -> dict[str, Any]:
    keys = {c.key for c in model.__table__.columns} - {"created_at", "updated_at"}
    return {k: v for k, v in values.items() if k in keys}


def _from_snapshot(session: Session, snap: dict[str, Any]) -> Campaign:
    """The campaign as it was published (libraries as they are now), not added to the session."""
    values = _columns(Campaign, snap)
    for key in _DATES:
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key])
    campaign = Campaign(**values)
    if campaign.audience_id:
        campaign.audience = session.get(TargetAudience, campaign.audience_id)
    for e_snap in snap.get("engagements", []):
        e = Engagement(**_columns(Engagement, e_snap))
        e.entry_point = session.get(EntryPoint, e.entry_point_id) if e.entry_point_id else None
        e.behavior = session.get(Behavior, e.behavior_id) if e.behavior_id else None
        campaign.engagements.append(e)
    return campaign


def published_campaigns(session: Session) -> list[Campaign]:
    """Each campaign's latest published version; a published campaign with no recorded
    version (the sample, an imported bundle) as it is now."""
    latest: dict[int, CampaignVersion] = {}
    for v in session.scalars(select(CampaignVersion).order_by(CampaignVersion.number)):
        latest[v.campaign_id] = v
    out = []
    for c in choose_campaigns(session, None, True, []):
        if c.id in latest:
            if on_site(latest[c.id]):  # not a version that took it off the site
                out.append(_from_snapshot(session, latest[c.id].snapshot))
        elif c.status == CampaignStatus.PUBLISHED:
            out.append(c)
    return out


def forecast_manifest(store: Store, which: str = DRAFT) -> dict[str, Any]:
    """The manifest of the draft or of the published version (no campaign: none in it)."""
    with store.read() as session:
        session.autoflush = False  # the published campaigns are read back, never stored
        if which == PUBLISHED:
            campaigns = published_campaigns(session)
        else:
            campaigns = [
                c
                for c in choose_campaigns(session, None, True, [])
                if c.status != CampaignStatus.DISABLED
            ]
        files = manifest_files(*runtime_files())  # as an export names them: the tag loads them
        return build_manifest(session, campaigns, files, _no_image, include_drafts=True)
