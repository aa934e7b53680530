"""The bundle the preview serves: built in memory from the store, drafts included.

Qt-free. The designer previews work in progress, so the campaigns are in it
whatever their status, and problems that would refuse an export (a missing
image, say) leave out only what they concern.
"""

from __future__ import annotations

from designer.bundle.build import build_bundle
from designer.models.store import Store


def preview_bundle(store: Store, campaign_ids: list[int] | None = None) -> dict[str, bytes]:
    """{file name: bytes} of a bundle of the campaigns (all when None), drafts included."""
    bundle = build_bundle(
        store, include_drafts=True, refuse_problems=False, preview_ids=list(campaign_ids or [])
    )
    return bundle.files
