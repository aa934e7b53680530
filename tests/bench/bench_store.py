"""Store speed: open a large store and list its campaigns; commit one edit.

The large store (10,000 campaigns, 50,000 engagements with the gallery's
designs) is built once with bulk Core inserts and kept under /tmp.
"""

from __future__ import annotations

import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from designer.models import Behavior, Campaign, Engagement, EntryPoint, TargetAudience, migrate
from designer.models.design import WindowDesign
from designer.models.gallery import TEMPLATES
from designer.models.seed import AUTOMATIC_MESSAGES
from designer.models.store import Store
from designer.models.summary import campaign_rows

CAMPAIGNS, ENGAGEMENTS = 10_000, 50_000
RUNS = 7
EDITS = 200

# One cold start: a fresh interpreter imports the app, opens the store, lists it.
COLD_OPEN = """
import sys, time
started = time.perf_counter()
from designer.models.store import Store
from designer.models.summary import campaign_rows
imported = time.perf_counter()
store = Store.open(sys.argv[1])
with store.read() as s:
    rows = campaign_rows(s)
store.close()
print(time.perf_counter() - started, imported - started, len(rows))
"""


def bench_store_path() -> Path:
    folder = Path(tempfile.gettempdir()) / "engagement-designer-bench"
    return folder / f"store-{CAMPAIGNS}-{ENGAGEMENTS}-{migrate.head_revision()}.sqlite"


def build(path: Path) -> None:
    """The large store, through bulk inserts: a few seconds instead of minutes of ORM adds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".building")
    for leftover in path.parent.glob("store-*"):  # older schemas and interrupted builds
        leftover.unlink()
    store = Store.open(partial, seed=False)
    rng = random.Random(7)
    with store.engine.begin() as conn:
        conn.execute(
            insert(EntryPoint),
            [
                {"name": f"Section {i}", "rules": [{"match": "contains", "value": f"/s{i}"}]}
                for i in range(200)
            ],
        )
        conn.execute(
            insert(Behavior),
            [
                {"name": f"Behavior {i}", "conditions": [{"type": "pages_viewed", "count": i % 9}]}
                for i in range(50)
            ],
        )
        conn.execute(insert(TargetAudience), [{"name": f"Audience {i}"} for i in range(20)])
        conn.execute(
            insert(Campaign),
            [
                {
                    "name": f"Campaign {i:05d}",
                    "description": "A campaign of the benchmark store.",
                    "audience_id": 1 + i % 20,
                    "hours_mode": "weekly",
                    "shifts": [{"weekday": d, "start": 540, "end": 1050} for d in range(5)],
                    "priority": ("high", "medium", "low")[i % 3],
                    "status": ("draft", "published", "disabled")[i % 3],
                }
                for i in range(CAMPAIGNS)
            ],
        )
        window = WindowDesign().to_dict()
        designs = [(t, t.state_designs().to_dict()) for t in TEMPLATES]
        for start in range(0, ENGAGEMENTS, 5000):
            rows = []
            for i in range(start, start + 5000):
                t, design = designs[rng.randrange(len(designs))]
                rows.append(
                    {
                        "campaign_id": 1 + i // (ENGAGEMENTS // CAMPAIGNS),
                        "position": i % (ENGAGEMENTS // CAMPAIGNS),
                        "name": f"Engagement {i}",
                        "format": t.format.value,
                        "zone": "embedded" if "embedded" in t.format.value else "proactive",
                        "element_id": f"slot-{i % 7}",
                        "kind": t.kind.value,
                        "template": t.key,
                        "automatic_messages": AUTOMATIC_MESSAGES,
                        "designs": design,
                        "window_design": window,
                        "entry_point_id": 1 + i % 200,
                        "behavior_id": 1 + i % 50,
                    }
                )
            conn.execute(insert(Engagement), rows)
    store.close()
    partial.rename(path)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_cold_open(path: Path) -> None:
    walls, insides, imports, cpus = [], [], [], []
    for _ in range(RUNS):
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", COLD_OPEN, str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        insides.append(float(out[0]))
        imports.append(float(out[1]))
        assert int(out[2]) == CAMPAIGNS
    inside, imported = statistics.median(insides), statistics.median(imports)
    print(
        f"open + list {CAMPAIGNS} campaigns in a fresh process, wall: median {ms(statistics.median(walls))}"
    )
    print(
        f"  inside the process: median {ms(inside)}  (goal < 300 ms), "
        f"of which importing the app {ms(imported)}"
    )
    # CPU time hardly changes when other programs share the cores; wall time does.
    print(f"  CPU time of the whole process (user + system): median {ms(statistics.median(cpus))}")


def bench_warm_open(path: Path) -> None:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        store = Store.open(path)
        with store.read() as s:
            rows = campaign_rows(s)
        store.close()
        times.append(time.perf_counter() - started)
        assert len(rows) == CAMPAIGNS
    print(
        f"open + list, in a process that has imported the app: median {ms(statistics.median(times))}"
    )


def bench_edit(path: Path) -> None:
    store = Store.open(path)
    rng = random.Random(11)
    times = []
    for n in range(EDITS):
        engagement_id = rng.randrange(1, ENGAGEMENTS + 1)
        started = time.perf_counter()
        with store.edit() as s:
            engagement = s.get(Engagement, engagement_id)
            designs = engagement.state_designs()
            designs.online.elements[0].props["text"] = f"Edited {n}"
            engagement.set_state_designs(designs)
        times.append(time.perf_counter() - started)
    with store.read() as s:
        assert s.scalar(select(Engagement.designs).filter_by(id=engagement_id))
    store.close()
    print(
        f"one edit committed (a design's text):              median {ms(statistics.median(times))}, "
        f"p95 {ms(percentile(times, 0.95))}  (goal p95 < 10 ms)"
    )


def main() -> None:
    path = bench_store_path()
    if not path.exists():
        started = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - started:.1f} s")
    print(f"store: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    bench_cold_open(path)
    bench_warm_open(path)
    bench_edit(path)


if __name__ == "__main__":
    main()
