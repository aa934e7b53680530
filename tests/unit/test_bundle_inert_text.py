"""HTML and script typed into any field stays text: escaped in install.html, plain JSON text."""

from __future__ import annotations

import json
from datetime import date
from html.parser import HTMLParser

from designer.bundle.build import bundle_files
from designer.models import (
    AccountSettings,
    Behavior,
    Campaign,
    EntryPoint,
    Holiday,
    Skill,
    TargetAudience,
)
from designer.models.properties import ELEMENT_PROPS, WINDOW_PROPS
from designer.models.store import Store
from designer.models.validation import ERROR, validate

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&amp;</textarea>"
EVIL_LINK = "https://example.com/?q=" + EVIL
TEXT_TYPES = ("text", "multiline", "url")
PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "pre", "code"}
PAGE_TAGS |= {"ul", "li", "strong", "table", "tr", "th", "td"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _type_evil_everywhere(store: Store) -> None:
    with store.edit() as s:
        account = s.query(AccountSettings).one()
        account.collector_url = EVIL
        s.query(Skill).filter_by(name="Sales").one().name = "Sales " + EVIL
        s.add(Holiday(day=date(2026, 12, 26), name=EVIL))
        c = s.query(Campaign).filter_by(name="Winter sale").one()
        c.name, c.description = "Winter " + EVIL, EVIL
        s.query(TargetAudience).filter_by(name="Everyone").one().name = "Everyone " + EVIL
        for i, ep in enumerate(s.query(EntryPoint)):
            ep.name = f"{i} {EVIL}"
            ep.sections = [EVIL]
            ep.rules = [{"match": "contains", "value": EVIL, "exclude": False}]
        for i, b in enumerate(s.query(Behavior)):
            b.name = f"{i} {EVIL}"
            b.conditions = [{"type": "visitor_error", "message": EVIL, "code": EVIL}]
        for e in c.engagements:
            e.name = f"{e.id} {EVIL}"
            if e.zone == "embedded":
                e.element_id = EVIL
            e.content_url = EVIL
            e.automatic_messages = {"en": {"greeting": {"enabled": True, "text": EVIL}}}
            e.predefined_content = [{"title": EVIL, "text": EVIL}]
            designs = e.state_designs()
            for design in (designs.online, designs.offline):
                if design is None:
                    continue
                design.props["label"] = EVIL
                for element in design.elements:
                    for spec in ELEMENT_PROPS[element.kind]:
                        if spec.type in TEXT_TYPES:
                            element.props[spec.name] = EVIL_LINK if spec.type == "url" else EVIL
            e.set_state_designs(designs)
            window = e.get_window_design()
            for spec in WINDOW_PROPS:
                if spec.type in TEXT_TYPES:
                    window.props[spec.name] = EVIL_LINK if spec.type == "url" else EVIL
            e.window_design = window.to_dict()
    with store.read() as s:
        assert [p for p in validate(s) if p.severity == ERROR] == []


def test_typed_html_is_escaped_text_in_install_html(store: Store) -> None:
    _type_evil_everywhere(store)
    files = bundle_files(store)
    page = files["install.html"].decode("utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = _Tags()
    parser.feed(page)
    assert {tag for tag, _ in parser.tags} <= PAGE_TAGS
    assert not [name for _, attrs in parser.tags for name, _ in attrs if name.startswith("on")]
    shown = "".join(parser.text)
    assert f"Winter {EVIL}" in shown  # the campaign name reads exactly as typed
    assert f'<div id="{EVIL}"></div>' in shown  # the embedded element id, as text
    css = next(data for name, data in files.items() if name.endswith(".css"))
    assert b"alert" not in css


def test_typed_html_is_plain_json_text_in_the_manifest(store: Store) -> None:
    _type_evil_everywhere(store)
    files = bundle_files(store)
    manifest = json.loads(next(d for n, d in files.items() if n.endswith(".json")))
    campaign = manifest["campaigns"][0]
    assert campaign["name"] == f"Winter {EVIL}"
    assert campaign["audience"]["name"] == f"Everyone {EVIL}"
    assert f"Sales {EVIL}" in {s["name"] for s in manifest["account"]["skills"]}
    assert manifest["account"]["collector_url"] == EVIL
    assert EVIL in {h["name"] for h in manifest["account"]["scheduler"]["holidays"]}
    assert {ep["rules"][0]["value"] for ep in manifest["entry_points"]} == {EVIL}
    assert {b["conditions"][0]["message"] for b in manifest["behaviors"]} == {EVIL}
    for e in manifest["engagements"]:
        assert e["name"].endswith(EVIL) and e["content_url"] == EVIL
        assert e["automatic_messages"] == {"greeting": EVIL}
        assert e["predefined_content"] == [{"title": EVIL, "text": EVIL}]
        assert e["window"]["header_text"] == EVIL and e["window"]["input_placeholder"] == EVIL
        online = e["designs"]["online"]
        assert online["props"]["label"] == EVIL
        texts = [el["props"].get("text") for el in online["elements"] if el["kind"] == "text"]
        assert texts and set(texts) == {EVIL}
