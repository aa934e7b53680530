"""Export speed: a store of 1,000 engagements to a zip (goal: under 3 s), and bundle sizes.

The store: 10 published campaigns of 100 engagements each, from the gallery's
designs, 20 of them with a photo (so the image pipeline runs), built once per run.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from designer.bundle.export import export
from designer.bundle.images import clean_image
from designer.bundle.importer import import_bundle
from designer.models import Campaign, Engagement, EntryPoint
from designer.models.assets import add_asset
from designer.models.design import Element, WindowDesign
from designer.models.gallery import TEMPLATES
from designer.models.seed import AUTOMATIC_MESSAGES
from designer.models.store import Store
from designer.models.vocabulary import Zone
from tests.unit.bundle_samples import encoded, picture

CAMPAIGNS, PER_CAMPAIGN, WITH_PHOTO = 10, 100, 20
RUNS = 5


def build(path: Path) -> Store:
    store = Store.open(path, seed=False)
    photo = clean_image(encoded(picture(), "JPEG"), "photo.jpg")
    with store.edit() as s:
        asset = add_asset(s, "photo.jpg", photo.mime, photo.data)
        site = EntryPoint(
            name="Whole site", rules=[{"match": "wildcard", "value": "*", "exclude": False}]
        )
        n = 0
        for c in range(CAMPAIGNS):
            campaign = Campaign(name=f"Campaign {c}", status="published", priority="medium")
            s.add(campaign)
            for i in range(PER_CAMPAIGN):
                t = TEMPLATES[n % len(TEMPLATES)]
                e = Engagement(
                    name=f"Engagement {c}-{i}",
                    template=t.key,
                    kind=t.kind.value,
                    automatic_messages=AUTOMATIC_MESSAGES,
                    window_design=WindowDesign().to_dict(),
                    entry_point=site,
                    element_id=f"slot-{n}",
                    position=i,
                )
                e.set_format(t.format, Zone.RIGHT)
                designs = t.state_designs()
                if n < WITH_PHOTO:
                    designs.online.elements.append(
                        Element.new(
                            "image1", "image", width=80 + n, height=60, src=asset.ref, alt="A photo"
                        )
                    )
                e.set_state_designs(designs)
                campaign.engagements.append(e)
                n += 1
    return store


def median_seconds(work, runs: int = RUNS) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of work (CPU shows the cost on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = build(folder / "bench.sqlite")
        out = folder / "bundle.zip"
        seconds, cpu = median_seconds(lambda: export(store, None, out))
        result = export(store, None, out)
        files = result.bundle.files
        engagements = result.bundle.engagements
        print(
            f"export of {engagements} engagements to a zip: median {seconds:.2f} s "
            f"({cpu:.2f} s CPU; goal < 3 s)"
        )
        print(f"zip: {out.stat().st_size / 1024:.0f} KB, {len(files)} files")
        for name, data in files.items():
            if not name.startswith("images/"):
                gz = len(gzip.compress(data, 9))
                print(f"  {name}: {len(data) / 1024:.1f} KB, {gz / 1024:.1f} KB gzipped")
        images = [d for n, d in files.items() if n.startswith("images/")]
        print(f"  images/: {len(images)} files, {sum(map(len, images)) / 1024:.1f} KB")
        counter = iter(range(RUNS))
        imported, imported_cpu = median_seconds(
            lambda: import_bundle(
                Store.open(folder / f"in-{next(counter)}.sqlite", seed=False), out
            )
        )
        print(
            f"import of the same bundle into a new store: median {imported:.2f} s "
            f"({imported_cpu:.2f} s CPU)"
        )
        store.close()
