"""Published versions without Qt: out of date after an edit, restore, and compare in sentences."""

from __future__ import annotations

import copy

from sqlalchemy import select

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.libraries import EntryPoint
from designer.models.store import Store
from designer.models.version_compare import compare_sentences
from designer.models.versions import (
    apply_content,
    content_of,
    content_snapshot,
    deleted_on_site,
    latest_version,
    out_of_date,
    out_of_date_sentence,
    record_publish,
    record_version,
    site_list,
)


def _sale(s) -> Campaign:
    return s.scalar(select(Campaign).where(Campaign.name == "Winter sale"))


def test_a_published_campaign_is_out_of_date_after_an_edit_until_a_version_matches(store: Store):
    with store.read() as s:
        assert out_of_date(s) == []  # never written to a bundle from here: nothing to be behind
    with store.edit() as s:
        record_version(s, _sale(s), "first", {"changes": []})
    with store.read() as s:
        assert out_of_date(s) == []
    with store.edit() as s:
        _sale(s).priority = "low"
    with store.read() as s:
        assert out_of_date(s) == ["Winter sale"]
    with store.edit() as s:
        _sale(s).priority = "high"  # back as published: the site shows exactly this again
    with store.read() as s:
        assert out_of_date(s) == []
    with store.edit() as s:
        _sale(s).status = "disabled"  # the site still shows it until published again
    with store.read() as s:
        assert out_of_date(s) == ["Winter sale"]


def test_versions_are_numbered_and_keep_the_publish_summary(store: Store):
    with store.edit() as s:
        record_version(s, _sale(s), "one", {"changes": ["Added: x"]})
        v2 = record_version(s, _sale(s), "two", {"changes": []})
        assert v2.number == 2
    with store.read() as s:
        last = latest_version(s, _sale(s).id)
        assert (last.number, last.note, last.snapshot["publish"]) == (2, "two", {"changes": []})
        assert content_of(last.snapshot) == content_snapshot(_sale(s))


def test_apply_content_brings_back_removed_engagements_and_removes_added_ones(store: Store):
    with store.edit() as s:
        sale = _sale(s)
        published = copy.deepcopy(record_version(s, sale, "v1", {}).snapshot)
        toaster = next(e for e in sale.engagements if e.format == "toaster")
        toaster_id, toaster_name = toaster.id, toaster.name
        sale.engagements.remove(toaster)
        sale.engagements.append(Engagement(name="Late addition"))
        sale.priority = "low"
    with store.edit() as s:
        notes = apply_content(s, _sale(s).id, content_of(published))
    assert notes == []
    with store.read() as s:
        sale = _sale(s)
        assert sale.priority == "high" and sale.status == "published"
        names = [e.name for e in sale.engagements]
        assert toaster_name in names and "Late addition" not in names
        assert s.get(Engagement, toaster_id).name == toaster_name  # under its old id
        assert out_of_date(s) == []


def test_apply_content_clears_a_reference_to_a_deleted_entry_point_and_says_so(store: Store):
    with store.edit() as s:
        sale = _sale(s)
        ep = EntryPoint(name="Gone soon", rules=[])
        s.add(ep)
        s.flush()
        sale.engagements[0].entry_point_id = ep.id
        s.flush()
        snap = content_snapshot(sale)
        name = sale.engagements[0].name
        sale.engagements[0].entry_point_id = None
        s.delete(ep)
    with store.edit() as s:
        notes = apply_content(s, _sale(s).id, snap)
    assert notes == [f"“{name}” had an entry point that was deleted since; it now has none."]


def test_compare_reads_as_sentences_per_engagement():
    old = {
        "priority": "high",
        "control_group_percent": 10,
        "engagements": [
            {"id": 1, "name": "Cart toaster", "format": "toaster", "zone": "proactive",
             "enabled": True, "designs": {"online": 1}, "entry_point_id": 3},
            {"id": 2, "name": "Gift banner", "format": "embedded_banner", "zone": "embedded",
             "element_id": "gifts", "enabled": True},
        ],
    }  # fmt: skip
    new = copy.deepcopy(old)
    new["priority"], new["control_group_percent"] = "low", 20
    new["engagements"][0].update(enabled=False, designs={"online": 2}, entry_point_id=4)
    new["engagements"].pop(1)
    new["engagements"].append(
        {"id": 5, "name": "Exit overlay", "format": "overlay", "zone": "proactive"}
    )
    names = {"entry_point": {3: "Checkout", 4: "Basket"}}
    assert compare_sentences(old, new, names) == [
        "The campaign: its priority changed from “high” to “low” and its control group "
        "changed from 10% to 20%.",
        "“Cart toaster”: it was turned off, its studio design changed and its entry point "
        "changed from “Checkout” to “Basket”.",
        "“Exit overlay” was added (overlay, proactive zone).",
        "“Gift banner” was removed.",
    ]
    assert compare_sentences(old, copy.deepcopy(old)) == []


def test_an_engagement_made_again_under_its_name_reads_as_changed():
    old = {"engagements": [{"id": 1, "name": "Chat", "format": "sticky_button"}]}
    new = {"engagements": [{"id": 9, "name": "Chat", "format": "slide_out"}]}
    assert compare_sentences(old, new) == [
        "“Chat”: its format changed from sticky button to slide out."
    ]


def test_a_publish_records_the_pressed_campaign_and_those_the_site_now_shows_differently(
    store: Store,
):
    with store.edit() as s:
        care = s.scalar(select(Campaign).where(Campaign.name == "Customer care"))
        care.status = "published"
        recorded = record_publish(s, _sale(s).id, ["Winter sale", "Customer care"], "first", {})
        assert sorted(recorded) == sorted([care.id, _sale(s).id])  # both went on the site
    with store.edit() as s:
        assert record_publish(s, _sale(s).id, ["Winter sale", "Customer care"], "again", {}) == [
            _sale(s).id
        ]  # Customer care did not change: no version for it
        s.scalar(select(Campaign).where(Campaign.name == "Customer care")).status = "disabled"
    with store.edit() as s:
        record_publish(s, None, ["Winter sale"], "site", {})
        care = s.scalar(select(Campaign).where(Campaign.name == "Customer care"))
        assert [v.note for v in care.versions] == ["first", "Taken off the site (disabled)"]


def test_a_deleted_campaign_still_on_the_site_is_said_until_the_next_publish(store: Store):
    with store.edit() as s:
        care = s.scalar(select(Campaign).where(Campaign.name == "Customer care"))
        care.status = "published"
        record_publish(s, None, ["Winter sale", "Customer care"], "first", {})
        site = site_list(s, ["Winter sale", "Customer care"])
        s.delete(care)
    with store.read() as s:
        gone = deleted_on_site(s, site)
        assert gone == ["Customer care"]
        assert out_of_date_sentence(out_of_date(s), gone) == (
            "Site bundle out of date: “Customer care” was deleted since published"
        )
    with store.edit() as s:
        assert record_publish(s, None, ["Winter sale"], "site", {}, gone) == [_sale(s).id]
        assert _sale(s).versions[-1].note == "“Customer care” taken off the site (deleted)"
        assert deleted_on_site(s, site_list(s, ["Winter sale"])) == []


def test_the_shared_rows_a_campaign_shows_are_kept_resolved_with_its_version(store: Store):
    """A library window design or entry point changed after a publish puts the site bundle out
    of date; linking a library design identical to the engagement's own does not."""
    from designer.models.window_library import LibraryWindow, link

    with store.edit() as s:
        e = _sale(s).engagements[0]
        s.add(LibraryWindow(name="Shared", design=e.get_window_design().to_dict()))
        record_version(s, _sale(s), "first", {"changes": []})
    with store.edit() as s:
        link(_sale(s).engagements[0], s.scalar(select(LibraryWindow)))  # the same design
    with store.read() as s:
        assert out_of_date(s) == []  # the bundle would be byte for byte the same
    with store.edit() as s:
        shared = s.scalar(select(LibraryWindow))
        design = copy.deepcopy(shared.design)
        design["props"]["header_text"] = "Talk to us"
        shared.design = design
    with store.read() as s:
        assert out_of_date(s) == ["Winter sale"]
        assert "Talk to us" not in str(latest_version(s, _sale(s).id).snapshot)  # as published
    with store.edit() as s:
        record_version(s, _sale(s), "second", {"changes": []})
        ep = _sale(s).engagements[0].entry_point
        ep.rules = [*ep.rules, {"match": "contains", "value": "/sale", "exclude": True}]
    with store.read() as s:
        assert out_of_date(s) == ["Winter sale"]
        # the kept rows are about the publish, not the campaign: a restore or a compare skips them
        assert "site" not in content_of(latest_version(s, _sale(s).id).snapshot)


def test_a_version_recorded_before_shared_rows_were_kept_compares_its_columns(store: Store):
    with store.edit() as s:
        version = record_version(s, _sale(s), "first", {"changes": []})
        version.snapshot = {k: v for k, v in version.snapshot.items() if k != "site"}
    with store.read() as s:
        assert out_of_date(s) == []  # not out of date merely for being an older version
    with store.edit() as s:
        _sale(s).priority = "low"
    with store.read() as s:
        assert out_of_date(s) == ["Winter sale"]
