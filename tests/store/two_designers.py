"""Helpers for tests of two designers at once: the other one runs in a process of its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def other_designer(target: str, *args: object, name: str = "Bea") -> subprocess.CompletedProcess:
    """Run one edit as `name` on another computer (another process); returns when it is committed."""
    env = dict(os.environ, ENGAGEMENT_DESIGNER_USER=name)
    done = subprocess.run(
        [sys.executable, "-m", "tests.store.other_designer", target, *map(str, args)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("done")
    return done


def start_other_designer(target: str, *args: object, name: str = "Bea") -> subprocess.Popen:
    env = dict(os.environ, ENGAGEMENT_DESIGNER_USER=name)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.store.other_designer", target, *map(str, args)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
