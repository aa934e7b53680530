"""Shared fixtures. Tests that use Qt are marked gui automatically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.moments import MONDAY_10

# Qt must not look for a display, and QtWebEngine's sandbox cannot run as root.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
# Never touch the user's own default store from a test.
os.environ.pop("ENGAGEMENT_DESIGNER_STORE", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    gui = False
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "qtbot" in names or "qapp" in names:
            item.add_marker(pytest.mark.gui)
            gui = True
    if gui:
        # The preview's URL scheme must be registered before the QApplication exists.
        from designer.preview.scheme import register_scheme

        register_scheme()


@pytest.fixture(scope="session", autouse=True)
def app_clock():
    """The app's clock pinned at tests.moments.MONDAY_10 for the whole session (running on).

    Every sample made for a test is dated from that day, and the preview's visitor sees
    that clock: no test depends on the real date or hour (see scripts/at-time.sh).
    """
    from designer.models import clock

    with clock.pinned(MONDAY_10):
        yield clock


@pytest.fixture(autouse=True)
def _isolated_default_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "default-store.sqlite"
    monkeypatch.setenv("ENGAGEMENT_DESIGNER_STORE", str(path))
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "campaigns.sqlite"


@pytest.fixture(scope="session")
def _new_store_files(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """A sample store and an empty one, made (migrated, seeded) once per test session."""
    from designer.models.store import Store

    folder = tmp_path_factory.mktemp("new-stores")
    files = {seed: folder / f"seed-{seed}.sqlite" for seed in (True, False)}
    for seed, path in files.items():
        Store.open(path, seed=seed).close()  # closed: the file holds everything
    return files


@pytest.fixture
def store(store_path: Path, _new_store_files: dict[bool, Path]):
    """A new store with the sample campaigns (a copy of one made for the session)."""
    from designer.models.store import Store

    shutil.copyfile(_new_store_files[True], store_path)
    s = Store.open(store_path)
    yield s
    s.close()


@pytest.fixture
def empty_store(store_path: Path, _new_store_files: dict[bool, Path]):
    """A new store with account settings only."""
    from designer.models.store import Store

    shutil.copyfile(_new_store_files[False], store_path)
    s = Store.open(store_path)
    yield s
    s.close()
