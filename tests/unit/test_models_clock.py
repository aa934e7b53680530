"""The app's one clock: what the store records and the sample's dates follow it when pinned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from designer.models import clock
from designer.models.campaign import Campaign
from designer.models.store import Store
from tests.moments import MONDAY_10


def test_a_pinned_clock_runs_on_and_gives_back_the_one_before(tmp_path) -> None:
    moment = datetime(2029, 3, 14, 15, 9, tzinfo=UTC)
    with clock.pinned(moment):
        store = Store.open(tmp_path / "s.sqlite")
        with store.edit() as s:
            s.scalars(select(Campaign)).first().description = "edited a little later"
        assert moment <= clock.now() < moment + timedelta(minutes=5)
    try:
        with store.read() as s:
            sale = s.scalars(select(Campaign).filter_by(name="Winter sale")).one()
            made = moment.replace(tzinfo=None)
            assert made <= sale.created_at <= sale.updated_at < made + timedelta(minutes=5)
            assert sale.starts_at == datetime(2029, 3, 7)  # a week before, in London
    finally:
        store.close()
    # the session's pin (tests/conftest.py) is back
    assert MONDAY_10 <= clock.now() < moment
