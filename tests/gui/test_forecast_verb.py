"""`engagement-designer forecast` from a shell: tables, JSON, the published version beside the draft."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.gui.test_forecast_engine import make_store

VERB = [sys.executable, "-m", "designer.cli", "forecast", "--start", "2031-03-03", "--days", "2"]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*VERB, *args], capture_output=True, text=True, timeout=300, check=False)


def test_the_verb_prints_the_forecast(tmp_path: Path) -> None:
    path = tmp_path / "v.sqlite"
    make_store(
        path,
        [
            {
                "name": "Everyone",
                "control": 0,
                "engagements": [("Chat", "sales-sticky"), ("Toaster", "checkout-toaster")],
            }
        ],
        account_control=0,
    ).close()
    done = _run("--store", str(path), "--visitors", "600", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["visitors"] == 600 and data["start"] == "2031-03-03" and data["days"] == 2
    chat = next(row for row in data["engagements"] if row["Engagement"] == "Chat")
    assert chat["Reach %"] == 100.0
    assert {row["Day"] for row in data["per_day"]} == {"2031-03-03", "2031-03-04"}
    phone = [
        r
        for r in data["reasons"]
        if r["Engagement"] == "Toaster" and r["Step"] == "Not shown on phones"
    ]
    assert phone and phone[0]["The tag says"].startswith("A toaster is not shown on phones")
    assert _run("--store", str(path), "--visitors", "600", "--json").stdout == done.stdout
    text = _run("--store", str(path), "--visitors", "300", "--compare")
    assert text.returncode == 0, text.stderr
    assert "The published version: 300 visitors" in text.stdout
    assert "No engagement is in it." in text.stdout  # nothing was published yet
    assert "Chat" in text.stdout.split("Published version and draft:")[1]


def test_a_missing_store_or_a_bad_date_is_a_sentence(tmp_path: Path) -> None:
    done = _run("--store", str(tmp_path / "nowhere" / "x.sqlite"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    bad = subprocess.run(
        [*VERB[:4], "--start", "03/03/2031"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and "is not a date like 2026-12-07" in bad.stderr
