"""Import against hostile bundles: time and peak memory of the heaviest ones through the
real command line (goals: under 10 s on 2 cores, under 300 MB), and how long a folder
among 100,000 unrelated files takes to read (goal: linear, no work per unrelated file).

Each import runs in its own process (tests/unit/hostile_bundles.run_import): wall-clock
seconds, that process's CPU seconds (what a busy machine does not inflate) and its peak
resident memory.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from PIL import Image

from designer.bundle import bundle_limits as limits
from designer.bundle.build import bundle_files
from designer.bundle.bundle_reader import read_bundle
from designer.bundle.files import zip_bytes
from designer.models.store import Store
from tests.bench.bench_export import median_seconds
from tests.unit.bundle_samples import add_picture
from tests.unit.hostile_bundles import edited, run_import, with_images, write_folder

UNRELATED = 100_000
Files = dict[str, bytes]


def _at_every_cap(good: Files) -> Files:
    """As many campaigns, engagements, library items and scheduler rows as one import takes."""

    def change(m: dict) -> None:
        c0, e0, ep0, b0 = (
            m["campaigns"][0],
            m["engagements"][0],
            m["entry_points"][0],
            m["behaviors"][0],
        )
        m["campaigns"] = [
            {**c0, "id": i, "name": f"C{i}"} for i in range(1, limits.CAMPAIGNS.limit + 1)
        ]
        m["engagements"] = [
            {**e0, "id": i, "campaign": 1 + i % limits.CAMPAIGNS.limit, "name": f"E{i}"}
            for i in range(1, limits.ENGAGEMENTS.limit + 1)
        ]
        items = range(1, limits.LIBRARY_ITEMS.limit + 1)
        m["entry_points"] = [{**ep0, "id": i, "name": f"P{i}"} for i in items]
        m["behaviors"] = [{**b0, "id": i, "name": f"B{i}"} for i in items]
        m["account"]["skills"] = [{"id": i, "name": f"S{i}"} for i in items]
        rows = range(limits.SCHEDULER_ITEMS.limit)
        m["account"]["scheduler"] = {
            "shifts": [
                {"weekday": i % 7, "start": 0, "end": 60, "skill": 1 + i % 1000} for i in rows
            ],
            "holidays": [{"date": "2027-01-01", "name": f"H{i}", "skill": None} for i in rows],
        }

    return edited(good, change)


def _images(good: Files, pictures: list[Image.Image], fmt: str) -> Files:
    """The bundle whose first engagements show these pictures (each its own 1x and 2x)."""
    encoded = []
    for picture in pictures:
        out = io.BytesIO()
        picture.save(out, fmt, **({"quality": 85} if fmt == "JPEG" else {"compress_level": 1}))
        encoded.append((out.getvalue(), "jpg" if fmt == "JPEG" else "png"))
    return with_images(good, encoded)


def _noise(size: tuple[int, int]) -> Image.Image:
    return Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))


def _pixels_at_the_budget(good: Files) -> Files:
    """Three photos of 4,000 × 4,096 pixels, each the 1x and the 2x image: 98 M pixels."""
    noise = Image.effect_noise((4000, 4096), 40).convert("RGB")
    return _images(good, [noise.rotate(90 * i, expand=False) for i in range(3)], "JPEG")


def _bytes_at_the_budget(good: Files) -> Files:
    """Images that cannot be compressed, close to the 100 MB read in all."""
    sizes = [(2560, 2600), (2560, 2600), (1800, 1700)]
    return _images(good, [_noise(size) for size in sizes], "PNG")


def _measure(name: str, bundle: Path, work: Path, fresh: bool) -> None:
    store = work / f"{name}.sqlite"
    Store.open(store, seed=not fresh).close()
    run = run_import(bundle, store, work)
    said = (run.out or run.err).strip().splitlines()[0][:150]
    print(
        f"{name}: exit {run.status}, {run.seconds:.1f} s wall, {run.cpu_seconds:.1f} s CPU, "
        f"peak {run.peak_mb:.0f} MB (goals < 10 s, < 300 MB)\n    {said}"
    )


def _folder_among_unrelated(good: Files, folder: Path, count: int) -> None:
    write_folder(good, folder)
    for i in range(count // 2):
        os.close(os.open(folder / f"page-{i}.html", os.O_CREAT | os.O_WRONLY, 0o644))
        os.close(os.open(folder / "images" / f"photo-{i}.png", os.O_CREAT | os.O_WRONLY, 0o644))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = Store.open(work / "source.sqlite")
        add_picture(source)
        good = bundle_files(source, include_drafts=True)
        source.close()
        cases = {
            "at every cap (500 campaigns, 1,000 engagements, 3 × 1,000 library items, "
            "4,000 scheduler rows)": _at_every_cap(good),
            "98 M pixels of photos to decode": _pixels_at_the_budget(good),
            "94 MB of images to read and decode": _bytes_at_the_budget(good),
        }
        for name, files in cases.items():
            bundle = work / "bundle.zip"
            bundle.write_bytes(zip_bytes(files))
            _measure(name, bundle, work, fresh=True)
        for count in (UNRELATED // 10, UNRELATED):
            folder = work / f"site-{count}"
            _folder_among_unrelated(good, folder, count)
            wall, cpu = median_seconds(lambda folder=folder: read_bundle(folder), runs=3)
            print(
                f"reading a folder bundle among {count:,} unrelated files: "
                f"median {wall * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU)"
            )
        _measure(f"import of that folder among {UNRELATED:,} files", folder, work, fresh=True)
