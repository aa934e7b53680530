"""Two studio clients on one team store: moves of different elements are merged, none lost."""

from __future__ import annotations

import pytest

from designer.models import Engagement
from designer.models.design import StateDesigns
from designer.models.design_document import DesignDocument
from designer.models.store import Store
from designer.models.vocabulary import AgentState
from designer.views.editing.edit_session import EditSession
from designer.views.studio.studio_commands import SetElementProps
from tests.store.two_designers import other_designer, start_other_designer

ENGAGEMENT = "Checkout rescue"  # a sample overlay with a text, a button and a close element


@pytest.fixture
def studio(qapp, pg_server, pg_database: str):
    """Ann's studio on the engagement: its session, design document and the store's URL."""
    url = pg_server.url(pg_database)
    store = Store.open(url)
    store.tracker.user = "Ann"
    session = EditSession(store)
    with store.read() as s:
        row = s.query(Engagement).filter_by(name=ENGAGEMENT).one()
        engagement_id, designs = row.id, StateDesigns.from_dict(row.designs)
    yield session, DesignDocument(designs), engagement_id, url
    store.close()


def _stored(store: Store, engagement_id: int) -> dict[str, tuple[int, int]]:
    with store.read() as s:
        designs = StateDesigns.from_dict(s.get(Engagement, engagement_id).designs)
    return {e.id: (e.props["x"], e.props["y"]) for e in designs.online.elements}


def _move(session: EditSession, doc, engagement_id: int, element: str, x: int, y: int) -> bool:
    values = {element: {"x": x, "y": y}}
    return session.push(SetElementProps(doc, engagement_id, AgentState.ONLINE, values))


def test_a_move_on_an_old_view_of_the_design_keeps_the_other_designers_move(studio) -> None:
    session, doc, engagement_id, url = studio
    other_designer(url, "move", engagement_id, "online", "button1", 33, 244)
    assert _move(session, doc, engagement_id, "text1", 11, 22)
    assert _stored(session.store, engagement_id) == {
        "text1": (11, 22), "button1": (33, 244), "close1": (408, 4),
    }  # fmt: skip
    on_screen = {e.id: (e.props["x"], e.props["y"]) for e in doc.designs.online.elements}
    assert on_screen == _stored(session.store, engagement_id)


def test_two_studios_moving_different_elements_at_once_both_keep_every_move(studio) -> None:
    session, doc, engagement_id, url = studio
    bea = start_other_designer(url, "move-many", engagement_id, "online", "button1", 100, 200, 40)
    for n in range(40):
        assert _move(session, doc, engagement_id, "text1", 10 + n, 20)
    _, errors = bea.communicate(timeout=120)
    assert bea.returncode == 0, errors
    stored = _stored(session.store, engagement_id)
    assert stored["text1"] == (49, 20)  # Ann's last move
    assert stored["button1"] == (139, 200)  # Bea's last move
    assert stored["close1"] == (408, 4)


def test_undoing_a_move_of_an_element_another_designer_moved_since_is_refused(studio) -> None:
    session, doc, engagement_id, url = studio
    assert _move(session, doc, engagement_id, "text1", 11, 22)
    other_designer(url, "move", engagement_id, "online", "text1", 55, 66)
    failed: list[str] = []
    session.failed.connect(failed.append)
    session.undo_stack.undo()
    assert failed == [
        "This engagement was just changed by Bea on another computer; "
        "it now shows that change — make yours again."
    ]
    assert _stored(session.store, engagement_id)["text1"] == (55, 66)
    assert doc.designs.online.element("text1").props["x"] == 55  # the studio shows Bea's move


def test_undoing_a_move_after_another_designer_moved_another_element_keeps_both(studio) -> None:
    session, doc, engagement_id, url = studio
    assert _move(session, doc, engagement_id, "text1", 11, 22)
    other_designer(url, "move", engagement_id, "online", "close1", 300, 8)
    session.undo_stack.undo()
    assert _stored(session.store, engagement_id) == {
        "text1": (16, 16), "button1": (16, 249), "close1": (300, 8),
    }  # fmt: skip
