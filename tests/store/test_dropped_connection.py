"""A dropped team-store connection: the edit waits (banner, Retry), then is saved; no traceback."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from designer.models import Campaign
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.views.editing.edit_session import EditSession, SetFields
from designer.views.store.waiting_edit import READ_ONLY, WAITING
from tests.gui.conftest import isolated_settings as isolated_settings  # fixtures used here
from tests.gui.conftest import main_window as main_window
from tests.store.pg_server import PgServer


@pytest.fixture(scope="module")
def own_server():
    """A server of this module's own: its tests stop and start it."""
    server = PgServer()
    yield server
    server.close()


@pytest.fixture
def team_url(own_server: PgServer) -> str:
    if not _running(own_server):
        own_server.start()
    name = own_server.create_database()
    Store.open(own_server.url(name)).close()
    return own_server.url(name)


def _running(server: PgServer) -> bool:
    try:
        server.admin().close()
    except Exception:  # noqa: BLE001 - any failure to connect means it is down
        return False
    return True


def _campaign(store: Store) -> tuple[int, str]:
    with store.read() as s:
        c = s.scalars(select(Campaign).order_by(Campaign.id)).first()
        return c.id, c.name


def _rename(campaign_id: int, old: str, new: str):
    return SetFields(Campaign, campaign_id, "Rename", {"name": old}, {"name": new})


def _session(team_url: str) -> tuple[Store, EditSession, int, str, list[str]]:
    """A store and its edit session, its first campaign, and the sentences it says."""
    store = Store.open(team_url)
    session = EditSession(store)
    campaign_id, name = _campaign(store)
    failed: list[str] = []
    session.failed.connect(failed.append)
    return store, session, campaign_id, name, failed


def test_an_edit_made_while_the_server_is_down_waits_and_is_saved_when_it_is_back(
    qapp, qtbot, own_server: PgServer, team_url: str
) -> None:
    store, session, campaign_id, name, failed = _session(team_url)
    own_server.stop_server()
    try:
        with qtbot.waitSignal(session.waiting.waiting_changed) as shown:
            assert session.push(_rename(campaign_id, name, "Saved later"))
        assert shown.args == [True] and session.waiting.waiting
        assert failed == []
        # Meanwhile the window is read-only: another edit is refused with a sentence.
        assert not session.push(_rename(campaign_id, "Saved later", "Not now"))
        assert failed == [READ_ONLY]
        assert not session.waiting.retry()  # Retry while it is still down: still waiting
        with pytest.raises(StoreError) as caught:
            _campaign(store)  # reading says so too, in a sentence
        assert "cannot be reached" in str(caught.value)
    finally:
        own_server.start()
    with qtbot.waitSignal(session.waiting.waiting_changed, timeout=20_000) as hidden:
        pass  # the session retries by itself
    assert hidden.args == [False]
    assert _campaign(store) == (campaign_id, "Saved later")
    assert session.undo_stack.count() == 1  # the saved edit is undoable like any other
    session.undo_stack.undo()
    assert _campaign(store) == (campaign_id, name)
    store.close()


def test_a_waiting_edit_someone_else_overtook_is_refused_with_their_name(
    qapp, qtbot, own_server: PgServer, team_url: str
) -> None:
    """Bea renames the campaign while this designer's rename waits: it never overwrites hers."""
    from tests.store.two_designers import other_designer

    store, session, campaign_id, name, failed = _session(team_url)
    saved: list[bool] = []
    session.waiting.saved.connect(lambda: saved.append(True))
    own_server.stop_server()
    try:
        assert session.push(_rename(campaign_id, name, "Mine, waiting"))
        session.waiting.timer.stop()  # this test says when the retry comes
    finally:
        own_server.start()
    other_designer(team_url, "rename", "campaigns", campaign_id, "Bea's, first")
    with qtbot.waitSignal(session.waiting.waiting_changed) as ended:
        assert session.waiting.retry()
    assert ended.args == [False] and saved == []
    assert failed == [
        "This campaign was just changed by Bea on another computer; "
        "it now shows that change — make yours again."
    ]
    assert _campaign(store) == (campaign_id, "Bea's, first")
    assert session.undo_stack.count() == 0
    store.close()


def test_connections_cut_by_the_server_are_replaced_without_the_designer_noticing(
    qapp, own_server: PgServer, team_url: str
) -> None:
    store, session, campaign_id, name, failed = _session(team_url)
    assert own_server.terminate_clients(team_url.rsplit("/", 1)[1]) >= 1
    assert session.push(_rename(campaign_id, name, "After the cut"))
    assert failed == [] and not session.waiting.waiting
    assert _campaign(store) == (campaign_id, "After the cut")
    store.close()


@pytest.mark.parametrize(
    ("field", "typed"),
    [("description", "Saved when the server is back"), ("name", "Winter sale, renamed offline")],
)
def test_the_window_keeps_a_typed_change_behind_a_banner_until_the_server_is_back(
    qtbot, main_window, own_server: PgServer, team_url: str, caplog, tmp_path, field, typed
) -> None:
    """The designer types a description or a new name while the server is stopped: the
    banner says the change waits (no dialog, no traceback), Retry saves it once the server
    runs again."""
    from tests.gui.app_driver import type_into

    window = main_window(team_url)
    campaign_id, _name = _campaign(window.store)
    window.tree.select("campaign", campaign_id)
    description = window.campaign_page.bind.widget_for(field)
    assert not window.banner.isVisible()
    qtbot.wait(500)  # the first paint's validation read is done
    own_server.stop_server()
    try:
        type_into(description, typed)
        qtbot.waitUntil(window.banner.isVisible, timeout=5000)
        assert window.banner.label.text() == WAITING
        assert window.statusBar().currentMessage() == WAITING
        assert window.banner.retry_button.isEnabled()
        assert description.text() == typed  # nothing typed is lost
        qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
        qtbot.wait(1500)  # Retry and the change feed's polls meanwhile: still waiting, quietly
        assert window.banner.isVisible()
        window.grab().save(str(tmp_path / "waiting-banner.png"))
    finally:
        own_server.start()
    qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=20_000)
    assert window.statusBar().currentMessage() == "The team store is back; your change was saved."
    with window.store.read() as s:
        assert getattr(s.get(Campaign, campaign_id), field) == typed
    assert window.session.undo_stack.count() == 1  # undoable like any other change
    assert "Traceback" not in caplog.text and "internal error" not in caplog.text


def test_others_changes_arrive_again_once_the_server_is_back(
    qtbot, own_server: PgServer, team_url: str
) -> None:
    from designer.views.store.live_refresh import LiveRefresh
    from tests.store.two_designers import other_designer

    store = Store.open(team_url)
    live = LiveRefresh(store)
    noticed: list[str] = []
    live.noticed.connect(noticed.append)
    campaign_id, _name = _campaign(store)
    own_server.stop_server()
    try:
        qtbot.wait(2500)  # the feed's polls and reconnection attempts meanwhile fail quietly
    finally:
        own_server.start()
    other_designer(team_url, "rename", "campaigns", campaign_id, "Renamed by Bea")
    qtbot.waitUntil(lambda: bool(noticed), timeout=20_000)
    assert noticed == ["Bea changed the campaign “Renamed by Bea”."]
    live.stop()
    store.close()


def test_a_store_failure_escaping_a_view_is_its_sentence_and_never_an_internal_error(
    qapp, caplog
) -> None:
    import sys

    from designer.models.errors import StoreUnreachable
    from designer.views.shell import crash_sentence
    from tests.gui.app_driver import answering

    saved_hook = sys.excepthook
    crash_sentence.install()
    try:
        with answering("OK", "OK") as dialogs:
            unreachable = StoreUnreachable("The team store x on h cannot be reached.")
            sys.excepthook(StoreUnreachable, unreachable, None)
            sys.excepthook(StoreUnreachable, unreachable, None)  # the next click: no dialog
            busy = StoreError("campaigns.sqlite is busy: another program is writing to it.")
            sys.excepthook(StoreError, busy, None)
    finally:
        sys.excepthook = saved_hook
    assert [d.strip() for d in dialogs.seen] == [
        "The team store x on h cannot be reached.",
        "campaigns.sqlite is busy: another program is writing to it.",
    ]  # an outage is said once in a dialog, then in the status bar while it lasts
    assert "Traceback" not in caplog.text
