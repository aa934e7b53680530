"""Starting from the sample is one edit: undo empties the store again, redo brings it back."""

from __future__ import annotations

from sqlalchemy import func, select

from designer.models.account import account_row
from designer.models.campaign import Campaign
from designer.models.libraries import EntryPoint
from designer.views.editing.commands import StartFromSample
from designer.views.editing.edit_session import EditSession


def _counts(store) -> tuple[int, int, str]:
    with store.read() as s:
        campaigns = s.scalar(select(func.count(Campaign.id)))
        entry_points = s.scalar(select(func.count(EntryPoint.id)))
        return campaigns, entry_points, account_row(s).account_name


def test_the_sample_goes_in_as_one_edit_and_comes_out_with_undo(qapp, empty_store) -> None:
    session = EditSession(empty_store)
    before = _counts(empty_store)
    assert before[0] == 0
    assert session.push(StartFromSample())
    with_sample = _counts(empty_store)
    assert with_sample[0] > 0 and with_sample[1] > 0
    assert with_sample[2] == "Northwind Outfitters"
    session.undo_stack.undo()
    assert _counts(empty_store) == before  # the account's name is back too
    session.undo_stack.redo()
    assert _counts(empty_store) == with_sample
    failed: list[str] = []
    session.failed.connect(failed.append)
    assert not session.push(StartFromSample())  # the store has campaigns now
    assert failed == ["The store has campaigns now; the sample is for an empty store."]
