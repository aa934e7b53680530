"""Bundles for the import tests: a good one changed in the ways an attacker would, and the
real command line run on them in a child process whose peak memory is measured."""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from designer.bundle.files import hashed_name, short_hash

PLACEHOLDER = '"@@raw@@"'
HANG = 300  # seconds: an import that waits forever (on a pipe, say) fails instead of hanging
# Runs the command line's main() in a grandchild and writes that process's own peak
# memory. Linux carries a process's peak over fork and exec, so a child of the test
# (hundreds of MB) would report the test's own peak; this small parent keeps it out.
MEASURED = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-m", "designer.cli", *sys.argv[2:]])
_, status, usage = os.wait4(child.pid, 0)
child.returncode = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as out:
    out.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(child.returncode)
"""


def manifest_name(files: dict[str, bytes]) -> str:
    return next(n for n in files if n.startswith("engagements.") and n.endswith(".json"))


def with_manifest(files: dict[str, bytes], data: bytes) -> dict[str, bytes]:
    """files with another manifest under its proper hashed name (install.html left out)."""
    out = {n: d for n, d in files.items() if n != manifest_name(files) and n != "install.html"}
    out[hashed_name("engagements", "json", data)] = data
    return out


def edited(files: dict[str, bytes], change: Callable[[dict], Any]) -> dict[str, bytes]:
    manifest = json.loads(files[manifest_name(files)])
    change(manifest)
    return with_manifest(files, json.dumps(manifest).encode())


def with_raw(files: dict[str, bytes], change: Callable[[dict], Any], raw: str) -> dict[str, bytes]:
    """files whose manifest has raw JSON text where change put PLACEHOLDER's string."""
    manifest = json.loads(files[manifest_name(files)])
    change(manifest)
    text = json.dumps(manifest)
    assert text.count(PLACEHOLDER) == 1
    return with_manifest(files, text.replace(PLACEHOLDER, raw).encode())


def with_images(files: dict[str, bytes], images: list[tuple[bytes, str]]) -> dict[str, bytes]:
    """files whose first engagements show these (data, extension) images as their background,
    each as its own 1x and 2x image, under the names the bundle's checks expect."""
    added, pairs = {}, []
    for data, ext in images:
        name = f"images/{short_hash(data)}.{ext}"
        pair = {"src": name, "src2x": name.replace(f".{ext}", f"@2x.{ext}")}
        added |= {pair["src"]: data, pair["src2x"]: data}
        pairs.append(pair)

    def change(manifest: dict) -> None:
        for engagement, pair in zip(manifest["engagements"], pairs, strict=False):
            engagement["designs"]["online"]["props"]["background_image"] = pair

    return edited({**files, **added}, change)


def zip_with(members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            z.writestr(info, data)
    return out.getvalue()


def lying_sizes(data: bytes, declared: int) -> bytes:
    """The zip with every member's declared uncompressed size replaced (central and local)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<I", out, at + 24, declared)
        local = struct.unpack_from("<I", out, at + 42)[0]
        struct.pack_into("<I", out, local + 22, declared)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def write_folder(files: dict[str, bytes], folder: Path) -> Path:
    """The bundle written as a folder, as an export to a folder writes it."""
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class CliRun:
    status: int
    out: str
    err: str
    peak_mb: float
    seconds: float  # wall-clock, from start to exit
    cpu_seconds: float  # the importing process's own, which a busy machine does not inflate


def run_import(bundle: Path, store: Path, work: Path) -> CliRun:
    """`engagement-designer import BUNDLE --store STORE` in a new process, measured."""
    peak = work / "peak-rss-kb-and-cpu-seconds"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, str(peak), "import", str(bundle), "--store", str(store)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=HANG,
    )
    seconds = time.perf_counter() - started
    kb, cpu = peak.read_text().split()
    return CliRun(done.returncode, done.stdout, done.stderr, int(kb) / 1024, seconds, float(cpu))
