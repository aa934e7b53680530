"""Running the command line as a real process, the way a pipeline or a person does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(
    *args: object,
    env: dict[str, str] | None = None,
    drop: tuple[str, ...] = (),
    stdout: int | None = subprocess.PIPE,
) -> subprocess.CompletedProcess:
    """engagement-designer ARGS in a new process; a hang fails the test after 60 s."""
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "designer.cli", *map(str, args)],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=60,
    )


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> str:
    """Exit status 2 and one sentence on stderr holding words; nothing else. Returns it."""
    err = result.stderr
    assert "Traceback" not in err and "Aborted" not in err, err
    assert result.returncode == 2, (result.returncode, err)
    assert err.startswith("engagement-designer: ") and err.count("\n") == 1, err
    for w in words:
        assert w in err, (w, err)
    assert not result.stdout
    return err
