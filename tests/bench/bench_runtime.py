"""The runtime tag's cost to a site: sizes, decision time, layout shift.

- tag.js and window.js gzipped (goal: tag.js at most 8 KB);
- the median time of EngagementTag.decisions() for a manifest of 1,000
  engagements in headless Chromium (goal: under 5 ms);
- the cumulative layout shift the tag causes on the sample checkout page with
  the exported sample store (goal: 0; engagements are fixed overlays or fill a
  reserved page element);
- on that page, desktop and phone: the longest task and the tasks of 50 ms or more
  (goal: none), the page's script time (goal: median <= 10 ms), and the gzipped bytes
  loaded before the first engagement shows, beside the tag as it was at fa80df8.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
from pathlib import Path

from designer.bundle.export import export
from designer.bundle.runtime_scripts import readable_source
from designer.models import clock
from designer.models.store import Store
from tests.bench.page_cost import (
    first_engagement_bytes,
    page_costs,
    previous_tag,
    with_previous_tag,
)
from tests.browser import manifests as m
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE
from tests.browser.site import Site, runtime_source
from tests.moments import MONDAY_10 as PINNED
from tests.moments import MONDAY_10_ISO

ENGAGEMENTS, CAMPAIGNS, RUNS = 1000, 20, 60
TEMPLATE_KEYS = ("sales-sticky", "sales-slide-out", "checkout-overlay", "promo-banner")
MONDAY_10 = MONDAY_10_ISO


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def big_manifest() -> dict:
    """1,000 engagements over 20 campaigns, each with an entry point, half with a behavior."""
    rules = [
        ("contains", "/shop", False),
        ("regex", r"^/(shop|cart)/", False),
        ("wildcard", "/shop/*", False),
        ("starts_with", "/help/", False),
    ]
    entry_points = [
        m.entry_point(i + 1, f"Section {i + 1}", rules[i % 4], ("contains", "/done", True))
        for i in range(40)
    ]
    behaviors = [
        m.rule_set(1, "Lingering", {"type": "time_on_entry_point", "seconds": 5}),
        m.rule_set(
            2,
            "Big cart",
            {"type": "cart_value", "minimum": 50, "maximum": 1e9},
            {"type": "pages_viewed", "count": 1},
            match="any",
        ),
        m.rule_set(3, "Scrolled", {"type": "scroll_depth", "percent": 10}),
    ]
    audience = {
        "name": "Returning",
        "match": "any",
        "conditions": [
            {"type": "visitor_type", "visitor": "returning"},
            {"type": "platform", "platforms": ["desktop"]},
        ],
    }
    campaigns = [
        m.campaign(
            c + 1,
            priority=("high", "medium", "low")[c % 3],
            weight=(70, 20, 10)[c % 3],
            control_group_percent=10,
            audience=audience,
            time_frame=m.time_frame(
                hours_mode="weekly",
                starts_at="2026-01-01T00:00",
                shifts=[{"weekday": d, "start": 480, "end": 1320} for d in range(7)],
            ),
        )
        for c in range(CAMPAIGNS)
    ]
    engagements = []
    for i in range(ENGAGEMENTS):
        key = TEMPLATE_KEYS[i % len(TEMPLATE_KEYS)]
        extra = {"element_id": f"slot-{i % 7}"} if key == "promo-banner" else {}
        engagements.append(
            m.engagement(
                i + 1,
                key,
                campaign=i % CAMPAIGNS + 1,
                skill=1,
                entry_point=(i // 4) % 40 + 1,
                behavior=(i % 3 + 1) if i % 2 else None,
                **extra,
            )
        )
    scheduler = {
        "shifts": [{"skill": 1, "weekday": d, "start": 540, "end": 1050} for d in range(5)],
        "holidays": [],
    }
    return m.manifest(
        *engagements,
        campaigns=campaigns,
        entry_points=entry_points,
        behaviors=behaviors,
        control_group_percent=5,
        scheduler=scheduler,
    )


DECISIONS_TIMER = """runs => {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        EngagementTag.decisions();
        times.push(performance.now() - t0);
    }
    return times;
}"""

PREVIEW_OUT_OF_CONTROL_GROUP = (
    f"window.EngagementTag = [api => api.preview({{control_group: 'out', now: '{MONDAY_10}'}})];"
)
CLS_OBSERVER = (
    "window.cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " if (!e.hadRecentInput) window.cls += e.value; }).observe({type: 'layout-shift', buffered: true});"
)


def sample_page(site: Site, store_dir: Path) -> str:
    with clock.pinned(PINNED):  # the sample's time frame holds the preview's clock
        store = Store.open(store_dir / "sample.sqlite")
    try:
        export(store, None, site.root / "sample")
    finally:
        store.close()
    tag = next(p.name for p in (site.root / "sample").glob("tag.*.js"))
    manifest = next(p.name for p in (site.root / "sample").glob("engagements.*.json"))
    checkout = (
        Path(__file__).parents[2] / "designer/preview/sample_site/checkout.html"
    ).read_text()
    css = (Path(__file__).parents[2] / "designer/preview/sample_site/site.css").read_text()
    site.write("site.css", css + "\n#promo-slot { min-height: 120px; }\n")
    snippet = (
        f'<script>{CLS_OBSERVER}</script><script async src="/sample/{tag}" '
        f'data-manifest="{manifest}"></script>'
    )
    page = checkout.replace("</head>", snippet + "</head>").replace(
        "<h1>Checkout</h1>", '<h1>Checkout</h1><div id="promo-slot" class="slot"></div>'
    )
    return site.write("shop/checkout/index.html", page)


def main() -> None:
    from playwright.sync_api import sync_playwright

    tag, window = runtime_source("tag.js"), runtime_source("window.js")
    print(f"tag.js: {len(tag) / 1024:.1f} KB, gzipped {gzipped(tag) / 1024:.2f} KB (goal <= 8 KB)")
    old = previous_tag()
    if old is not None:
        print(f"tag.js at fa80df8: {len(old) / 1024:.1f} KB, gzipped {gzipped(old) / 1024:.2f} KB")
    draw = runtime_source("draw.js")
    print(
        f"draw.js: {len(draw) / 1024:.1f} KB, gzipped {gzipped(draw) / 1024:.2f} KB"
        " (loaded with the styles once an engagement is to show)"
    )
    print(f"window.js: {len(window) / 1024:.1f} KB, gzipped {gzipped(window) / 1024:.2f} KB")
    for name in ("tag.js", "draw.js", "window.js"):
        readable = readable_source(name).encode()
        print(f"{name} before minifying: gzipped {gzipped(readable) / 1024:.2f} KB")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        site = Site(Path(tmp) / "site")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(**DESKTOP)
            page = context.new_page()
            slots = "".join(f'<div id="slot-{i}"></div>' for i in range(7))
            page.goto(site.publish(big_manifest(), slots, path="shop/boots/index.html"))
            page.wait_for_function(
                "() => window.EngagementTag.decisions && EngagementTag.decisions().length"
            )
            page.evaluate(
                "o => EngagementTag.preview(o)",
                {"now": MONDAY_10, "control_group": "out", "time_on_page": 10},
            )
            times = page.evaluate(DECISIONS_TIMER, RUNS)[10:]  # after the JIT warmed up
            showing = page.evaluate("EngagementTag.decisions().filter(d => d.shows).length")
            print(
                f"decisions() for {ENGAGEMENTS} engagements: median {statistics.median(times):.2f} ms, "
                f"max {max(times):.2f} ms over {len(times)} runs ({showing} showing) (goal < 5 ms)"
            )
            context.close()

            Path(tmp, "store").mkdir()
            url = sample_page(site, Path(tmp, "store"))
            for device, options in (("desktop", DESKTOP), ("phone", PHONE)):
                shifts = []
                for _ in range(5):
                    context = browser.new_context(**options)
                    page = context.new_page()
                    page.add_init_script(PREVIEW_OUT_OF_CONTROL_GROUP)
                    page.goto(url)
                    page.wait_for_selector("#promo-slot ed-engagement")
                    page.wait_for_selector(".ed-zone-right")
                    page.wait_for_timeout(1000)
                    shifts.append(page.evaluate("window.cls"))
                    context.close()
                print(
                    f"layout shift caused by the tag on the sample checkout page ({device}): "
                    f"median CLS {statistics.median(shifts):.4f}, max {max(shifts):.4f} "
                    f"over {len(shifts)} loads (goal 0)"
                )
            sizes = first_engagement_bytes(site.root / "sample")
            print(
                "bytes before the first engagement (gzipped): "
                + ", ".join(f"{k} {v / 1024:.2f} KB" for k, v in sizes.items())
                + f", in all {sum(sizes.values()) / 1024:.2f} KB"
            )
            previous = with_previous_tag(site.root, url)
            for device, options in (("desktop", DESKTOP), ("phone", PHONE)):
                pages = [("this tag", url)] + ([("fa80df8 tag", previous)] if previous else [])
                for label, address in pages:
                    c = page_costs(browser, address, options, PREVIEW_OUT_OF_CONTROL_GROUP)
                    print(
                        f"sample checkout page, {device}, {label}: longest task "
                        f"{c['longest']:.0f} ms, tasks >= 50 ms {c['long_tasks']:.0f} (goal 0), "
                        f"script time {c['script_ms']:.1f} ms (goal <= 10 ms; least "
                        f"{c['script_min']:.1f} ms), medians of 11 loads"
                    )
        finally:
            browser.close()
            site.close()


if __name__ == "__main__":
    main()
