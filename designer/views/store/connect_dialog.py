"""File > Connect to a team store…: host, port, database, user and password of a PostgreSQL store.

The password is kept in the desktop's keyring when the designer asks for it and
one exists (Secret Service, macOS Keychain, Windows Credential Locker); it never
goes to the settings file, the Recent list or a log. Recent remembers the URL
without it and asks the keyring, or the designer, again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

KEYRING_SERVICE = "Engagement Designer team store"
DRIVER = "postgresql+psycopg"


def _keyring():
    """The desktop's keyring, or None where there is none (a server, a bare container)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    return None if isinstance(backend, fail.Keyring) else keyring


def _account(url: URL) -> str:
    return f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"


def saved_password(url: URL) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        return ring.get_password(KEYRING_SERVICE, _account(url))
    except Exception:  # noqa: BLE001 - a locked or broken keyring: ask the designer instead
        return None


def save_password(url: URL, password: str) -> bool:
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, _account(url), password)
    except Exception:  # noqa: BLE001 - a locked or broken keyring: the password is asked next time
        return False
    return True


def without_password(url: str | URL) -> str:
    """The URL to show and remember: everything but the password."""
    parsed = make_url(url)
    return parsed._replace(password=None).render_as_string(hide_password=False)


def is_team_url(target: str) -> bool:
    try:
        return make_url(target).get_backend_name() == "postgresql"
    except ArgumentError:
        return False


class ConnectDialog(QDialog):
    """Asks where the team store is and who connects; `url()` is what to open."""

    def __init__(self, parent: QWidget | None = None, known: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Connect to a team store")
        self.setAccessibleName("Connect to a team store")
        self.host = self._line("host", "Host", "The database server's name or address")
        self.port = QSpinBox()
        self.port.setObjectName("port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.port.setAccessibleName("Port")
        self.port.setToolTip("The server's port (PostgreSQL listens on 5432 unless told otherwise)")
        self.database = self._line("database", "Database", "The database holding the team's store")
        self.user = self._line("user", "User", "Your user name on the database server")
        self.password = self._line("password", "Password", "Your password on the database server")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Remember the password in this computer's keyring")
        self.remember.setObjectName("remember")
        if _keyring() is None:
            self.remember.setEnabled(False)
            self.remember.setToolTip(
                "This computer has no keyring, so the password is asked each time."
            )
        else:
            self.remember.setChecked(True)
            self.remember.setToolTip("Kept by the desktop's keyring, never in a settings file")
        form = QFormLayout(self)
        intro = QLabel("A team store is a PostgreSQL database the whole team opens.")
        intro.setWordWrap(True)
        form.addRow(intro)
        for label, widget in (
            ("&Host", self.host),
            ("P&ort", self.port),
            ("&Database", self.database),
            ("&User", self.user),
            ("&Password", self.password),
        ):
            form.addRow(label, widget)
        form.addRow(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        for line in (self.host, self.database, self.user):
            line.textChanged.connect(self._on_typed)
        if known:
            self.fill(make_url(known))
        self._on_typed()

    def _line(self, name: str, label: str, tip: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(label)
        line.setToolTip(tip)
        return line

    def fill(self, url: URL) -> None:
        self.host.setText(url.host or "")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        self.password.setText(url.password or "")
        (self.password if self.host.text() else self.host).setFocus()

    def _on_typed(self) -> None:
        self.ok.setEnabled(all(w.text().strip() for w in (self.host, self.database, self.user)))

    def url(self) -> URL:
        return URL.create(
            DRIVER,
            username=self.user.text().strip(),
            password=self.password.text() or None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        )
