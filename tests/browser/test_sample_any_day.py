"""A sample made on any day shows that day, in a browser whose own clock says so.

No preview clock here: Playwright sets the page's clock (Date) to the day the sample
was made, as a visitor's browser would read it, and the exported tag decides on it.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest

from designer.bundle.export import export
from designer.models import clock
from designer.models.store import Store
from tests.browser.conftest import DESKTOP
from tests.browser.pages import set_preview, wait_for_tag

MADE = [
    datetime(2028, 11, 27, 10, 0, tzinfo=UTC),  # two years on, a Monday morning (GMT)
    datetime(2031, 7, 4, 8, 30, tzinfo=UTC),  # summer: 09:30 in London (BST)
]


def _publish(site, store: Store, name: str) -> str:
    folder = site.root / name
    export(store, None, folder)
    install = (folder / "install.html").read_text("utf-8")
    snippet = html.unescape(re.search(r"<pre><code>(.*?)</code></pre>", install, re.S).group(1))
    snippet = snippet.replace('src="', f'src="/{name}/', 1)
    return site.write(
        f"{name}/page.html",
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Shop</title>{snippet}"
        '</head><body><h1>Shop</h1><div id="promo-slot"></div></body></html>',
    )


def _message_button(chromium, url: str, at: datetime) -> dict:
    context = chromium.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(at)  # the visitor's own clock
        page.goto(url)
        wait_for_tag(page)
        set_preview(page, control_group="out")  # outside the control groups; no clock given
        return page.evaluate("EngagementTag.decisions().find(d => d.name === 'Message us button')")
    finally:
        context.close()


@pytest.mark.parametrize("made_at", MADE, ids=lambda d: d.date().isoformat())
def test_a_sample_made_on_any_day_shows_on_that_day(made_at, site, chromium, tmp_path) -> None:
    with clock.pinned(made_at):
        store = Store.open(tmp_path / "sample.sqlite")
    try:
        url = _publish(site, store, f"sample-{made_at.year}")
    finally:
        store.close()
    shown = _message_button(chromium, url, made_at)
    assert shown["shows"], shown["reason"]
    # ...and not past its time frame: it ends two months after the day it was made.
    later = _message_button(chromium, url, made_at + timedelta(days=62))
    assert not later["shows"] and "ended" in later["reason"], later["reason"]
