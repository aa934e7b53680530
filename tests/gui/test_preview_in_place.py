"""The preview follows an edit in place: the running page takes the new manifest, no reload."""

from __future__ import annotations

import pytest

from designer.models.store import Store
from tests.gui.preview_driver import sample_panel, set_button_text
from tests.moments import MONDAY_10

pytestmark = pytest.mark.slow
SHOWN_JS = "!!document.querySelector('ed-engagement')"
PAGES_JS = "JSON.parse(sessionStorage.getItem('ed_visit')).pages.length"


def shows_text(text: str) -> str:
    return (
        "Array.prototype.some.call(document.querySelectorAll('ed-engagement'),"
        f" function (h) {{ return h.shadowRoot.textContent.indexOf('{text}') >= 0; }})"
    )


@pytest.fixture
def panel(qapp, tmp_path):
    store = Store.open(tmp_path / "sample.sqlite")
    with sample_panel(store, MONDAY_10) as p:
        yield p
    store.close()


def test_an_edit_appears_in_the_running_page_without_loading_it_again(panel):
    browser = panel.browsers[0]
    assert browser.wait_until(SHOWN_JS)
    browser.evaluate("window.__kept = 'the same page'; window.scrollTo(0, 120); true")
    pages, scrolled = browser.evaluate(PAGES_JS), browser.evaluate("window.scrollY")
    loads: list[str] = []
    browser.page.loadStarted.connect(lambda: loads.append("started"))
    browser.page.loadFinished.connect(lambda _ok: loads.append("finished"))

    set_button_text(panel.store, "Ask us anything")
    panel.refresh()

    assert browser.wait_until(shows_text("Ask us anything"))
    assert loads == []  # no navigation: the page took the manifest in place
    assert browser.evaluate("window.__kept") == "the same page"
    assert browser.evaluate(PAGES_JS) == pages  # the visit did not count another page view
    assert browser.evaluate("window.scrollY") == scrolled
    assert not browser.evaluate(shows_text("Message us"))  # the old text is gone


def test_an_open_conversation_stays_open_through_an_edit(panel):
    browser = panel.browsers[0]
    assert browser.wait_until(SHOWN_JS)
    browser.evaluate(  # the sticky "Message us" button
        "document.querySelector('ed-engagement[data-engagement=\"1\"]')"
        ".shadowRoot.querySelector('button').click(); true"
    )
    dialog = "document.querySelector('ed-window') && document.querySelector('ed-window')"
    assert browser.wait_until(f"!!({dialog}.shadowRoot.querySelector('.ed-bubble'))")

    set_button_text(panel.store, "Talk to us")
    panel.refresh()

    assert browser.wait_until(shows_text("Talk to us"))
    assert browser.evaluate(f"!!({dialog}.shadowRoot.querySelector('.ed-window'))")
