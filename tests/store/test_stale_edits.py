"""Nobody loses an edit: an edit or undo based on an old version of a row is refused, by name."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import Campaign, EntryPoint
from designer.models.errors import StaleEdit
from designer.models.store import Store
from designer.views.editing.commands import delete_row
from designer.views.editing.edit_session import EditSession, SetFields
from tests.store.two_designers import other_designer

BEA_CHANGED = (
    "This campaign was just changed by Bea on another computer; "
    "it now shows that change — make yours again."
)


@pytest.fixture
def session(qapp, any_store: Store) -> EditSession:
    any_store.tracker.user = "Ann"
    return EditSession(any_store)


def _first(store: Store, model: type = Campaign):
    with store.read() as s:
        row = s.scalars(select(model).order_by(model.id)).first()
        return row.id, row.name


def _name(store: Store, model: type, row_id: int) -> str:
    with store.read() as s:
        return s.get(model, row_id).name


def _signals(session: EditSession) -> tuple[list, list]:
    failed, changed = [], []
    session.failed.connect(failed.append)
    session.changed.connect(lambda *a: changed.append(a))
    return failed, changed


def test_an_edit_of_a_row_another_designer_changed_is_refused_and_the_view_reloads(
    session: EditSession, store_target: str
) -> None:
    campaign_id, shown = _first(session.store)  # the form shows the campaign as read now
    other_designer(store_target, "rename", "campaigns", campaign_id, "Bea's name")
    failed, changed = _signals(session)
    command = SetFields(Campaign, campaign_id, "Rename", {"name": shown}, {"name": "Ann's name"})
    assert not session.push(command)
    assert failed == [BEA_CHANGED]
    assert ("campaign", campaign_id) in changed  # the views read the campaign again
    assert _name(session.store, Campaign, campaign_id) == "Bea's name"
    assert session.undo_stack.count() == 0
    # Having seen Bea's change, Ann's next edit goes through.
    again = SetFields(Campaign, campaign_id, "Rename", {"name": "Bea's name"}, {"name": "Ann's"})
    assert session.push(again)
    assert _name(session.store, Campaign, campaign_id) == "Ann's"


def test_undo_and_redo_never_wipe_a_later_change_by_another_designer(
    session: EditSession, store_target: str
) -> None:
    campaign_id, shown = _first(session.store)
    assert session.push(
        SetFields(Campaign, campaign_id, "Rename", {"name": shown}, {"name": "Ann's"})
    )
    other_designer(store_target, "rename", "campaigns", campaign_id, "Bea's name")
    failed, changed = _signals(session)
    session.undo_stack.undo()
    assert failed == [BEA_CHANGED]
    assert ("campaign", campaign_id) in changed
    assert _name(session.store, Campaign, campaign_id) == "Bea's name"
    assert not session.undo_stack.canUndo() and not session.undo_stack.canRedo()


def test_undo_of_ones_own_edit_still_works_when_nobody_else_changed_the_row(
    session: EditSession, store_target: str
) -> None:
    campaign_id, shown = _first(session.store)
    other_id, _ = _first(session.store, EntryPoint)
    assert session.push(
        SetFields(Campaign, campaign_id, "Rename", {"name": shown}, {"name": "Ann's"})
    )
    # Bea changes another row: Ann's undo is still hers to make.
    other_designer(store_target, "rename", "entry_points", other_id, "Bea's pages")
    session.undo_stack.undo()
    assert _name(session.store, Campaign, campaign_id) == shown
    session.undo_stack.redo()
    assert _name(session.store, Campaign, campaign_id) == "Ann's"


def test_deleting_a_row_another_designer_changed_meanwhile_is_refused_and_it_stays(
    session: EditSession, store_target: str
) -> None:
    entry_id, _ = _first(session.store, EntryPoint)
    with session.store.read() as s:
        command = delete_row(s, EntryPoint, entry_id, "Delete entry point")
    other_designer(store_target, "rename", "entry_points", entry_id, "Bea's pages")
    failed, _ = _signals(session)
    assert not session.push(command)
    assert failed == [
        "This entry point was just changed by Bea on another computer; "
        "it now shows that change — make yours again."
    ]
    assert _name(session.store, EntryPoint, entry_id) == "Bea's pages"


def test_a_change_committed_between_an_edits_read_and_write_is_refused_by_its_version(
    pg_server, pg_database: str
) -> None:
    url = pg_server.url(pg_database)
    ann, bea = Store.open(url), Store.open(url)
    bea.tracker.user = "Bea"
    campaign_id, _ = _first(ann)
    try:
        with pytest.raises(StaleEdit) as caught, ann.edit() as s:
            row = s.get(Campaign, campaign_id)
            with bea.edit() as other:
                other.get(Campaign, campaign_id).name = "Bea's name"
            row.name = "Ann's name"
        assert str(caught.value) == BEA_CHANGED
        assert _name(ann, Campaign, campaign_id) == "Bea's name"
    finally:
        ann.close()
        bea.close()
