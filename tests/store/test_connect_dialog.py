"""File > Connect to a team store…: the dialog, the keyring, Recent; no password written anywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from designer.views.store import store_files
from designer.views.store.connect_dialog import KEYRING_SERVICE, ConnectDialog
from tests.gui.app_driver import ANSWERING
from tests.gui.conftest import isolated_settings as isolated_settings  # a fixture used here
from tests.gui.conftest import main_window as main_window  # a fixture used here
from tests.store.pg_server import USER, PgServer


class MemoryKeyring(KeyringBackend):
    """A keyring holding passwords in memory: the interface a desktop keyring offers."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """A machine without a desktop keyring (as this one is, unless a test says otherwise)."""
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def desktop_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


@contextmanager
def dialogs_answered(
    *answers: Callable[[ConnectDialog], None], said: list[str] | None = None
) -> Iterator[list[ConnectDialog]]:
    """Each ConnectDialog that opens is filled by the next answer, then Connect is clicked
    (one more is cancelled); a message box's text goes to said, and it is closed."""
    seen: list[ConnectDialog] = []
    left = list(answers)

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox) and said is not None:
            said.append(dialog.text())
            dialog.close()
        elif isinstance(dialog, ConnectDialog) and not dialog.property("answered"):
            # the same dialog comes back after a refused connection: each opening counts
            dialog.setProperty("answered", True)
            dialog.finished.connect(lambda _r, d=dialog: d.setProperty("answered", False))
            seen.append(dialog)
            if left:
                left.pop(0)(dialog)
                dialog.ok.click()
            else:
                dialog.reject()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    ANSWERING[0] += 1
    try:
        yield seen
    finally:
        ANSWERING[0] -= 1
        timer.stop()
    assert not left, "a connect dialog never opened"


def typed(server: PgServer, database: str, remember: bool = True) -> Callable:
    def fill(dialog: ConnectDialog) -> None:
        dialog.host.setText("127.0.0.1")
        dialog.port.setValue(server.port)
        dialog.database.setText(database)
        dialog.user.setText(USER)
        dialog.password.setText(server.password)
        if dialog.remember.isEnabled():
            dialog.remember.setChecked(remember)

    return fill


def _written(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_connecting_opens_the_team_store_and_recent_opens_it_again_from_the_keyring(
    pg_server: PgServer, pg_database: str, main_window, tmp_path: Path, isolated_settings,
    desktop_keyring: MemoryKeyring,
) -> None:  # fmt: skip
    window = main_window(tmp_path / "local.sqlite")
    with dialogs_answered(typed(pg_server, pg_database)):
        assert store_files.connect_team_store(window)
    assert window.store.is_server
    assert window.windowTitle().startswith(f"{pg_database} on 127.0.0.1:{pg_server.port}")
    address = f"postgresql+psycopg://{USER}@127.0.0.1:{pg_server.port}/{pg_database}"
    assert store_files.recent_stores()[0] == address
    account = f"{USER}@127.0.0.1:{pg_server.port}/{pg_database}"
    assert desktop_keyring.items == {(KEYRING_SERVICE, account): pg_server.password}
    QApplication.processEvents()
    assert pg_server.password not in _written(isolated_settings)

    store_files.switch_to(window, tmp_path / "local.sqlite")
    assert not window.store.is_server
    with dialogs_answered() as seen:  # from Recent: no dialog, the keyring knows the password
        store_files.open_store(window, store_files.recent_stores()[1])
    assert seen == [] and window.store.is_server


def test_without_a_keyring_the_password_is_asked_again_and_never_written(
    pg_server: PgServer, pg_database: str, main_window, tmp_path: Path, isolated_settings,
    no_keyring: None,
) -> None:  # fmt: skip
    window = main_window(tmp_path / "local.sqlite")
    with dialogs_answered(typed(pg_server, pg_database)) as seen:
        assert store_files.connect_team_store(window)
    assert not seen[0].remember.isEnabled()  # this machine has no keyring
    assert "no keyring" in seen[0].remember.toolTip()
    store_files.switch_to(window, tmp_path / "local.sqlite")
    recent = store_files.recent_stores()[1]

    def only_the_password(dialog: ConnectDialog) -> None:
        assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == (
            "127.0.0.1", pg_server.port, pg_database,
        )  # fmt: skip
        assert dialog.user.text() == USER and dialog.password.text() == ""
        dialog.password.setText(pg_server.password)

    with dialogs_answered(only_the_password):
        store_files.open_store(window, recent)
    assert window.store.is_server
    QApplication.processEvents()
    assert pg_server.password not in _written(isolated_settings)


def test_a_wrong_password_is_a_sentence_and_the_dialog_comes_back(
    pg_server: PgServer, pg_database: str, main_window, tmp_path: Path, no_keyring: None
) -> None:
    window = main_window(tmp_path / "local.sqlite")

    def wrong(dialog: ConnectDialog) -> None:
        typed(pg_server, pg_database)(dialog)
        dialog.password.setText("not-the-password")

    said: list[str] = []
    with dialogs_answered(wrong, said=said) as seen:
        assert not store_files.connect_team_store(window)  # the second dialog is cancelled
    assert len(seen) == 2
    assert len(said) == 1 and "refused the user name or password" in said[0]
    assert "not-the-password" not in said[0]
    assert not window.store.is_server
