"""The flags QtWebEngine starts with: V8 without Maglev, no DevTools endpoint, headless as root."""

from __future__ import annotations

import os

import pytest

from designer.preview.engine_flags import DEVTOOLS_ENV, FLAGS_ENV, settle_flags


@pytest.fixture
def flags(monkeypatch):
    def given(text: str | None, headless: bool = False, root: bool = False) -> str:
        if text is None:
            monkeypatch.delenv(FLAGS_ENV, raising=False)
        else:
            monkeypatch.setenv(FLAGS_ENV, text)
        monkeypatch.setattr(os, "geteuid", lambda: 0 if root else 1000)
        settle_flags(headless=headless)
        return os.environ[FLAGS_ENV]

    return given


def test_v8_runs_without_maglev_whatever_was_set_before(flags):
    assert flags(None) == "--js-flags=--no-maglev"
    assert flags("--disable-gpu") == "--disable-gpu --js-flags=--no-maglev"
    # a designer's own V8 flags are kept, and ours joins them in the one --js-flags
    assert flags("--js-flags=--expose-gc --lang=fr") == (
        "--js-flags=--expose-gc,--no-maglev --lang=fr"
    )
    assert flags("--js-flags=--no-maglev,--expose-gc") == "--js-flags=--no-maglev,--expose-gc"


def test_settling_twice_changes_nothing(flags):
    once = flags("--lang=fr", headless=True, root=True)
    assert flags(once, headless=True, root=True) == once


def test_no_devtools_endpoint_is_opened(flags, monkeypatch):
    monkeypatch.setenv(DEVTOOLS_ENV, "127.0.0.1:9222")
    settled = flags("--remote-debugging-port=9222 --remote-debugging-pipe --lang=fr")
    assert settled == "--lang=fr --js-flags=--no-maglev"
    assert DEVTOOLS_ENV not in os.environ


def test_headless_as_root_it_starts_without_the_sandbox(flags):
    assert flags(None, headless=True, root=True) == (
        "--js-flags=--no-maglev --no-sandbox --disable-gpu"
    )
    assert flags(None, headless=True, root=False) == "--js-flags=--no-maglev"
    assert flags(None, headless=False, root=True) == "--js-flags=--no-maglev"
    assert flags("--no-sandbox", headless=True, root=True) == "--no-sandbox --js-flags=--no-maglev"
