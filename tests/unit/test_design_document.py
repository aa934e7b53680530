"""The design document alone, without Qt: operations, what they report, and undo data."""

from __future__ import annotations

import pytest

from designer.models.design import Element
from designer.models.design_document import DesignDocument
from designer.models.gallery import template
from designer.models.vocabulary import AgentState, StateDisplay


@pytest.fixture
def doc() -> DesignDocument:
    return DesignDocument(template("checkout-overlay").state_designs())


@pytest.fixture
def heard(doc: DesignDocument) -> list[tuple]:
    log: list[tuple] = []
    doc.element_added.connect(lambda s, i, e: log.append(("added", s, i, e.id)))
    doc.element_removed.connect(lambda s, e: log.append(("removed", s, e.id)))
    doc.element_changed.connect(lambda s, e, names: log.append(("changed", s, e.id, names)))
    doc.design_changed.connect(lambda s: log.append(("design", s)))
    doc.state_changed.connect(lambda s: log.append(("state", s)))
    return log


def test_insert_and_remove_report_and_can_be_put_back(doc, heard):
    shape = Element.new("shape1", "shape", x=4, y=4)
    doc.insert_element(AgentState.ONLINE, 0, shape)
    assert doc.design.elements[0] is shape
    index, removed = doc.remove_element(AgentState.ONLINE, "shape1")
    assert (index, removed) == (0, shape)
    assert heard == [
        ("added", AgentState.ONLINE, 0, "shape1"),
        ("removed", AgentState.ONLINE, "shape1"),
    ]


def test_an_element_id_is_never_taken_twice(doc):
    with pytest.raises(ValueError):
        doc.insert_element(AgentState.ONLINE, 0, Element.new("text1", "text"))


def test_update_element_coerces_by_declaration_and_returns_the_old_values(doc, heard):
    old = doc.update_element(AgentState.ONLINE, "text1", {"x": "40", "font_size": 500})
    text = doc.element(AgentState.ONLINE, "text1")
    assert old == {"x": 16, "font_size": 20}
    assert text.props["x"] == 40
    assert text.props["font_size"] == 16  # out of limits: the declared default
    assert heard == [("changed", AgentState.ONLINE, "text1", ["x", "font_size"])]


def test_an_update_that_changes_nothing_is_silent(doc, heard):
    doc.update_element(AgentState.ONLINE, "text1", {"x": 16})
    doc.update_design(AgentState.ONLINE, {"width": 440})
    assert heard == []


def test_unknown_property_is_refused(doc):
    with pytest.raises(KeyError):
        doc.update_element(AgentState.ONLINE, "close1", {"font_size": 12})


def test_reorder_needs_every_element_once(doc):
    old = doc.reorder(AgentState.ONLINE, ["close1", "text1", "button1"])
    assert old == ["text1", "button1", "close1"]
    assert [e.id for e in doc.design.elements] == ["close1", "text1", "button1"]
    with pytest.raises(ValueError):
        doc.reorder(AgentState.ONLINE, ["text1"])


def test_a_change_in_another_state_switches_to_it(doc, heard):
    doc.update_element(AgentState.OFFLINE, "text1", {"text": "Back at nine"})
    assert doc.state is AgentState.OFFLINE
    assert doc.design.element("text1").props["text"] == "Back at nine"
    assert doc.designs.online.element("text1").props["text"] != "Back at nine"
    assert heard[0] == ("state", AgentState.OFFLINE)


def test_busy_borrows_online_until_it_has_its_own(doc):
    doc.set_state(AgentState.BUSY)
    assert not doc.editable
    assert doc.design is doc.designs.online
    with pytest.raises(LookupError):
        doc.update_element(AgentState.BUSY, "text1", {"x": 1})
    old = doc.set_own_design(AgentState.BUSY, doc.designs.online.copy())
    assert old is None and doc.editable
    doc.update_element(AgentState.BUSY, "text1", {"x": 1})
    assert doc.designs.online.element("text1").props["x"] == 16


def test_hide_per_state_but_never_online(doc):
    assert doc.set_display(AgentState.BUSY, StateDisplay.HIDE) is StateDisplay.SHOW_DESIGN
    assert doc.designs.for_state(AgentState.BUSY) is None
    with pytest.raises(ValueError):
        doc.set_display(AgentState.ONLINE, StateDisplay.HIDE)


def test_snapshot_is_independent(doc):
    saved = doc.snapshot()
    doc.update_element(AgentState.ONLINE, "text1", {"x": 99})
    assert saved.online.element("text1").props["x"] == 16


def test_a_removed_listener_hears_nothing(doc):
    log: list = []

    def listener(*args):
        log.append(args)

    doc.design_changed.connect(listener)
    doc.design_changed.disconnect(listener)
    doc.update_design(AgentState.ONLINE, {"radius": 3})
    assert log == []
