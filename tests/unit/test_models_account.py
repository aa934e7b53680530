"""Account settings: the reference's defaults, skills and the shift scheduler."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from designer.models import AccountSettings, Holiday, Skill, WorkingShift
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.models.vocabulary import CROSS_SESSION_DAYS, DISPLAYS_PER_VISIT, AttributionModel


def test_new_store_account_has_the_reference_defaults(empty_store: Store) -> None:
    with empty_store.read() as s:
        account = empty_store.account(s)
        assert account.idle_time_days == 30
        assert account.attribution_model == AttributionModel.LAST
        assert account.control_group_percent == 5
        # Proactive displays per visit: unlimited, set apart for each kind.
        assert account.conversation_displays_per_visit is None
        assert account.content_displays_per_visit is None
        # Invite after decline: content yes, conversation no.
        assert account.content_invite_after_decline is True
        assert account.conversation_invite_after_decline is False
        assert account.cross_session_days in CROSS_SESSION_DAYS
        assert (account.currency, account.time_zone) == ("USD", "UTC")


def test_choices_of_the_reference() -> None:
    assert CROSS_SESSION_DAYS == (0, 1, 7, 14, 31)
    assert DISPLAYS_PER_VISIT == (1, 2, 3, None)
    assert [m.value for m in AttributionModel] == ["first", "last", "split"]


def test_displays_per_visit_are_set_per_kind(empty_store: Store) -> None:
    with empty_store.edit() as s:
        account = empty_store.account(s)
        account.conversation_displays_per_visit = 1
        account.content_displays_per_visit = 3
    with empty_store.read() as s:
        account = empty_store.account(s)
        assert (account.conversation_displays_per_visit, account.content_displays_per_visit) == (
            1,
            3,
        )


@pytest.mark.parametrize(
    ("field", "value", "sentence"),
    [
        ("control_group_percent", 26, "The control group must be between 0% and 25% of visitors."),
        ("cross_session_days", 5, "The cross-session period must be 0, 1, 7, 14 or 31 days."),
    ],
)
def test_the_store_refuses_account_values_outside_the_reference(
    empty_store: Store, field: str, value: int, sentence: str
) -> None:
    with pytest.raises(StoreError) as caught, empty_store.edit() as s:
        setattr(empty_store.account(s), field, value)
    assert str(caught.value) == f"{sentence} Nothing was changed."
    with empty_store.read() as s:
        assert getattr(empty_store.account(s), field) != value


def test_skills_with_several_shifts_a_day_and_holidays(empty_store: Store) -> None:
    with empty_store.edit() as s:
        billing = Skill(name="Billing")
        billing.shifts = [
            WorkingShift(weekday=0, start_minute=8 * 60, end_minute=12 * 60),
            WorkingShift(weekday=0, start_minute=13 * 60, end_minute=17 * 60),
        ]
        s.add(billing)
        s.flush()
        s.add(Holiday(day=date(2026, 12, 25), name="Christmas Day"))  # closed for every skill
        s.add(Holiday(day=date(2026, 12, 26), name="Stocktake", skill_id=billing.id))
    with empty_store.read() as s:
        billing = s.scalars(select(Skill).filter_by(name="Billing")).one()
        assert [(x.start_minute, x.end_minute) for x in billing.shifts] == [(480, 720), (780, 1020)]
        assert repr(billing) == "Skill('Billing')"
        holidays = s.scalars(select(Holiday).order_by(Holiday.day)).all()
        assert [(h.day, h.name, h.skill_id) for h in holidays] == [
            (date(2026, 12, 25), "Christmas Day", None),
            (date(2026, 12, 26), "Stocktake", billing.id),
        ]


def test_deleting_a_skill_deletes_its_shifts(empty_store: Store) -> None:
    with empty_store.edit() as s:
        s.add(
            Skill(name="Sales", shifts=[WorkingShift(weekday=5, start_minute=600, end_minute=960)])
        )
    with empty_store.edit() as s:
        s.delete(s.scalars(select(Skill)).one())
    with empty_store.read() as s:
        assert s.scalars(select(WorkingShift)).all() == []


def test_a_shift_on_an_eighth_weekday_is_refused(empty_store: Store) -> None:
    sentence = "A shift's day must be Monday to Sunday."
    with pytest.raises(StoreError, match=sentence), empty_store.edit() as s:
        s.add(WorkingShift(weekday=7, start_minute=0, end_minute=60))


def test_account_settings_row_is_one_for_the_whole_store(store: Store) -> None:
    with store.read() as s:
        assert len(s.scalars(select(AccountSettings)).all()) == 1
