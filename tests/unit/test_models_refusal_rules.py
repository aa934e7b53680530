"""The rules the views refuse with: ISO 4217 currencies, a time frame's order, a new
campaign's time zone."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from designer.models import Campaign
from designer.models.account import AccountSettings
from designer.models.currencies import currencies, currency_code, currency_label, currency_problem
from designer.models.schedule import time_frame_problem
from designer.models.store import Store


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("GBP", "GBP"),
        (" eur ", "EUR"),
        ("JPY — Yen", "JPY"),
        ("swiss franc", "CHF"),
        ("XYZ", None),
        ("GBPX", None),
        ("HRK", None),  # the kuna went when Croatia took the euro
        ("", None),
    ],
)
def test_what_a_designer_types_names_an_active_currency_or_none(typed, code):
    assert currency_code(typed) == code


def test_the_list_holds_the_active_codes_with_their_names():
    codes = currencies()
    assert list(codes) == sorted(codes)
    assert all(len(c) == 3 and c.isalpha() and c.isupper() for c in codes)
    assert {"USD", "EUR", "GBP", "JPY", "INR", "XOF", "ZWG"} <= set(codes)
    assert currency_label("GBP") == "GBP — Pound Sterling"


def test_a_refusal_says_what_to_do():
    assert currency_problem("eur") is None
    assert currency_problem("XYZ") == (
        "“XYZ” is not an ISO 4217 currency code; choose one from the list, like GBP or EUR."
    )
    assert currency_problem(" ") == "Choose the account's currency from the list, like GBP or EUR."


def test_an_end_at_or_before_the_start_is_a_problem():
    start = datetime(2027, 3, 10, 9, 0)
    assert time_frame_problem(start, datetime(2027, 3, 10, 9, 0)) is not None
    assert time_frame_problem(start, datetime(2027, 3, 1)) == (
        "The time frame ends before it starts; move the end after the start."
    )
    assert time_frame_problem(start, datetime(2027, 3, 11)) is None
    assert time_frame_problem(None, datetime(2027, 3, 1)) is None


def test_a_new_campaign_takes_the_accounts_time_zone_unless_given_one(empty_store: Store):
    with empty_store.edit() as s:
        s.scalars(select(AccountSettings)).first().time_zone = "Asia/Tokyo"
        s.add_all([Campaign(name="Spring"), Campaign(name="Fixed", time_zone="Europe/Paris")])
    with empty_store.read() as s:
        zones = dict(s.execute(select(Campaign.name, Campaign.time_zone)).all())
    assert zones == {"Spring": "Asia/Tokyo", "Fixed": "Europe/Paris"}
