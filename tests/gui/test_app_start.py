"""Start-up: the window shows at once, saying which store it opens; the store opens after.

start_window is what `engagement-designer` runs: the frame (menus, toolbar, an empty tree)
is shown before the store is opened, which happens once the event loop turns. Nothing here
is timed: each test looks at the window before the loop turns, and again after.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from designer.models.campaign import Campaign
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.views.shell.app import start_window
from designer.views.shell.main_menus import WITHOUT_STORE
from designer.views.shell.main_window import NO_STORE, UNPAINTED_MS
from designer.views.store import store_files
from tests.gui.app_driver import answering

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "shell"
# Commands a fast click could reach in the first moments: each needs the store.
STORE_COMMANDS = ("new_campaign", "add_engagement", "publish", "export", "preview", "save_copy")


@pytest.fixture
def starting(qtbot, isolated_settings):
    """start(target) -> the main window as the app starts it; closed after the test."""
    made = []

    def start(target):
        window = start_window(target)
        made.append(window)
        return window

    yield start
    for window in made:
        window.close()


def sample_store(path: Path) -> Path:
    Store.open(path).close()
    return path


def campaign_count(path: Path) -> int:
    store = Store.open(path, seed=False)
    try:
        with store.read() as s:
            return s.scalar(select(func.count(Campaign.id)))
    finally:
        store.close()


def test_the_window_shows_before_its_store_then_the_campaigns_fill_the_tree(
    starting, qtbot, tmp_path
):
    path = sample_store(tmp_path / "shop.sqlite")
    window = starting(path)
    # The event loop has not turned: the frame is up, the store is not open yet.
    assert window.isVisible()
    assert window.store is None
    assert window.tree.campaign_count() == 0
    assert window.statusBar().currentMessage() == "Opening shop.sqlite…"
    assert window.windowTitle() == "shop.sqlite — Engagement Designer"
    assert window.menuBar().actions() and window.findChild(type(window.tree)) is window.tree
    # The first window fits the screen (here 800 px tall): its status bar is not cut off.
    assert window.height() <= window.screen().availableGeometry().height()
    assert window.statusBar().geometry().bottom() < window.height()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # laid out as first painted
    window.grab().save(str(_artifact("start-opening.png")))
    assert window.store is None

    with qtbot.waitSignal(window.store_shown, timeout=60_000):
        pass  # the loop turns: the window paints, then the store opens
    assert window.tree.campaign_count() == 2
    assert window.tree.isEnabled()
    assert window.statusBar().currentMessage() == "2 campaigns in shop.sqlite"
    assert window.windowTitle() == "shop.sqlite — Engagement Designer"
    assert window.lock.acquired
    window.grab().save(str(_artifact("start-opened.png")))


def test_store_commands_wait_for_the_store_and_a_fast_click_changes_nothing(
    starting, qtbot, tmp_path
):
    path = sample_store(tmp_path / "shop.sqlite")
    window = starting(path)
    actions = window.actions_by_name
    assert all(not actions[name].isEnabled() for name in STORE_COMMANDS)
    assert all(actions[name].isEnabled() for name in ("open_store", "new_store", "quit"))
    # What a designer might do in the first moments: the shortcut, the toolbar, the menu.
    QTest.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    for name in STORE_COMMANDS:
        actions[name].trigger()
    assert window.store is None

    with qtbot.waitSignal(window.store_shown, timeout=60_000):
        pass
    assert all(actions[name].isEnabled() for name in STORE_COMMANDS)
    assert window.current_page() == "campaign"  # no wizard, no preview was started
    assert window.preview is None
    assert window.tree.campaign_count() == 2  # no campaign was made
    window.close()
    assert campaign_count(path) == 2


def _newer_schema(path: Path) -> Path:
    sample_store(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    return path


def _not_a_store(path: Path) -> Path:
    path.write_text("shopping list\n")
    return path


@pytest.mark.parametrize(
    "make",
    [
        _not_a_store,
        _newer_schema,
        lambda _: "postgresql://designer:s3cret@127.0.0.1:9/campaigns",  # nothing listens
    ],
    ids=["not-a-store", "newer-schema", "unreachable-server"],
)
def test_a_store_that_cannot_be_opened_says_why_over_the_open_window(
    starting, qtbot, tmp_path, make
):
    target = make(tmp_path / "campaigns.sqlite")
    file = tmp_path / "campaigns.sqlite"
    before = hashlib.sha256(file.read_bytes()).hexdigest() if file.exists() else None
    with pytest.raises(StoreError) as refused:
        Store.open(target)  # the sentence the app has always given for it
    window = starting(target)
    assert window.isVisible() and window.store is None
    with answering("OK") as dialogs:
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == NO_STORE, timeout=60_000)
    assert dialogs.seen == [f"{refused.value}\n"]
    assert "s3cret" not in dialogs.seen[0]
    assert window.isVisible() and window.store is None
    assert window.windowTitle() == "Engagement Designer"
    assert all(not window.actions_by_name[name].isEnabled() for name in STORE_COMMANDS)
    # The window's centre says what to do, with the commands that do it; the welcome, which
    # points at campaigns in the tree, is gone.
    page = window.workspace.pages
    assert page is window.no_store_page and page.isVisible() and not window.welcome.isVisible()
    assert [b.text() for b in page.buttons] == [
        "Open a store…",
        "New store…",
        "Connect to a team store…",
    ]
    assert all(b.isEnabled() for b in page.buttons)
    window.grab().save(str(_artifact("start-no-store.png")))
    if before is not None:  # the file is left as it was
        assert hashlib.sha256(file.read_bytes()).hexdigest() == before
    # What the sentence says to do can be done in this window: open another store.
    good = sample_store(tmp_path / "copy.sqlite")
    store_files.open_store(window, str(good))
    assert window.tree.campaign_count() == 2
    assert window.no_store_page is None and window.workspace.pages is window.pages
    assert window.windowTitle() == "copy.sqlite — Engagement Designer"
    assert all(window.actions_by_name[name].isEnabled() for name in STORE_COMMANDS)


def test_closing_the_window_while_its_store_opens_leaves_the_store_alone(starting, qtbot, tmp_path):
    path = sample_store(tmp_path / "shop.sqlite")
    window = starting(path)
    window.close()
    qtbot.wait(UNPAINTED_MS + 100)  # the loop turns, past when an unpainted window opens it
    assert window.store is None and window.session is None
    assert not window.isVisible()


def test_commands_that_work_without_a_store_are_the_ones_that_choose_one():
    assert {"new_store", "open_store", "connect_store", "quit"} <= WITHOUT_STORE
    assert not WITHOUT_STORE & set(STORE_COMMANDS)


def test_the_window_frame_needs_no_database_modules():
    """What the first paint waits for: the frame's modules bring no SQLAlchemy and no store."""
    code = (
        "import sys; import designer.cli, designer.views.shell.app, "
        "designer.views.shell.main_window; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' "
        "or m in ('designer.models.store', 'alembic')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
