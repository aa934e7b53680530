"""Date fields that start at "today" read the app's one clock (designer/models/clock.py),
as everything else does: under the suite's pinned clock they start on Monday 23 November
2026 whatever the real date, and a designer's machine shows its own day."""

from __future__ import annotations

from datetime import date

from designer.bundle.forecast_plan import plan
from designer.views.forms.record_list import Column, RecordList


def test_a_new_entry_starts_on_the_apps_today(qtbot):
    occasions = RecordList("Special occasions", [Column("date", "Date", "date")])
    qtbot.addWidget(occasions)
    assert occasions.inputs["date"].date().toPython() == date(2026, 11, 23)


def test_a_forecast_starts_on_the_apps_today_in_the_accounts_zone(store):
    forecast = plan(store, days=7, total=10)
    assert forecast.period.start == date(2026, 11, 23)
