"""The Forecast window: opened from the Campaign menu, run, plotted, exported, cancelled."""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from designer.models.campaign import Campaign
from designer.models.forecast_store import load_model, save_model
from tests.gui.app_driver import answering
from tests.gui.test_forecast_engine import make_store

SHOTS = Path(os.environ.get("FORECAST_SHOTS", "")) if os.environ.get("FORECAST_SHOTS") else None


def _store_with_contest(path: Path) -> None:
    store = make_store(
        path,
        [
            {
                "name": "Sale",
                "priority": "high",
                "control": 10,
                "hours": [(8, 22)],
                "engagements": [("Sale button", "sales-sticky"), ("Toaster", "checkout-toaster")],
            },
            {
                "name": "Care",
                "priority": "medium",
                "engagements": [("Care button", "sales-sticky")],
            },
        ],
    )
    with store.edit() as s:
        s.query(Campaign).filter_by(name="Sale").one().status = "published"
    model = load_model(store)
    model["visits_per_day"] = 300
    save_model(store, model)
    store.close()


def _open(main_window, tmp_path: Path):
    path = tmp_path / "f.sqlite"
    _store_with_contest(path)
    w = main_window(path, seed=False)
    w.actions_by_name["forecast"].trigger()
    page = w.forecast_window
    assert page.isVisible()
    page.start.setDate(QDate(2031, 3, 3))
    return w, page


def test_a_forecast_is_run_plotted_and_exported(main_window, qtbot, tmp_path: Path) -> None:
    w, page = _open(main_window, tmp_path)
    assert page.progress.text() == "Not run yet"
    before = page.reach_box.itemAt(0).widget()  # not an empty chart: what running shows
    assert isinstance(before, QLabel) and before.text().startswith("Run the forecast to see")
    # no comparison yet: the tab says how to get one, not an empty table
    assert page.compare_table.isHidden()
    assert "tick “Beside the published version”" in page.compare_hint.text()
    page.compare.setChecked(True)
    page.run_button.click()
    assert not page.run_button.isEnabled() and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.run_button.isEnabled(), timeout=180_000)
    assert page.progress.text() == "100 %"  # both runs, the published and the draft
    assert [title for title, _ in page.runs] == ["Published", "Draft"]
    draft = page.runs[-1][1]
    assert draft.visitors == 7 * 300 and draft.period.start == date(2031, 3, 3)
    assert page.progress.value() == page.progress.maximum()
    names = [
        page.engagement_table.item(r, 0).text() for r in range(page.engagement_table.rowCount())
    ]
    assert names == ["Sale button", "Toaster", "Care button"]
    assert page.reach_box.itemAt(0).widget().chart().series()[0].count() == 2  # published, draft
    assert isinstance(page.zone_box.itemAt(0).widget(), QChartView)
    contest = {page.contests_table.item(r, 1).text() for r in range(page.contests_table.rowCount())}
    assert contest == {"Sale button", "Care button"}
    reasons = [page.reasons_table.item(r, 4).text() for r in range(page.reasons_table.rowCount())]
    assert "A toaster is not shown on phones: it is not accessible on mobile web." in reasons
    said = [label.text() for label in page.findChildren(QLabel)]
    assert any(t.startswith("Each row counts the visitors the tag gave one reason") for t in said)
    assert any(t.startswith("Impressions by weekday and hour") for t in said)
    assert page.compare_table.rowCount() == 3  # the care button is only in the draft
    care = next(r for r in range(3) if page.compare_table.item(r, 0).text() == "Care button")
    row = [page.compare_table.item(care, c).text() for c in range(8)]
    assert row[2] == "" and row[5] == "" and row[7] == "only in the draft"  # blank, not words
    assert not page.compare_table.isHidden()
    assert page.compare_hint.text().startswith("Each engagement's reach and impressions")
    page.heat_choice.setCurrentIndex(1)  # the Sale button: its campaign is open 08:00-22:00
    hours = [page.heat.item(0, h).text() for h in range(24)]
    assert all(not hours[h] for h in range(8)) and hours[12]
    page.tabs.setCurrentIndex(0)
    page.resize(1180, 760)  # the window on a 1280 x 800 screen: every column of Reach in view
    qtbot.waitUntil(lambda: page.engagement_table.viewport().width() > 900)
    assert page.engagement_table.horizontalScrollBar().maximum() == 0
    heads = [page.engagement_table.horizontalHeaderItem(c).text() for c in range(10)]
    assert heads[6] == "Impressions per\nvisitor reached"  # long titles on two lines
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.resize(1280, 800)
        for n in range(page.tabs.count()):
            page.tabs.setCurrentIndex(n)
            qtbot.wait(50)
            page.grab().save(str(SHOTS / f"forecast-{n}.png"))
    written = page.export_csv(tmp_path)
    assert (tmp_path / "forecast-engagements.csv") in written
    assert (tmp_path / "published-forecast-engagements.csv") in written
    compared = tmp_path / "forecast-published-and-draft.csv"
    assert compared.read_bytes().startswith(b"\xef\xbb\xbf")  # a spreadsheet reads UTF-8
    with compared.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "Engagement" and {r[0] for r in rows[1:]} == set(names)
    page.close()


def test_cancel_stops_the_forecast(main_window, qtbot, tmp_path: Path) -> None:
    w, page = _open(main_window, tmp_path)
    page.visitors.setValue(500_000)
    page.run_button.click()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=120_000)
    page.cancel_button.click()
    assert page.run_button.isEnabled() and not page.cancel_button.isEnabled()
    assert page.status.text() == "The forecast was cancelled."
    assert page.runs == [] and not page.export_button.isEnabled()
    page.close()


def test_a_cancelled_forecast_leaves_the_last_whole_one_shown(
    main_window, qtbot, tmp_path: Path
) -> None:
    w, page = _open(main_window, tmp_path)
    page.run_button.click()
    qtbot.waitUntil(lambda: page.run_button.isEnabled(), timeout=180_000)
    first = page.runs
    shown = page.daily_table.item(0, 1).text()
    page.visitors.setValue(500_000)
    page.run_button.click()
    qtbot.waitUntil(lambda: page.progress.value() > 0, timeout=120_000)
    assert page.runs is first and page.daily_table.item(0, 1).text() == shown  # while it runs
    page.cancel_button.click()
    assert page.status.text().startswith("The forecast was cancelled. The results below are")
    assert page.runs is first and page.export_button.isEnabled()
    assert page.daily_table.item(0, 1).text() == shown
    assert (tmp_path / "forecast-engagements.csv") in page.export_csv(tmp_path)
    page.close()


def test_the_visitor_model_is_edited_and_checked(main_window, qtbot, tmp_path: Path) -> None:
    from designer.views.forecast.forecast_model_editor import ForecastModelDialog

    w, page = _open(main_window, tmp_path)
    dialog = ForecastModelDialog(w.store, page)
    dialog.percents["decline"].setValue(75)
    dialog._on_save()
    assert load_model(w.store)["decline"] == 75
    dialog = ForecastModelDialog(w.store, page)
    assert dialog.percents["decline"].value() == 75
    dialog.show()
    assert dialog.minimumSizeHint().width() < 1260  # it fits a 1280 x 800 screen, with its frame
    origin = dialog.origin
    assert origin.width() > origin.fontMetrics().horizontalAdvance(origin.text())  # shown whole
    dialog.grab().save(str(tmp_path / "model.png"))
    dialog.pages.item(0, 8).setText("/nowhere: 10")
    before = load_model(w.store)
    with answering("OK") as dialogs:
        dialog._on_save()
    assert "/ leads to /nowhere, which is not one of the pages." in dialogs.seen[0]
    assert load_model(w.store) == before  # nothing saved
    dialog.pages.item(0, 2).setText("lots")  # the Entry share column, named as it is shown
    with answering("OK") as dialogs:
        dialog._on_save()
    assert dialogs.seen[0].startswith("The entry share of / must be a number; it is “lots”.")
    assert load_model(w.store) == before
    dialog.close()
    page.close()


def test_escape_closes_the_forecast_window(main_window, qtbot, tmp_path: Path) -> None:
    w, page = _open(main_window, tmp_path)
    page.activateWindow()
    qtbot.keyClick(page.tabs, Qt.Key.Key_Escape)
    assert not page.isVisible() and w.isVisible()
