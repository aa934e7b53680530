"""The visitor simulator changes the runtime's decisions, shown live in the decision panel."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime

from designer.models.campaign import Campaign
from designer.models.store import Store
from designer.preview.served_files import sample_page
from designer.preview.shots import moment_in_time_frame
from tests.gui.preview_driver import sample_panel

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def panel(qapp, tmp_path_factory):
    store = Store.open(tmp_path_factory.mktemp("simulator") / "sample.sqlite")
    with store.read() as s:
        moment = moment_in_time_frame(s.query(Campaign).filter_by(name="Winter sale").one())
    # A visitor outside the control groups, with agents online, inside the time frame.
    with sample_panel(store, moment, width=1500) as p:
        yield p
    store.close()


def _line(panel, name: str) -> str:
    return next((line for line in panel.decisions.lines() if f" {name}:" in line), "")


def _page(qtbot, panel, key: str) -> None:
    panel.page_box.setCurrentIndex(panel.page_box.findData(key))
    path = sample_page(key).path
    qtbot.waitUntil(lambda: all(b.url().endswith(path) for b in panel.browsers))
    assert all(b.wait_until(f"location.pathname === '{path}'") for b in panel.browsers)


def _wait_for(qtbot, panel, name: str, start: str, words: str = "") -> None:
    def shown() -> bool:
        panel._on_poll()
        line = _line(panel, name)
        return line.startswith(start) and words in line

    qtbot.waitUntil(shown, timeout=15000)


def test_time_on_page_fast_forward_shows_the_checkout_rescue(qtbot, panel):
    _page(qtbot, panel, "checkout")
    panel.simulator.time_on_page.setValue(0)
    _wait_for(qtbot, panel, "Checkout rescue", "✗", "30")
    panel.simulator.time_on_page.setValue(40)
    _wait_for(qtbot, panel, "Checkout rescue", "✓")
    panel.simulator.time_on_page.setValue(-1)


def test_cart_value_decides_the_cart_toaster(qtbot, panel):
    _page(qtbot, panel, "cart")
    panel.simulator.exit_intent.setChecked(True)
    panel.simulator.cart_value.setValue(20)
    _wait_for(qtbot, panel, "Cart toaster", "✗", "cart")
    panel.simulator.cart_value.setValue(120)
    _wait_for(qtbot, panel, "Cart toaster", "✓")
    panel.simulator.exit_intent.setChecked(False)


def test_control_group_hides_every_engagement_of_the_campaign(qtbot, panel):
    _page(qtbot, panel, "home")
    _wait_for(qtbot, panel, "Message us button", "✓")
    sim = panel.simulator
    sim.control_group.setCurrentIndex(sim.control_group.findData("in"))
    _wait_for(qtbot, panel, "Message us button", "✗", "control group")
    sim.control_group.setCurrentIndex(sim.control_group.findData("out"))
    _wait_for(qtbot, panel, "Message us button", "✓")


def test_agent_state_offline_switches_the_button_to_its_offline_design(qtbot, panel):
    _page(qtbot, panel, "home")
    sim = panel.simulator
    sim.agent_state.setCurrentIndex(sim.agent_state.findData("offline"))
    _wait_for(qtbot, panel, "Message us button", "✓", "agents offline design")
    sim.agent_state.setCurrentIndex(sim.agent_state.findData("online"))
    _wait_for(qtbot, panel, "Message us button", "✓", "agents online design")


def test_the_clock_outside_the_time_frame_hides_the_campaign(qtbot, panel):
    _page(qtbot, panel, "home")
    sim = panel.simulator
    before = sim.clock.dateTime()
    sim.clock.setDateTime(QDateTime(datetime(2026, 12, 25, 12, 0)))  # Christmas Day: closed
    _wait_for(qtbot, panel, "Message us button", "✗", "Christmas")
    sim.clock.setDateTime(QDateTime(datetime(2027, 3, 1, 12, 0)))  # after the campaign ends
    _wait_for(qtbot, panel, "Message us button", "✗")
    sim.clock.setDateTime(before)
    _wait_for(qtbot, panel, "Message us button", "✓")


def test_clicking_an_engagement_opens_the_window_and_the_demo_agent_greets(qtbot, panel):
    _page(qtbot, panel, "home")
    _wait_for(qtbot, panel, "Message us button", "✓")
    browser = panel.browsers[0]
    browser.run_js(
        "(function () { var d = EngagementTag.decisions().filter(function (x) {"
        " return x.name === 'Message us button'; })[0];"
        " var r = document.querySelector('[data-engagement=\"' + d.id + '\"]').shadowRoot.firstChild;"
        " (r.tagName === 'BUTTON' ? r : r.querySelector('button.ed-button')).click(); })()"
    )
    assert browser.wait_until(
        "!!document.querySelector('ed-window') &&"
        " document.querySelector('ed-window').shadowRoot.textContent"
        ".indexOf('Thanks for reaching out') >= 0"
    )


def test_an_edit_shows_in_the_open_preview_after_refresh(qtbot, panel):
    from designer.models.engagement import Engagement

    _page(qtbot, panel, "home")
    _wait_for(qtbot, panel, "Message us button", "✓")
    with panel.store.edit() as s:
        e = s.query(Engagement).filter_by(name="Message us button").one()
        designs = e.state_designs()
        for element in designs.online.elements:
            if element.kind == "text":
                element.props["text"] = "Questions? Ask us"
        e.set_state_designs(designs)
    panel.refresh()
    assert panel.browsers[0].wait_until(  # engagements are drawn in shadow roots of their own
        "Array.prototype.some.call(document.querySelectorAll('ed-engagement'), function (h) {"
        " return h.shadowRoot.textContent.indexOf('Questions? Ask us') >= 0; })"
    )


def test_show_engagement_opens_a_page_its_entry_point_lets_in(qtbot, panel):
    from designer.models.engagement import Engagement

    with panel.store.read() as s:
        rescue = s.query(Engagement).filter_by(name="Checkout rescue").one().id
    panel.show_engagement(rescue)
    assert panel.page_box.currentData() == "checkout"
    qtbot.waitUntil(lambda: panel.browsers[0].url().endswith("/checkout"))


def test_side_by_side_shows_the_decisions_of_the_chosen_viewport(qtbot, panel):
    panel.layout_box.setCurrentIndex(panel.layout_box.findData("side-by-side"))
    _page(qtbot, panel, "cart")
    sim = panel.simulator
    sim.exit_intent.setChecked(True)
    sim.cart_value.setValue(120)
    chooser = panel.decisions.viewport
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "Phone 375×667",
        "Desktop 1366×768",
    ]
    chooser.setCurrentIndex(0)
    _wait_for(qtbot, panel, "Cart toaster", "✗", "phone")
    chooser.setCurrentIndex(1)
    _wait_for(qtbot, panel, "Cart toaster", "✓")
    sim.exit_intent.setChecked(False)
    panel.layout_box.setCurrentIndex(panel.layout_box.findData("desktop"))
