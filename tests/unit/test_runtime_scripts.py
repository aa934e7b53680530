"""The runtime as shipped: tag.js assembled from its parts, minified, the same bytes everywhere."""

from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from importlib import resources

from designer.bundle.build import build_bundle
from designer.bundle.runtime_scripts import TAG_PARTS, readable_source, runtime_file
from designer.models.store import Store

SHIPPED = ("tag.js", "draw.js", "window.js")
DIGEST = (
    "import hashlib; from designer.bundle.runtime_scripts import runtime_file; "
    "print(hashlib.sha256(runtime_file('tag.js') + runtime_file('window.js')).hexdigest())"
)


def test_every_runtime_part_is_in_the_tag() -> None:
    folder = resources.files("designer.bundle").joinpath("runtime")
    on_disk = {p.name for p in folder.iterdir() if p.name.endswith(".js")}
    assert on_disk - set(TAG_PARTS) == {"draw.js", "window.js"}  # no part is left out silently
    assert set(TAG_PARTS) <= on_disk


def test_the_exported_tag_is_the_minified_assembled_runtime(store: Store) -> None:
    files = build_bundle(store).files
    tags = [data for name, data in files.items() if name.startswith("tag.")]
    assert tags == [runtime_file("tag.js")]
    tag = tags[0].decode()
    assert tag.startswith('(function(){"use strict";') and tag.endswith("})()\n")
    assert "EngagementTag" in tag and "decisions" in tag  # the API keeps its names
    readable = readable_source("tag.js").encode()
    assert len(gzip.compress(tags[0])) < len(gzip.compress(readable))


def test_the_shipped_runtime_is_the_same_bytes_in_every_process() -> None:
    here = hashlib.sha256(runtime_file("tag.js") + runtime_file("window.js")).hexdigest()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", DIGEST], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == here


def test_the_shipped_runtime_keeps_to_a_strict_csp() -> None:
    for name in SHIPPED:
        text = runtime_file(name).decode()
        for forbidden in ("eval(", "Function(", "innerHTML", "insertAdjacentHTML", "cssText"):
            assert forbidden not in text, f"{name} uses {forbidden}"
        assert 'setAttribute("style"' not in text
