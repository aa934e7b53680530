"""A dropped team-store connection: the edit waits (banner, Retry), then is saved; no traceback."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import Campaign
from designer.models.errors import StoreError
from designer.models.store import Store
from designer.views.editing.edit_session import EditSession, SetFields
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


def test_an_edit_made_while_the_server_is_down_is_a_sentence_and_the_store_unchanged(
    qapp, own_server: PgServer, team_url: str
) -> None:
    store = Store.open(team_url)
    session = EditSession(store)
    campaign_id, name = _campaign(store)
    failed: list[str] = []
    session.failed.connect(failed.append)
    own_server.stop_server()
    try:
        assert not session.push(_rename(campaign_id, name, "Not saved"))
        assert len(failed) == 1 and "cannot be reached" in failed[0]
        assert "internal error" not in failed[0]
    finally:
        own_server.start()
    assert _campaign(store) == (campaign_id, name)  # reconnects by itself; nothing half-saved
    assert session.push(_rename(campaign_id, name, "Saved now"))
    assert _campaign(store) == (campaign_id, "Saved now")
    store.close()


def test_connections_cut_by_the_server_are_replaced_without_the_designer_noticing(
    qapp, own_server: PgServer, team_url: str
) -> None:
    store = Store.open(team_url)
    session = EditSession(store)
    campaign_id, name = _campaign(store)
    assert own_server.terminate_clients(team_url.rsplit("/", 1)[1]) >= 1
    failed: list[str] = []
    session.failed.connect(failed.append)
    assert session.push(_rename(campaign_id, name, "After the cut"))
    assert failed == []
    assert _campaign(store) == (campaign_id, "After the cut")
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
            busy = StoreError("campaigns.sqlite is busy: another program is writing to it.")
            sys.excepthook(StoreError, busy, None)
    finally:
        sys.excepthook = saved_hook
    assert [d.strip() for d in dialogs.seen] == [
        "The team store x on h cannot be reached.",
        "campaigns.sqlite is busy: another program is writing to it.",
    ]
    assert "Traceback" not in caplog.text
