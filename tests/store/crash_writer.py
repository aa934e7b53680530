"""A store writer made to be killed, for tests/store/test_crash.py.

Run as `python crash_writer.py STORE`. It imports the app once, then for each
"go" line on stdin forks a worker that opens the store and edits it through
Store.edit() until it is killed, writing "campaign <id>" or "counter <n>" to
stdout after each edit has committed. The server writes "worker <pid>" when a
worker starts and "dead" once it is gone, so the reader knows that every line
the worker wrote came before. Forking keeps each round to a few milliseconds
instead of a fresh interpreter's import time; the worker is still a process
of its own with its own database connections, killed with SIGKILL.
"""

from __future__ import annotations

import os
import random
import sys
import time

from sqlalchemy import select

from designer.models import Campaign
from designer.models.store import Store

COUNTER = "Crash counter"
LIFETIME = 5.0  # seconds; a worker nobody kills stops by itself


def say(line: str) -> None:
    os.write(1, f"{line}\n".encode())  # one write: lines of two processes never mix


def work(path: str) -> None:
    store = Store.open(path, seed=False)
    rng = random.Random(os.getpid())
    deadline = time.monotonic() + LIFETIME
    while time.monotonic() < deadline:
        if rng.random() < 0.5:
            with store.edit() as s:
                campaign = Campaign(
                    name=f"Crash {os.getpid()} {rng.random()}",
                    description="x" * rng.randrange(10, 20_000),
                    shifts=[{"weekday": d, "start": 480, "end": 1200} for d in range(7)],
                )
                s.add(campaign)
                s.flush()
                campaign_id = campaign.id
            say(f"campaign {campaign_id}")
        else:
            with store.edit() as s:
                counter = s.scalar(select(Campaign).filter_by(name=COUNTER))
                if counter is None:
                    counter = Campaign(name=COUNTER, description="0")
                    s.add(counter)
                counter.description = str(int(counter.description) + 1)
                value = counter.description
            say(f"counter {value}")


def main() -> None:
    path = sys.argv[1]
    for command in sys.stdin:
        if command.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                work(path)
            finally:
                os._exit(0)
        say(f"worker {pid}")
        os.waitpid(pid, 0)
        say("dead")


if __name__ == "__main__":
    main()
