"""The main window as a desktop app: problems that jump, a second instance, search, geometry."""

from __future__ import annotations

import re
import subprocess
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from designer.models.campaign import Campaign
from designer.views.shell.main_window import MainWindow
from designer.views.store import store_files
from designer.views.store.store_files import open_locked
from tests.gui.app_driver import answering, pick, type_into

LOCK_AND_WAIT = (
    "import sys, time; from PySide6.QtCore import QLockFile; "
    "lock = QLockFile(sys.argv[1]); lock.tryLock(0); print('locked', flush=True); time.sleep(60)"
)


def test_a_problem_clicked_jumps_to_its_field(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        care = s.scalar(select(Campaign.id).where(Campaign.name == "Customer care"))
    window.tree.select("campaign", care)
    pick(window.campaign_page.bind.widget_for("hours_mode"), "weekly")
    qtbot.waitUntil(lambda: window.problem_count.text().startswith("1 error "))
    item = window.problems.list.item(0)
    assert "The time frame has no hours" in item.text()
    window.tree.select("campaign", care)
    window.actions_by_name["go_account"].trigger()
    window.problems.list.itemClicked.emit(item)
    assert window.current_page() == "campaign"
    assert window.campaign_page.campaign_id == care
    assert QApplication.focusWidget() is window.campaign_page.bind.widget_for("shifts")


def test_a_second_window_on_the_same_store_opens_read_only(main_window, qtbot, tmp_path):
    path = tmp_path / "s.sqlite"
    first = main_window(path)
    with answering("Open read-only") as dialogs:
        opened = open_locked(None, path)
    assert "already open in another Engagement Designer window" in dialogs.seen[0]
    second = MainWindow(*opened)
    qtbot.addWidget(second)
    assert "(read-only)" in second.windowTitle()
    with answering("OK") as dialogs:
        second.new_campaign()
    assert "open read-only here" in dialogs.seen[0]
    with second.store.read() as s:
        assert sorted(s.scalars(select(Campaign.name))) == ["Customer care", "Winter sale"]
    second.close()
    first.new_campaign()  # the first window still edits
    with first.store.read() as s:
        assert "New campaign" in s.scalars(select(Campaign.name)).all()
    with answering("Cancel"):
        assert open_locked(None, path) is None


def test_search_and_status_filter_the_campaign_tree(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    tree = window.tree

    def shown() -> list[str]:
        out = []
        for i in range(tree.tree.topLevelItemCount()):
            c = tree.tree.topLevelItem(i)
            if not c.isHidden():
                out.append(c.text(0))
                out += [
                    f"  {c.child(j).text(0)}"
                    for j in range(c.childCount())
                    if not c.child(j).isHidden()
                ]
        return out

    type_into(tree.search, "toaster")
    assert shown() == ["Winter sale", "  Cart toaster"]
    tree.search.clear()
    pick(tree.filter, "draft")
    assert shown() == ["Customer care", "  Help centre button"]


def test_window_geometry_is_remembered(main_window, tmp_path):
    path = tmp_path / "s.sqlite"
    window = main_window(path)
    window.setGeometry(0, 30, 1100, 610)  # the offscreen screen is 800 wide: width is clamped
    window.close()
    assert QSettings().value("main_window/geometry") is not None
    again = main_window(path)
    assert (again.geometry().top(), again.geometry().height()) == (30, 610)


def test_a_file_that_is_not_a_store_is_refused_with_a_sentence(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    notes = tmp_path / "notes.sqlite"
    notes.write_text("shopping list")
    with answering("OK") as dialogs:
        store_files.open_store(window, str(notes))
    assert dialogs.seen[0].startswith("notes.sqlite is not a campaign store")
    assert window.windowTitle().startswith("s.sqlite")  # still on the store it had
    assert notes.read_text() == "shopping list"


def test_duplicate_and_delete_a_campaign_from_the_tree(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with window.store.read() as s:
        sale = s.scalar(select(Campaign.id).where(Campaign.name == "Winter sale"))
    window.tree.select("campaign", sale)
    window.actions_by_name["duplicate"].trigger()
    with window.store.read() as s:
        copy = s.scalar(select(Campaign).where(Campaign.name == "Winter sale (copy)"))
        assert (copy.status, len(copy.engagements), copy.versions) == ("draft", 5, [])
        copy_id = copy.id
    assert window.tree.current() == ("campaign", copy_id)
    with answering("Delete") as dialogs:
        window.actions_by_name["delete"].trigger()
    assert "and its 5 engagements" in dialogs.seen[0]
    with window.store.read() as s:
        assert s.get(Campaign, copy_id) is None
    window.actions_by_name["undo"].trigger()
    with window.store.read() as s:
        assert len(s.get(Campaign, copy_id).engagements) == 5


def test_a_taken_campaign_name_is_refused_with_a_sentence(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["new_campaign"].trigger()
    name = window.campaign_page.bind.widget_for("name")
    with answering("OK") as dialogs:
        type_into(name, "Winter sale")
    assert dialogs.seen[0].startswith("Another campaign is already called “Winter sale”")
    assert name.text() == "New campaign"
    with window.store.read() as s:
        assert sorted(s.scalars(select(Campaign.name))) == [
            "Customer care",
            "New campaign",
            "Winter sale",
        ]


def test_save_a_copy_writes_a_store_that_opens(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    copy = tmp_path / "copy.sqlite"
    assert store_files.save_copy(window, str(copy))
    assert window.statusBar().currentMessage() == f"Saved a copy as {copy}."
    store_files.open_store(window, str(copy))
    assert window.windowTitle().startswith("copy.sqlite")
    with window.store.read() as s:
        assert sorted(s.scalars(select(Campaign.name))) == ["Customer care", "Winter sale"]
    assert store_files.recent_stores()[:2] == [str(copy), str((tmp_path / "s.sqlite").resolve())]


def test_the_lock_of_an_instance_that_crashed_does_not_block_the_store(main_window, tmp_path):
    path = tmp_path / "s.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_AND_WAIT, str(path) + ".lock"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()  # a crash: the lock file stays behind
    holder.wait()
    holder.stdout.close()
    assert (tmp_path / "s.sqlite.lock").exists()
    window = main_window(path)  # no question asked: the holder is gone
    assert "(read-only)" not in window.windowTitle()


def test_delete_key_deletes_only_what_the_tree_has_selected(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.activateWindow()
    qtbot.waitActive(window)
    window.actions_by_name["go_entry_point"].trigger()
    library = window.libraries["entry_point"].list
    library.setFocus()
    qtbot.waitUntil(library.hasFocus)
    QTest.keyClick(library, Qt.Key.Key_Delete)  # no dialog, nothing deleted
    with window.store.read() as s:
        assert len(s.scalars(select(Campaign.id)).all()) == 2
    window.tree.tree.setFocus()
    qtbot.waitUntil(window.tree.tree.hasFocus)
    with answering("Cancel") as dialogs:
        QTest.keyClick(window.tree.tree, Qt.Key.Key_Delete)
    assert dialogs.seen[0].startswith("Delete “Customer care” and its 1 engagement?")


def test_the_dark_theme_is_chosen_and_remembered(main_window, qapp, tmp_path):
    from PySide6.QtGui import QPalette

    before = QPalette(qapp.palette())
    main_window(tmp_path / "s.sqlite").actions_by_name["theme_dark"].trigger()
    try:
        assert QSettings().value("view/theme") == "dark"
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 60
        disabled = qapp.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert disabled != qapp.palette().color(QPalette.ColorRole.Text)
    finally:
        qapp.setPalette(before)  # other tests see the palette they started with


def test_an_engagement_problem_opens_the_wizard_at_its_stage(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    qtbot.waitUntil(lambda: window.problems.problems != [])
    toaster = next(p for p in window.problems.problems if "toaster" in p.message)
    item = next(
        window.problems.list.item(i)
        for i in range(window.problems.list.count())
        if window.problems.list.item(i).text().endswith(toaster.message)
    )
    window.problems.list.itemActivated.emit(item)  # Enter on the problem
    assert window.current_page() == "wizard"
    stage = window.wizard.stack.currentWidget()
    assert toaster.where.field in stage.fields
    heading = re.sub("<[^>]+>", "", window.wizard.heading.text())  # the campaign is a link
    assert heading.startswith("Winter sale › Cart toaster — ")


def test_first_start_makes_the_store_folder_without_asking(main_window, tmp_path):
    path = tmp_path / "not" / "made" / "yet" / "campaigns.sqlite"
    window = main_window(path)  # no dialog: the folder is made, the lock taken
    assert window.windowTitle() == "campaigns.sqlite — Engagement Designer"
    assert (path.parent / "campaigns.sqlite.lock").exists()
    assert window.tree.campaign_count() == 2  # seeded with the sample campaigns


def test_an_unexpected_error_is_a_sentence_in_a_dialog_and_a_log_line(
    main_window, tmp_path, caplog
):
    from designer.views.shell import crash_sentence

    main_window(tmp_path / "s.sqlite")
    saved_hook = sys.excepthook
    crash_sentence.install()
    try:
        error = ZeroDivisionError("division by zero")
        with answering("OK") as dialogs:
            sys.excepthook(ZeroDivisionError, error, error.__traceback__)
    finally:
        sys.excepthook = saved_hook
    assert dialogs.seen[0].startswith(
        "Engagement Designer ran into an internal error (ZeroDivisionError)"
    )
    assert "Traceback" not in dialogs.seen[0]
    assert "ZeroDivisionError: division by zero" in caplog.text


def test_f1_lists_the_keyboard_shortcuts(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    with answering("OK") as dialogs:
        window.actions_by_name["shortcuts"].trigger()
    listed = dialogs.seen[0]
    for line in (
        "Ctrl+Z — Undo",
        "Ctrl+Shift+Z — Redo",
        "Ctrl+E — Add engagement",
        "Ctrl+P — Publish",
        "F5 — Preview",
    ):
        assert line in listed
