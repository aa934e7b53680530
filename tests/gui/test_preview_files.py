"""The preview's Qt-free parts: the files the scheme serves, the visitor, the page for rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from designer.preview.served_files import (
    NO_META_HOST,
    SITE_HOST,
    PreviewFiles,
    integrity,
    page_for_rules,
)
from designer.preview.store_bundle import preview_bundle
from designer.preview.visitor import Visitor


def test_sample_pages_carry_the_install_snippet_and_lose_the_meta_tag_on_the_no_meta_host(store):
    files = PreviewFiles()
    files.set_bundle(preview_bundle(store))
    with_meta = files.serve(SITE_HOST, "/cart").body.decode()
    without = files.serve(NO_META_HOST, "/cart").body.decode()
    tag = files.bundle_file("tag.", ".js")
    assert 'name="viewport"' in with_meta and 'name="viewport"' not in without
    for page in (with_meta, without):
        assert f'src="/_engagements/{tag}" integrity="{integrity(files.bundle[tag])}"' in page
        assert page.index("<script async") < page.index("</head>")
    assert files.serve(SITE_HOST, f"/_engagements/{tag}").mime == "text/javascript"
    assert files.serve(SITE_HOST, "/nowhere") is None


def test_the_preview_bundle_includes_draft_campaigns(store):
    files = preview_bundle(store)
    manifest = json.loads(next(v for k, v in files.items() if k.endswith(".json")))
    assert {"Winter sale", "Customer care"} <= {c["name"] for c in manifest["campaigns"]}


def test_a_local_page_is_served_from_its_folder_only(tmp_path):
    page = tmp_path / "site" / "index.html"
    page.parent.mkdir()
    page.write_text("<html><head></head><body>mine</body></html>")
    (tmp_path / "secret.txt").write_text("no")
    files = PreviewFiles()
    files.local_file = page
    assert b"mine" in files.serve("local", "/index.html").body
    assert files.serve("local", "/../secret.txt") is None


def test_page_for_rules_picks_a_sample_page_the_entry_point_lets_in():
    checkout = [
        {"match": "contains", "value": "/checkout", "exclude": False},
        {"match": "contains", "value": "/checkout/done", "exclude": True},
    ]
    assert page_for_rules(checkout).key == "checkout"
    assert page_for_rules([{"match": "regex", "value": r"^/help", "exclude": False}]).key == "help"
    assert page_for_rules([{"match": "equals", "value": "/nope", "exclude": False}]).key == "home"


def test_visitor_options_and_pushes_speak_the_runtime_words():
    clock = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    v = Visitor(
        time_on_page=40, cart_value=120.0, products=["jacket"], control_group="out", clock=clock
    )
    assert v.preview_options() == {"time_on_page": 40, "control_group": "out", "now": 1796126400000}
    assert v.pushes() == [{"type": "cart", "value": 120.0, "products": ["jacket"]}]
    assert "api.preview(options)" in v.script()
