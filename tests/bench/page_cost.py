"""What the tag costs a page of the sample site: long tasks, script time, bytes before the
first engagement, beside the tag as it was at fa80df8 (before shadow roots, reason codes
and the manifest's time zones), built from git with the same minifier."""

from __future__ import annotations

import gzip
import statistics
import subprocess
from pathlib import Path
from typing import Any

from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print

from designer.bundle.runtime_scripts import TAG_PARTS

PREVIOUS = "fa80df8"
_SHOW = TAG_PARTS.index("show.js")
# tag.js's parts at that commit, in order: today's, with render.js (now draw.js) before show.js
PREVIOUS_PARTS = TAG_PARTS[:_SHOW] + ("render.js",) + TAG_PARTS[_SHOW:]
ROOT = Path(__file__).parents[2]
LOADS = 11
LONG_TASKS = (
    "window.longTasks = []; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " window.longTasks.push(e.duration); }).observe({type: 'longtask', buffered: true});"
)


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def previous_tag() -> bytes | None:
    """tag.js as fa80df8 shipped it (None when git or that commit is not at hand)."""
    parts = []
    for part in PREVIOUS_PARTS:
        done = subprocess.run(
            ["git", "show", f"{PREVIOUS}:designer/bundle/runtime/{part}"],
            cwd=ROOT,
            capture_output=True,
        )
        if done.returncode != 0:
            return None
        parts.append(done.stdout.decode())
    source = '(function () {\n"use strict";\n' + "\n".join(parts) + "})();\n"
    text = minify_print(es5(source), obfuscate=True, obfuscate_globals=False, drop_semi=True)
    return (text + "\n").encode()


def page_costs(browser: Any, url: str, options: dict, init_script: str) -> dict[str, float]:
    """Medians over LOADS fresh loads of url until its right-zone engagement shows: the longest
    task (ms), the number of tasks of 50 ms or more, and the page's script time (ms, from the
    DevTools Performance domain's ScriptDuration)."""
    longest, counts, scripts = [], [], []
    for _ in range(LOADS):
        context = browser.new_context(**options)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.add_init_script(LONG_TASKS + init_script)
        page.goto(url)
        page.wait_for_timeout(1500)  # no polling meanwhile: it would be script time of its own
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        drawn = "document.querySelector('ed-engagement, .ed-engagement.ed-zone-right')"
        assert page.evaluate(f"!!{drawn}"), "the sample's engagements did not show"
        tasks = page.evaluate("window.longTasks")
        longest.append(max(tasks, default=0.0))
        counts.append(len([t for t in tasks if t >= 50]))
        scripts.append(metrics.get("ScriptDuration", 0.0) * 1000)
        context.close()
    return {
        "longest": statistics.median(longest),
        "long_tasks": statistics.median(counts),
        "script_ms": statistics.median(scripts),
        "script_min": min(scripts),  # the least disturbed load: on a busy machine the median drifts
    }


def first_engagement_bytes(folder: Path) -> dict[str, int]:
    """Gzipped bytes of what a page loads before its first engagement shows."""
    pick = {
        "tag": next(folder.glob("tag.*.js")),
        "draw": next(folder.glob("draw.*.js")),
        "manifest": next(folder.glob("engagements.*.json")),
        "css": next(folder.glob("engagements.*.css")),
    }
    return {name: gzipped(path.read_bytes()) for name, path in pick.items()}


def with_previous_tag(site_root: Path, sample_url: str) -> str | None:
    """A copy of the sample page loading the previous tag (its bundle otherwise the same)."""
    old = previous_tag()
    if old is None:
        return None
    folder = site_root / "sample"
    (folder / "tag.previous.js").write_bytes(old)
    page_path = site_root / "shop/checkout/index.html"
    text = page_path.read_text()
    current = next(folder.glob("tag.*.js")).name
    if current == "tag.previous.js":  # glob order: the exported tag is the other one
        current = next(p.name for p in folder.glob("tag.*.js") if p.name != "tag.previous.js")
    (site_root / "shop/checkout/previous.html").write_text(text.replace(current, "tag.previous.js"))
    return sample_url.replace("/shop/checkout/index.html", "/shop/checkout/previous.html")
