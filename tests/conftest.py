"""Shared fixtures. Tests that use Qt are marked gui automatically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt must not look for a display, and QtWebEngine's sandbox cannot run as root.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
# Never touch the user's own default store from a test.
os.environ.pop("ENGAGEMENT_DESIGNER_STORE", None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()) or "qapp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _isolated_default_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "default-store.sqlite"
    monkeypatch.setenv("ENGAGEMENT_DESIGNER_STORE", str(path))
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "campaigns.sqlite"


@pytest.fixture
def store(store_path: Path):
    """A new store with the sample campaigns."""
    from designer.models.store import Store

    s = Store.open(store_path)
    yield s
    s.close()


@pytest.fixture
def empty_store(store_path: Path):
    """A new store with account settings only."""
    from designer.models.store import Store

    s = Store.open(store_path, seed=False)
    yield s
    s.close()
