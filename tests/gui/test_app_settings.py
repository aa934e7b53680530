"""Account settings, the campaign's special occasions, version history, and accessible names."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListView,
    QWidget,
)
from sqlalchemy import select

from designer.models.account import AccountSettings, Holiday, Skill, WorkingShift
from designer.models.campaign import Campaign
from tests.gui.app_driver import answering, click, pick, type_into


def test_account_settings_and_the_shift_scheduler_per_skill(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["go_account"].trigger()
    page = window.account_page
    page.bind.widget_for("idle_time_days").setValue(12)
    pick(page.bind.widget_for("cross_session_days"), 31)
    pick(page.bind.widget_for("conversation_displays_per_visit"), 2)
    page.bind.widget_for("conversation_invite_after_decline").click()
    zone = page.bind.widget_for("time_zone")
    assert zone.count() == 1  # only the chosen zone until the list is opened
    zone.showPopup()
    assert zone.count() > 300 and zone.currentData() == "Europe/London"
    zone.hidePopup()
    pick(zone, "America/New_York")
    pick(page.schedule_skill, page.schedule_skill.itemData(page.schedule_skill.findText("Sales")))
    assert page.shifts.list.count() == 6
    assert page.shifts.list.item(5).text() == "Saturday 10:00–16:00"
    page.shifts.day.setCurrentIndex(6)
    page.shifts.start.setTime(QTime(10, 0))
    page.shifts.end.setTime(QTime(14, 0))
    click(page.shifts.add)
    page.holidays.inputs["day"].setDate(QDate(2026, 12, 26))
    type_into(page.holidays.inputs["name"], "Boxing Day")
    click(page.holidays.add)
    with window.store.read() as s:
        account = s.scalar(select(AccountSettings))
        assert (account.idle_time_days, account.cross_session_days) == (12, 31)
        assert account.conversation_displays_per_visit == 2
        assert account.conversation_invite_after_decline is True
        assert account.time_zone == "America/New_York"
        sales = s.scalar(select(Skill).where(Skill.name == "Sales"))
        sunday = [(w.start_minute, w.end_minute) for w in sales.shifts if w.weekday == 6]
        assert sunday == [(600, 840)]
        holiday = s.scalar(select(Holiday))
        assert (holiday.day, holiday.name, holiday.skill_id) == (
            date(2026, 12, 26),
            "Boxing Day",
            sales.id,
        )
    window.actions_by_name["undo"].trigger()  # the holiday
    window.actions_by_name["undo"].trigger()  # the Sunday shift
    with window.store.read() as s:
        assert s.scalar(select(Holiday)) is None
        assert s.scalar(select(WorkingShift).where(WorkingShift.weekday == 6)) is None
    assert page.shifts.list.count() == 6


def test_special_occasions_and_comparing_two_published_versions(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = window.campaign_page
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
    window.tree.select("campaign", sale)
    assert page.occasions.table.item(0, 0).text() == "Christmas Day"
    type_into(page.occasions.inputs["name"], "Boxing Day sale")
    page.occasions.inputs["date"].setDate(QDate(2026, 12, 26))
    page.occasions.inputs["start"].setTime(QTime(6, 0))
    page.occasions.inputs["end"].setTime(QTime(23, 0))
    click(page.occasions.add)
    with answering("Publish"):
        assert window.publish(sale, str(tmp_path / "v1"))
    pick(page.bind.widget_for("priority"), "low")
    page.bind.widget_for("control_group_percent").setValue(20)
    with answering("Publish"):
        assert window.publish(sale, str(tmp_path / "v2"))
    with window.store.read() as s:
        occasions = s.get(Campaign, sale).special_occasions
    assert occasions[1] == {
        "name": "Boxing Day sale",
        "date": "2026-12-26",
        "closed": False,
        "start": 360,
        "end": 1380,
    }
    history = page.history
    assert [history.list.item(i).text()[:9] for i in range(2)] == ["Version 2", "Version 1"]
    text = history.compare_text(history.list.item(0).data(256), history.list.item(1).data(256))
    assert text.splitlines()[0] == "From version 1 to version 2:"
    assert text.splitlines()[1] == (
        "• The campaign: its priority changed from “high” to “low” "
        "and its control group changed from 10% to 20%."
    )
    history.list.item(0).setSelected(True)
    history.list.item(1).setSelected(True)
    assert history.compare.isEnabled()
    with answering("Close") as dialogs:
        click(history.compare)  # the dialog shows the same differences
    assert dialogs.seen == [text]


def _part_of_a_qt_control(w: QWidget) -> bool:
    """Qt's own pieces: headers, corner and clear buttons, a combo box's popup list."""
    parent = type(w.parent()).__name__
    return (
        isinstance(w, QHeaderView)
        or w.objectName().startswith("qt_")
        or isinstance(w.parent(), QLineEdit)
        or (isinstance(w, QListView) and parent == "QFrame")
        or parent in ("QCalendarWidget", "QToolBar")
    )


def test_every_control_has_an_accessible_name(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    for name in ("account", "entry_point", "audience", "behavior", "wizard"):
        window.show_page(name)
    studio = [
        w
        for w in window.findChildren(QWidget)
        if type(w).__module__.startswith("designer.views.studio")
    ]
    unnamed = []
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractItemView)
    for w in window.findChildren(QWidget):
        if not isinstance(w, kinds) or any(s.isAncestorOf(w) for s in studio):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox | QComboBox):
            continue  # the editor inside a spin box or combo box is named by it
        if _part_of_a_qt_control(w):
            continue
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text())):
            unnamed.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__}")
    assert unnamed == [], "\n".join(sorted(set(unnamed)))


def test_drawing_a_shift_on_the_week_calendar_and_removing_it(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = window.campaign_page
    with window.store.read() as s:
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    window.tree.select("campaign", care)
    pick(page.bind.widget_for("hours_mode"), "weekly")
    calendar = page.shifts.calendar
    calendar.resize(700, 480)
    grid = calendar._grid()
    day_w = grid.width() / 7

    def at(day: int, minute: int) -> QPoint:
        return QPoint(
            int(grid.left() + (day + 0.5) * day_w),
            round(grid.top() + minute / 1440 * grid.height()) + 1,
        )

    QTest.mousePress(
        calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(2, 9 * 60)
    )
    QTest.mouseMove(calendar, at(2, 13 * 60))
    QTest.mouseRelease(
        calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(2, 17 * 60)
    )
    with window.store.read() as s:
        (shift,) = s.get(Campaign, care).shifts
    assert shift["weekday"] == 2 and shift["start"] % 5 == 0 and shift["end"] % 5 == 0
    assert abs(shift["start"] - 540) <= 10 and abs(shift["end"] - 1020) <= 10
    assert page.shifts.list.item(0).text().startswith("Wednesday ")
    QTest.mouseDClick(
        calendar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(2, 12 * 60)
    )
    with window.store.read() as s:
        assert s.get(Campaign, care).shifts == []


def test_tab_order_follows_the_campaign_page_layout(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    w, seen = window.campaign_page.disable, []
    while len(seen) < 12:
        w = w.nextInFocusChain()
        focusable = w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()
        if focusable and w.accessibleName():
            seen.append(w.accessibleName())
    assert seen == [
        "Add engagement",
        "Preview",
        "Publish",
        "Name",
        "Description",
        "Business goal",
        "Count once per visit",
        "Target audience",
        "Priority",
        "Control group",
        "Starts on a date",
        "Ends on a date",
    ]


def test_disable_and_enable_a_campaign(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    page = window.campaign_page
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
    window.tree.select("campaign", sale)
    assert not page.enable.isVisible()
    assert page.disable.text() == "Disable campaign “Winter sale”"
    click(page.disable)
    assert page.status.text().startswith("Status: disabled")
    assert window.tree.tree.currentItem().text(1) == "disabled"
    click(page.enable)
    with window.store.read() as s:
        assert s.get(Campaign, sale).status == "draft"  # published again only by Publish
    window.actions_by_name["undo"].trigger()
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        assert s.get(Campaign, sale).status == "published"


def test_removing_a_skill_says_who_routes_to_it_and_undo_brings_all_back(main_window, tmp_path):
    from designer.models.engagement import Engagement

    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["go_account"].trigger()
    page = window.account_page
    page.skills.setCurrentRow(1)  # Support
    assert page.skills.currentItem().text() == "Support"
    remove = next(
        b
        for b in page.findChildren(QAbstractButton)
        if b.text() == "Remove" and b.toolTip().startswith("Remove the selected skill")
    )
    with answering("Remove") as dialogs:
        click(remove)
    assert "Support is the routing of 1 engagement." in dialogs.seen[0]
    assert "Help centre button" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.scalars(select(Skill.name)).all() == ["Sales"]
        button = s.scalar(select(Engagement).where(Engagement.name == "Help centre button"))
        assert button.skill_id is None
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        support = s.scalar(select(Skill).where(Skill.name == "Support"))
        assert len(support.shifts) == 5
        button = s.scalar(select(Engagement).where(Engagement.name == "Help centre button"))
        assert button.skill_id == support.id
