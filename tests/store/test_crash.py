"""SIGKILL at random moments never loses an edit the store reported as saved."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from designer.models.store import Store

KILLS = 60
WRITER = Path(__file__).with_name("crash_writer.py")


def check_store(path: Path, campaigns: set[int], counter: int) -> None:
    """Every reported edit is in the file and SQLite finds it sound."""
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        saved = {row[0] for row in con.execute("SELECT id FROM campaigns")}
        assert campaigns <= saved, f"lost campaigns {sorted(campaigns - saved)}"
        row = con.execute("SELECT description FROM campaigns WHERE name = 'Crash counter'")
        stored = row.fetchone()
        assert int(stored[0] if stored else 0) >= counter
    finally:
        con.close()


@pytest.mark.slow
def test_killed_writer_never_loses_a_reported_edit(store_path: Path) -> None:
    Store.open(store_path, seed=False).close()
    rng = random.Random(20261125)
    campaigns: set[int] = set()
    counter = 0
    lines: queue.Queue[str] = queue.Queue()

    def take(line: str) -> None:
        nonlocal counter
        kind, value = line.split()
        if kind == "campaign":
            campaigns.add(int(value))
        else:
            counter = max(counter, int(value))

    amid_edits = 0
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(store_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        reader = threading.Thread(target=lambda: [lines.put(x) for x in server.stdout], daemon=True)
        reader.start()
        try:
            for _ in range(KILLS):
                server.stdin.write("go\n")
                server.stdin.flush()
                kind, pid = lines.get(timeout=30).split()
                assert kind == "worker"
                # A quarter of the kills land anywhere, even inside Store.open;
                # the rest somewhere in a run of edits, however slow the machine.
                if rng.random() < 0.75:
                    take(lines.get(timeout=30))
                    amid_edits += 1
                threading.Event().wait(rng.uniform(0.0, 0.1))
                os.kill(int(pid), signal.SIGKILL)
                while (line := lines.get(timeout=30).strip()) != "dead":
                    take(line)
                check_store(store_path, campaigns, counter)
        finally:
            server.stdin.close()
            server.wait(timeout=30)
    assert amid_edits >= KILLS // 2
    assert len(campaigns) + counter >= amid_edits
    store = Store.open(store_path)  # and the app opens it as usual afterwards
    store.close()
