"""A preview panel on the sample store, its visitor simulated as the preview tests need."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent

from designer.models.engagement import Engagement
from designer.models.store import Store


@contextmanager
def sample_panel(store: Store, moment: datetime, width: int = 1400) -> Iterator:
    """A shown PreviewPanel: a visitor outside the control groups, with agents online, at
    moment (the visitor's clock, in the sample's London time, GMT in winter)."""
    from designer.preview.panel import PreviewPanel

    p = PreviewPanel(store)
    p.resize(width, 900)
    p.show()
    sim = p.simulator
    sim.control_group.setCurrentIndex(sim.control_group.findData("out"))
    sim.agent_state.setCurrentIndex(sim.agent_state.findData("online"))
    sim.clock.setDateTime(QDateTime(moment.replace(tzinfo=None)))
    sim.set_clock.setChecked(True)
    try:
        yield p
    finally:
        p.close()
        p.deleteLater()
        # The panel's pages go before its web profile, now rather than at exit.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def set_button_text(store: Store, text: str) -> None:
    """The sample's "Message us button" says text (online), saved as a studio edit saves it."""
    with store.edit() as s:
        e = s.query(Engagement).filter_by(name="Message us button").one()
        designs = e.state_designs()
        for element in designs.online.elements:
            if element.kind == "text":
                element.props["text"] = text
        e.set_state_designs(designs)
