"""The forecast without Qt: the model and where it is stored, the population, the tally."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from designer.bundle.build import build_bundle
from designer.bundle.forecast_manifest import forecast_manifest
from designer.bundle.runtime_scripts import reason_sentences
from designer.models import forecast_report as report
from designer.models.assets import Asset
from designer.models.forecast_model import (
    LEAVE,
    ModelError,
    checked_model,
    default_model,
    pages_from_urls,
    urls_from_sitemap,
)
from designer.models.forecast_population import (
    AT,
    DECLINES,
    EXITS,
    FLAGS,
    PAGE_FIELDS,
    Period,
    day_counts,
    utc_offsets,
    visitors,
)
from designer.models.forecast_reasons import OTHER, STEPS, pattern, step_of
from designer.models.forecast_results import Tally
from designer.models.forecast_store import MODEL_ASSET, load_model, save_model
from designer.models.store import Store

MONDAY = date(2031, 3, 3)


def test_the_defaults_describe_the_sample_site() -> None:
    model = checked_model(None)
    paths = [p["path"] for p in model["pages"]]
    assert paths[0] == "/" and "/cart" in paths and "/checkout" in paths and "/help" in paths
    assert model["devices"] == {"desktop": 55, "tablet": 10, "phone": 35}
    assert checked_model({"decline": 10})["decline"] == 10  # figures over the defaults


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        ({"devices": {"desktop": 0, "tablet": 0, "phone": 0}}, "The device shares are all 0"),
        ({"origin": "example"}, "The site's address must look like https://www.example.com."),
        ({"returning": 120}, "from 0 to 100"),
        ({"pages": [{"path": "/", "entry": 1, "next": {"/gone": 5}}]}, "/ leads to /gone"),
        ({"pages": [{"path": "cart"}]}, "starting with “/”"),
        ({"hours": [1, 2]}, "The hours' traffic needs 24 figures."),
        ("nonsense", "not a set of figures"),
        # figures as a designer writes them, not 1e+09 or -5.0
        (
            {"pages": [{"path": "/", "entry": -5.0}]},
            "The entry share of / must be a number from 0 to 1,000,000,000; it is -5.",
        ),
        ({"visits_per_day": 0}, "Visits per day must be a number from 1 to 10,000,000; it is 0."),
        ({"returning": 2.5e3}, "it is 2,500."),
    ],
)
def test_a_wrong_figure_is_named(change, sentence: str) -> None:
    with pytest.raises(ModelError, match=sentence.replace("(", r"\(").replace(".", r"\.")):
        checked_model(change)


def test_the_model_is_kept_in_the_store_and_never_exported(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite")
    assert load_model(store) == default_model()
    model = default_model() | {"visits_per_day": 777}
    save_model(store, model)
    save_model(store, model | {"decline": 5})
    assert load_model(store)["visits_per_day"] == 777 and load_model(store)["decline"] == 5
    with store.read() as s:
        assert s.query(Asset).filter_by(name=MODEL_ASSET).count() == 1
    with pytest.raises(ModelError):
        save_model(store, model | {"returning": -1})
    assert load_model(store)["decline"] == 5  # unchanged
    files = build_bundle(store, include_drafts=True).files
    assert not any(b"visits_per_day" in data for data in files.values())
    with store.edit() as s:
        s.query(Asset).filter_by(name=MODEL_ASSET).one().data = b"{damaged"
    assert load_model(store) == default_model()
    store.close()


def test_the_population_is_the_same_for_a_seed() -> None:
    model, period = default_model(), Period(MONDAY, 7, "Europe/London")
    first = [v for b in visitors(model, period, 3000, 7) for v in b]
    assert first == [v for b in visitors(model, period, 3000, 7, batch=500) for v in b]
    assert first != [v for b in visitors(model, period, 3000, 8) for v in b]
    assert len(first) == 3000 and sum(day_counts(model, period, 3000)) == 3000
    london = ZoneInfo("Europe/London")
    for v in first[:500]:
        at = datetime.fromtimestamp(v["pages"][0][AT] / 1000, london)
        assert at.weekday() * 24 + at.hour == v["how"]
        assert (at.date() - MONDAY).days == v["day"]
        if v["device"] != "desktop":
            assert not any(p[FLAGS] & EXITS for p in v["pages"])
    assert any(p[FLAGS] & DECLINES for v in first for p in v["pages"])
    carts = [p[-1] for v in first for p in v["pages"] if len(p) == len(PAGE_FIELDS)]
    assert carts and all(c[0] >= 0 for c in carts)
    assert sum(1 for v in first if v["visits"]) == pytest.approx(900, abs=90)  # 30 % returning


def test_time_zone_offsets_follow_summer_time() -> None:
    table = utc_offsets(
        {"Europe/London", "Not/AZone"}, Period(date(2031, 3, 27), 7, "Europe/London")
    )
    assert set(table) == {"Europe/London"}
    changes = table["Europe/London"]
    assert [offset for _, offset in changes] == [0, 60]
    assert datetime.fromtimestamp(changes[1][0] / 1000, ZoneInfo("UTC")) == datetime(
        2031, 3, 30, 1, 0, tzinfo=ZoneInfo("UTC")
    )


def test_every_sentence_of_the_decision_is_sorted_into_its_step() -> None:
    """Each reason the tag decides with (a top-level code of runtime/reasons.json, as the
    manifest carries it) is recognised by its sentence; parts of sentences are not reasons."""
    parts = re.compile(r"^(day\d|m_|a_|b_|w_|unknown_condition$)")
    sentences = reason_sentences()
    for code, text in sentences.items():
        if parts.match(code):
            continue
        sentence = re.sub(r"\{\d\}", "X", text)
        assert step_of(sentence) != OTHER, (code, sentence)
    beginnings = [prefix for _key, _words, prefixes in STEPS for prefix in prefixes]
    for prefix in beginnings:  # none left over from sentences the tag no longer says
        assert any(t.startswith(prefix) for t in sentences.values()), prefix
    assert step_of(sentences["campaign_group"].format("Sale", 10)) == "campaign_control"
    assert step_of(sentences["account_group"].format(5)) == "account_control"
    assert (
        step_of("The page has no element with id “promo-slot” to hold this embedded engagement.")
        == "element"
    )
    assert step_of("The page /cart is not in the entry point “Checkout”.") == "entry_point"
    assert step_of("Another engagement, “A”, was chosen by priority in the right zone.") == "zone"
    assert pattern("The campaign's hours do not include Monday 07:13 (UTC).") == pattern(
        "The campaign's hours do not include Sunday 23:59 (UTC)."
    )


def test_pages_from_a_sitemap() -> None:
    xml = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://shop.example/</loc></url><url><loc>https://shop.example/about</loc></url>"
        "</urlset>"
    )
    pages = pages_from_urls(urls_from_sitemap(xml))
    assert [p["path"] for p in pages] == ["/", "/about"]
    assert pages[0]["next"] == {"/about": 1, LEAVE: 1}
    assert checked_model({"pages": pages})["pages"][1]["path"] == "/about"
    with pytest.raises(ModelError, match="not a sitemap"):
        urls_from_sitemap("<urlset")


def test_the_tally_counts_what_the_tag_said(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "sample.sqlite")
    manifest = forecast_manifest(store)
    period = Period(MONDAY, 1, "UTC")
    ids = {e["name"]: e["id"] for e in manifest["engagements"]}
    button, banner = ids["Message us button"], ids["Free delivery banner"]
    batch = [
        {"day": 0, "device": "phone", "meta": False, "pages": [{"p": 0}]},
        {"day": 0, "device": "desktop", "meta": True, "pages": [{"p": 0}, {"p": 1}]},
    ]
    at = int(datetime(2031, 3, 3, 10, 30, tzinfo=ZoneInfo("UTC")).timestamp() * 1000)
    result = {
        "sentences": [
            "The visitor is in the account's control group (5% of visitors see no engagement).",
            "The page has no element with id “promo-slot” to hold this embedded engagement.",
        ],
        "visitors": [
            {"shown": [], "misses": [[button, 0], [banner, 0]], "declined": []},
            {
                "shown": [[button, 0, 0, at], [button, 1, 0, at]],
                "misses": [[banner, 1]],
                "declined": [],
            },
        ],
    }
    tally = Tally(manifest, period)
    tally.add(batch, result)
    f = tally.forecast
    assert f.visitors == 2 and f.pages == 3
    assert f.reached[button] == [1] and f.impressions[button] == [2]
    assert f.heat[button][10] == 2 and f.devices[button] == {"desktop": 1}
    assert f.held_out == {"account": 1}
    rows = {(r[0], r[1]): r[2] for r in report.reasons_table(f)[1:]}
    assert rows[("Free delivery banner", "No page element to hold it")] == 1
    assert rows[("Free delivery banner", "Account control group")] == 1
    assert [
        "2031-03-03",
        "Free delivery banner",
        "Account control group",
        1,
    ] in report.daily_reasons_table(f)
    table = report.engagement_table(f)
    assert table[1][:6] == ["Message us button", "Winter sale", "right side", 1, 50.0, 2]
    store.close()


def test_empty_zone_contests_say_why(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "sample.sqlite")
    f = Tally(forecast_manifest(store), Period(MONDAY, 1, "UTC")).forecast
    assert not f.contests
    assert report.uncontested(f) == (
        "No zone was contested: Checkout rescue and Cart toaster share the proactive zone, but "
        "no visitor could be shown two of them on the same page (their entry points, behaviors, "
        "audiences or hours never held together)."
    )
    assert [report.zone_words(z) for z in ("right", "embedded:promo-slot")] == [
        "right side",
        "page element #promo-slot",
    ]
    f.engagements = [e for e in f.engagements if e.zone != "proactive"]
    assert report.uncontested(f) == "No zone was contested: each zone has one engagement at most."
    store.close()
