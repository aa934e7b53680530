"""What you design is what ships: every gallery template, in every agent state, shows all
of its text in real Chromium, and its accessible name says what it visibly says."""

from __future__ import annotations

import pytest

from designer.bundle.manifest import design_to_manifest
from designer.models.gallery import TEMPLATES, template
from designer.models.vocabulary import AgentState
from tests.browser import manifests as m
from tests.browser.pages import set_preview, shown

MONDAY_10 = "2026-11-23T10:00:00Z"  # within every schedule: the test never depends on the hour

# Every text the engagement shows, with its box and the room its content takes.
# Engagements are drawn in shadow roots of their own hosts.
OVERFLOWS = """() => [...document.querySelectorAll('ed-engagement')]
  .flatMap(h => [...h.shadowRoot.querySelectorAll('.ed-text, .ed-button')])
  .map(n => ({text: n.textContent, box: [n.clientWidth, n.clientHeight],
              content: [n.scrollWidth, n.scrollHeight]}))"""


def _show(site, open_page, key: str, state: AgentState, **engagement):
    body = '<div id="slot"></div>'
    page = open_page(site.publish(m.manifest(m.engagement(1, key, **engagement)), body))
    set_preview(page, now=MONDAY_10, agent_state=state.value)
    page.wait_for_selector('ed-engagement[data-engagement="1"]')
    assert shown(page) == [1]
    return page


@pytest.mark.parametrize("state", list(AgentState), ids=lambda s: s.value)
@pytest.mark.parametrize("key", [t.key for t in TEMPLATES])
def test_no_template_cuts_off_its_text_in_any_agent_state(site, open_page, key, state):
    page = _show(site, open_page, key, state)
    texts = page.evaluate(OVERFLOWS)
    assert texts, "the engagement shows no text"
    cut = [t for t in texts if t["content"][0] > t["box"][0] or t["content"][1] > t["box"][1]]
    assert not cut, f"{key} ({state.value}) cuts off {cut}"


def test_the_sticky_buttons_name_follows_its_offline_text(site, open_page):
    page = _show(site, open_page, "sales-sticky", AgentState.OFFLINE)
    button = page.get_by_role("button", name="Leave us a message", exact=True)
    assert button.inner_text() == "Leave us a message"
    page = _show(site, open_page, "sales-sticky", AgentState.ONLINE)
    assert page.get_by_role("button", name="Message us", exact=True).inner_text() == "Message us"


def test_a_designs_stale_label_gives_way_to_the_text_it_shows(site, open_page):
    """A store made before the fix kept "Message us" as the offline design's label."""
    states = template("sales-slide-out").state_designs()
    states.offline.props["label"] = "Message us"  # as the old gallery wrote it
    e = m.engagement(1, "sales-slide-out")
    e["designs"]["offline"] = design_to_manifest(states.offline, lambda ref, box, w: ref, "")
    page = open_page(site.publish(m.manifest(e)))
    set_preview(page, now=MONDAY_10, agent_state="offline")
    region = page.get_by_role("region", name="Leave us a message", exact=True)
    assert "Leave us a message" in region.inner_text()
    assert page.get_by_role("button", name="Start messaging").is_visible()
