"""The format table drives every place a format shows: a format is its row and a gallery
template, and the gallery, the manifest's schema, the bundle and the design checks follow."""

from __future__ import annotations

from importlib import resources

import pytest

from designer.bundle.build import bundle_files, manifest_files, runtime_files
from designer.bundle.manifest import schema, schema_problems, with_runtime_tables
from designer.bundle.runtime_scripts import reason_sentences
from designer.models import Engagement
from designer.models.design_checks import design_problems
from designer.models.formats import ANCHORS, FORMATS, EngagementFormat, Place
from designer.models.gallery import TEMPLATES
from designer.models.placement import box_at, manifest_placement, placement_box
from designer.models.store import Store
from tests.browser import manifests as m

PLACED = [(f.key, zone) for f in FORMATS.values() for zone in f.zones]


def test_every_format_has_one_row_and_a_gallery_template_in_resources() -> None:
    assert list(FORMATS) == list(EngagementFormat)
    assert {t.format for t in TEMPLATES} == set(FORMATS)
    folder = resources.files("designer.resources").joinpath("gallery")
    files = sorted(f.name for f in folder.iterdir() if f.name.endswith(".json"))
    assert [f.split("-", 1)[1].removesuffix(".json") for f in files] == [t.key for t in TEMPLATES]


def test_the_manifest_schema_names_every_format_and_anchor_of_the_table() -> None:
    engagement = schema()["properties"]["engagements"]["items"]["properties"]
    assert engagement["format"]["enum"] == [f.value for f in FORMATS]
    place = engagement["placement"]["anyOf"][0]["properties"]
    assert place["anchor"]["enum"] == list(ANCHORS)


@pytest.mark.parametrize("fmt, zone", PLACED)
def test_every_format_in_every_zone_has_a_placement_the_schema_takes(fmt, zone) -> None:
    placement = manifest_placement(fmt, zone)
    if zone == "embedded":
        assert placement is None
    else:
        assert placement["anchor"] in ANCHORS
    key = next(t.key for t in TEMPLATES if t.format is fmt)
    manifest = with_runtime_tables(m.manifest(m.engagement(1, key, zone=zone)))
    manifest["files"] = manifest_files(*runtime_files())
    assert manifest["engagements"][0]["placement"] == placement
    assert schema_problems(manifest) == []


def test_a_place_names_the_edges_it_is_measured_from() -> None:
    viewport = (1000, 800)
    assert box_at(Place("top-left", 10, 20), (100, 50), viewport) == (10, 20, 100, 50)
    assert box_at(Place("bottom-right", 10, 20), (100, 50), viewport) == (890, 730, 100, 50)
    assert box_at(Place("left", 0, 0), (100, 50), viewport) == (0, 375, 100, 50)
    assert box_at(Place("bottom", 0, 8), (100, 50), viewport) == (450, 742, 100, 50)
    assert box_at(Place("center", 5, -5), (100, 50), viewport) == (455, 370, 100, 50)


def test_side_formats_follow_their_zone_and_the_design_can_override_the_preset() -> None:
    props = {"width": 160, "height": 48, "placement": "preset"}
    assert placement_box("sticky_button", "left", props, (1000, 800)) == (24, 728, 160, 48)
    assert placement_box("sticky_button", "right", props, (1000, 800)) == (816, 728, 160, 48)
    assert placement_box("slide_out", "left", props, (1000, 800)) == (0, 376, 160, 48)
    assert placement_box("embedded_button", "embedded", props) is None
    custom = props | {"placement": "custom", "anchor": "top-left", "offset_x": 3, "offset_y": 4}
    assert placement_box("toaster", "proactive", custom, (1000, 800)) == (3, 4, 160, 48)


@pytest.fixture(scope="module")
def install_page(_new_store_files) -> str:
    """The install page of the sample store's bundle, its words on one line."""
    store = Store.open(_new_store_files[True])
    try:
        page = bundle_files(store)["install.html"].decode()
    finally:
        store.close()
    return " ".join(page.split())


@pytest.mark.parametrize("row", [f for f in FORMATS.values() if f.mobile or not f.on_phones])
def test_mobile_guidelines_and_phone_policy_come_from_the_row(row, install_page) -> None:
    template = next(t for t in TEMPLATES if t.format is row.key)
    e = Engagement(name="e", kind=template.kind.value, element_id="slot")
    e.set_format(row.key)
    design = template.state_designs()
    design.online.props["width"] = row.mobile.width + 1 if row.mobile else 1000
    e.set_state_designs(design)
    said = [text for _, _, text in design_problems(e, row.key)]
    if row.mobile:
        assert any(f"The {row.noun} is {row.mobile.width + 1}" in text for text in said)
    assert any("phones will not show it" in text for text in said) is not row.on_phones
    if row.mobile:
        assert f"{row.a_noun} " in install_page.split("work best at these sizes:")[1]
    if not row.on_phones:
        assert f"{row.a_noun.capitalize()} is not accessible on mobile web" in install_page
        assert reason_sentences()[f"{row.key}_phone"].startswith(row.a_noun.capitalize())
