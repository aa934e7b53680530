"""What a publish changes in a folder, told before anything is written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from designer.bundle.build import build_bundle
from designer.bundle.bundle_changes import bundle_changes
from designer.bundle.export import export
from designer.models import Campaign, Engagement
from designer.models.store import Store


def test_an_empty_folder_gets_everything_new(store: Store, tmp_path: Path) -> None:
    changes = bundle_changes(tmp_path / "site", build_bundle(store))
    assert changes.earlier == "none"
    assert len(changes.added) == 5 and changes.removed == changes.changed == []
    assert changes.sentences()[0] == f"{tmp_path / 'site'} holds no bundle yet: everything is new."
    assert changes.sentences()[1:3] == [
        "Engagements:",
        "• Added: “Winter sale › Message us button”",
    ]
    assert changes.headline() == "5 engagements added"


def test_engagements_added_removed_and_changed_by_name_and_files_replaced(
    store: Store, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    export(store, None, site)
    with store.edit() as s:
        care = s.scalar(select(Campaign).where(Campaign.name == "Customer care"))
        care.status = "published"
        sale = s.scalar(select(Campaign).where(Campaign.name == "Winter sale"))
        toaster = s.scalar(select(Engagement).where(Engagement.name == "Cart toaster"))
        toaster.zone = "proactive"
        toaster.content_url = "https://example.com/offer"
        sale.engagements.remove(
            s.scalar(select(Engagement).where(Engagement.name == "Product expert"))
        )
        sale.priority = "low"
    changes = bundle_changes(site, build_bundle(store))
    assert changes.earlier == "read"
    assert changes.added == ["“Customer care › Help centre button”"]
    assert changes.removed == ["“Winter sale › Product expert”"]
    assert changes.changed == ["“Winter sale › Cart toaster”: its content link"]
    assert changes.campaigns_changed == ["“Winter sale”: its priority"]
    manifest, install = sorted(changes.files_replaced)
    assert manifest.startswith("engagements.") and ".json → engagements." in manifest
    assert install == "install.html"  # no hash in its name: rewritten in place
    assert changes.files_kept >= 3  # the tag, the window and the CSS did not change
    assert changes.headline() == "1 engagement added, 1 engagement removed, 1 engagement changed"


def test_the_same_bundle_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = export(store, None, site)
    changes = bundle_changes(site, build_bundle(store))
    assert changes.sentences()[1:] == [
        "Engagements:",
        "• No engagement is added, removed or changed.",
        "Files:",
        f"• {len(result.bundle.files)} files stay as they are.",
    ]


def test_a_folder_that_cannot_be_read_as_a_bundle_is_said(store: Store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "tag.0123456789.js").symlink_to("/etc/hostname")
    changes = bundle_changes(site, build_bundle(store))
    assert changes.sentences()[0].startswith(f"The bundle in {site} could not be read (")
    assert len(changes.added) == 5
