"""Values PostgreSQL refuses are refused on every store, with a sentence, before the database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import Campaign, Engagement
from designer.models.errors import StoreError
from designer.models.store import Store


def _campaign(s) -> Campaign:  # noqa: ANN001 - a Session
    return s.scalars(select(Campaign).order_by(Campaign.id)).first()


def _state(store: Store) -> list[tuple]:
    with store.read() as s:
        return [
            (c.id, c.name, c.description, c.shifts)
            for c in s.scalars(select(Campaign).order_by(Campaign.id))
        ]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            lambda c: setattr(c, "name", "N" * 300),
            "campaign's name is 300 characters long; it can be at most 200",
        ),
        (
            lambda c: setattr(c, "name", "Spring\x00sale"),
            "campaign's name contains a NUL character",
        ),
        (
            lambda c: setattr(c, "description", "before\x00after"),
            "description contains a NUL character",
        ),
        (
            lambda c: setattr(c, "description", "half \ud800 a pair"),
            "description contains a broken character",
        ),
        (
            lambda c: setattr(c, "control_group_percent", 2**40),
            "control group percent is 1099511627776",
        ),
        (lambda c: setattr(c, "shifts", [{"day": "mon\x00"}]), "shifts contains a NUL character"),
        (
            lambda c: setattr(c, "control_group_percent", "10"),
            "percent is '10', which is not a whole",
        ),
        (
            lambda c: setattr(c, "goal_once_per_visit", 1),
            "goal once per visit is 1; it must be yes or no",
        ),
        (lambda c: setattr(c, "time_zone", 7), "time zone is 7, which is not text"),
        (
            lambda c: setattr(c, "special_occasions", [{"\x00": 1}]),
            "special occasions contains a NUL",
        ),
    ],
)
def test_a_value_postgresql_refuses_is_a_sentence_and_the_store_is_unchanged(
    any_store: Store, change, words: str
) -> None:
    before = _state(any_store)
    with pytest.raises(StoreError) as caught, any_store.edit() as s:
        change(_campaign(s))
    assert words in str(caught.value)
    assert str(caught.value).endswith("Change it and try again; nothing was saved.")
    assert _state(any_store) == before


def test_a_new_engagement_with_an_overlong_element_id_is_refused_by_name(any_store: Store) -> None:
    with pytest.raises(StoreError) as caught, any_store.edit() as s:
        campaign = _campaign(s)
        s.add(Engagement(campaign_id=campaign.id, name="Side door", element_id="x" * 101))
    assert str(caught.value).startswith(
        'The engagement "Side door"\'s element id is 101 characters long; it can be at most 100.'
    )
    with any_store.read() as s:
        assert s.scalar(select(Engagement.id).where(Engagement.name == "Side door")) is None


def test_values_at_the_limits_are_kept_alike_on_both_stores(any_store: Store) -> None:
    with any_store.edit() as s:
        c = _campaign(s)
        c.name = "é" * 200  # 200 characters, 400 bytes: a length is counted in characters
        c.description = "emoji 🎉 and tabs\tstay"
        c.shifts = [{"weekday": 0, "start": 0, "end": 1440, "note": "n" * 5000}]
        campaign_id = c.id
    with any_store.read() as s:
        c = s.get(Campaign, campaign_id)
        assert (c.name, c.description) == ("é" * 200, "emoji 🎉 and tabs\tstay")
        assert c.shifts[0]["note"] == "n" * 5000


@pytest.mark.parametrize(
    ("bad", "words"),
    # a NUL is refused by the bundle reader already, before any row is made
    [("N" * 300, "is 300 characters long; it can be at most 200"), ("Win\x00ter", "U+0000")],
)
def test_an_imported_bundle_with_a_value_postgresql_refuses_is_a_sentence(
    any_store: Store, tmp_path, bad: str, words: str
) -> None:
    from designer.bundle.build import bundle_files
    from designer.bundle.errors import BundleError
    from designer.bundle.files import zip_bytes
    from designer.bundle.importer import import_bundle
    from tests.unit.test_bundle_import import edited, rows

    files = edited(
        bundle_files(any_store, include_drafts=True), lambda m: m["campaigns"][0].update(name=bad)
    )
    (tmp_path / "b.zip").write_bytes(zip_bytes(files))
    before = rows(any_store)
    with pytest.raises((StoreError, BundleError)) as caught:
        import_bundle(any_store, tmp_path / "b.zip")
    assert words in str(caught.value)
    assert rows(any_store) == before
