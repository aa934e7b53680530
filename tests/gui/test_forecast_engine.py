"""The forecast through the real tag, where the answer is known.

Each store is built here (no dates in it); the forecast starts on a date the
test gives, so nothing depends on today or the hour. The visitors see a
one-page site unless the test needs more: the known answers do not depend on
how a site is browsed, and one page a visit keeps the runs short.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from designer.bundle.forecast_manifest import PUBLISHED
from designer.bundle.forecast_plan import plan
from designer.models import forecast_report as report
from designer.models.account import AccountSettings
from designer.models.campaign import Campaign, CampaignVersion
from designer.models.engagement import Engagement
from designer.models.forecast_model import LEAVE, default_model
from designer.models.gallery import template
from designer.models.libraries import EntryPoint
from designer.models.store import Store
from designer.preview.forecast_engine import run_forecast

MONDAY = date(2031, 3, 3)


def one_page_model(**figures) -> dict:
    model = default_model()
    model["pages"] = [
        {
            "path": "/",
            "name": "Home",
            "entry": 100,
            "seconds": 20,
            "scroll": 50,
            "next": {LEAVE: 100},
        }
    ]
    model.update(figures)
    return model


def add_engagement(s, campaign: Campaign, name: str, key: str, site: EntryPoint) -> Engagement:
    t = template(key)
    e = Engagement(name=name, template=key, kind=t.kind.value, entry_point=site)
    e.set_format(t.format)
    e.set_state_designs(t.state_designs())
    e.position = len(campaign.engagements)
    campaign.engagements.append(e)
    return e


def make_store(path: Path, campaigns: list[dict], account_control: int = 5) -> Store:
    """campaigns: {"name", "priority", "control", "hours": [(start, end)], "engagements": [(name, key)]}."""
    store = Store.open(path, seed=False)
    with store.edit() as s:
        store.account(s).control_group_percent = account_control
        site = EntryPoint(
            name="Whole site", rules=[{"match": "wildcard", "value": "*", "exclude": False}]
        )
        s.add(site)
        for spec in campaigns:
            hours = spec.get("hours")
            c = Campaign(
                name=spec["name"],
                priority=spec.get("priority", "medium"),
                control_group_percent=spec.get("control", 10),
                hours_mode="specific_hours" if hours else "all_hours",
                shifts=[{"weekday": 0, "start": a * 60, "end": b * 60} for a, b in hours or []],
                time_zone="UTC",
            )
            s.add(c)
            for name, key in spec["engagements"]:
                add_engagement(s, c, name, key, site)
    return store


def forecast(store: Store, visitors: int, model: dict, days: int = 7, seed: int = 1, which="draft"):
    return run_forecast(plan(store, MONDAY, days, visitors, seed, which, model))


def test_control_groups_hold_out_their_shares(qapp, tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "c.sqlite",
        [{"name": "Everyone", "control": 10, "engagements": [("Chat", "sales-sticky")]}],
        account_control=5,
    )
    f = forecast(store, 20_000, one_page_model())
    chat = f.engagements[0].id
    assert f.visitors == 20_000
    assert 85.0 <= 100 * f.reach(chat) <= 86.0  # 100 % - 5 % - 95 % x 10 %
    held = {row[0]: row[2] for row in report.control_table(f)[1:]}
    assert 4.5 <= held["Account"] <= 5.5
    assert 9.0 <= held["Campaign “Everyone”"] <= 10.0
    reasons = {row[4] for row in report.reasons_table(f)[1:]}
    assert (
        "The visitor is in the account's control group (5% of visitors see no engagement)."
        in reasons
    )


def test_priorities_split_a_zone_70_to_20(qapp, tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "z.sqlite",
        [
            {
                "name": "Sale",
                "priority": "high",
                "control": 0,
                "engagements": [("Sale button", "sales-sticky")],
            },
            {
                "name": "Care",
                "priority": "medium",
                "control": 0,
                "engagements": [("Care button", "sales-sticky")],
            },
        ],
        account_control=0,
    )
    f = forecast(store, 5_000, one_page_model())
    shares = {row[1]: row[3] for row in report.contests_table(f)[1:]}
    assert sum(f.contests["right"].values()) == 5_000
    assert abs(shares["Sale button"] - 77.8) <= 2
    assert abs(shares["Care button"] - 22.2) <= 2
    assert abs(100 * f.reach(f.engagements[0].id) - 77.8) <= 2


def test_a_campaign_open_8_to_22_shows_on_no_visit_outside_its_hours(qapp, tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "h.sqlite",
        [
            {
                "name": "Daytime",
                "control": 0,
                "hours": [(8, 22)],
                "engagements": [("Chat", "sales-sticky")],
            }
        ],
        account_control=0,
    )
    flat = one_page_model(hours=[1] * 24)
    f = forecast(store, 4_000, flat)
    heat = f.heat[f.engagements[0].id]
    for day in range(7):
        hours = heat[day * 24 : day * 24 + 24]
        assert sum(hours[:8]) == 0 and sum(hours[22:]) == 0
        assert all(hours[h] > 0 for h in range(8, 22))
    shown = 100 * f.reach(f.engagements[0].id)
    assert abs(shown - 100 * 14 / 24) < 3  # visits are spread evenly over the day
    reasons = [
        row for row in report.reasons_table(f)[1:] if row[1] == "Outside the campaign's time frame"
    ]
    assert reasons and reasons[0][4].startswith("The campaign's hours do not include")


def test_a_toaster_never_shows_on_a_phone(qapp, tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "t.sqlite",
        [{"name": "Toast", "control": 0, "engagements": [("Toaster", "checkout-toaster")]}],
        account_control=0,
    )
    model = one_page_model(devices={"desktop": 40, "tablet": 20, "phone": 40}, decline=0)
    f = forecast(store, 3_000, model)
    devices = f.devices[f.engagements[0].id]
    assert devices["phone"] == 0 and devices.get("phone_no_meta", 0) == 0
    assert devices["desktop"] > 1000 and devices["tablet"] > 400
    steps = {row[1]: row[2] for row in report.reasons_table(f)[1:]}
    assert steps["Not shown on phones"] > 1000
    again = forecast(store, 3_000, model)
    assert report.as_dict(again) == report.as_dict(f)  # the same seed, the same forecast
    other = forecast(store, 3_000, model, seed=2)
    assert report.as_dict(other) != report.as_dict(f)


def test_the_published_version_beside_the_draft(qapp, tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "p.sqlite",
        [{"name": "Everyone", "control": 0, "engagements": [("Chat", "sales-sticky")]}],
        account_control=0,
    )
    from designer.models.versions import content_snapshot

    with store.edit() as s:
        c = s.query(Campaign).one()
        snap = content_snapshot(c)
        s.add(CampaignVersion(campaign_id=c.id, number=1, snapshot=snap | {"status": "published"}))
        c.control_group_percent = 25  # the draft holds out a quarter of visitors
    model = one_page_model()
    published = forecast(store, 2_000, model, which=PUBLISHED)
    draft = forecast(store, 2_000, model)
    head, row = report.comparison_table(published, draft)
    assert row[:2] == ["Chat", "Everyone"]
    assert row[2] == 100.0
    assert 70 <= row[3] <= 80
    assert row[4] == round(row[3] - 100.0, 1)


def test_an_empty_store_forecasts_nothing(qapp, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "e.sqlite", seed=False)
    with store.read() as s:
        assert s.query(AccountSettings).count() == 1
    f = forecast(store, 500, one_page_model())
    assert f.visitors == 500 and f.engagements == []
    assert report.engagement_table(f) == [report.engagement_table(f)[0]]


def test_impressions_need_the_drawing_code_the_bundle_ships(qapp, tmp_path: Path) -> None:
    """The tag loads draw.js and the stylesheet, checked against the manifest's integrity
    values, before it shows anything: a drawing file that is not the one the manifest names
    shows nothing, with the tag's own sentence, as on a site."""
    store = make_store(
        tmp_path / "d.sqlite",
        [{"name": "Everyone", "control": 0, "engagements": [("Chat", "sales-sticky")]}],
        account_control=0,
    )
    p = plan(store, MONDAY, 1, 300, 1, "draft", one_page_model())
    assert 100 * run_forecast(p).reach(1) == 100.0
    setup = p.setup()
    draw = setup["names"]["draw"]
    assert p.manifest["files"]["draw"] == draw
    setup["files"][draw]["integrity"] = "sha384-" + "A" * 64  # not the file the manifest names
    p.setup = lambda: setup  # type: ignore[method-assign]
    f = run_forecast(p)
    assert f.reach(1) == 0
    (row,) = report.reasons_table(f)[1:]
    assert row[4].startswith(f"The bundle's file {draw} failed its integrity check or did not load")
    assert row[1] == "Not ready in the bundle" and row[2] == 300


def test_a_design_draw_js_cannot_draw_is_reported_as_on_a_site(qapp, tmp_path: Path) -> None:
    """The forecast counts drawings rather than painting them, but a design the shipped
    draw.js cannot draw still shows nowhere, with the tag's sentence and draw.js's own error,
    while the other engagements show as before."""
    store = make_store(
        tmp_path / "u.sqlite",
        [
            {
                "name": "Everyone",
                "control": 0,
                "engagements": [("Chat", "sales-sticky"), ("Banner", "sales-sticky")],
            }
        ],
        account_control=0,
    )
    p = plan(store, MONDAY, 1, 300, 1, "draft", one_page_model())
    chat, banner = p.manifest["engagements"]
    banner["zone_key"] = banner["zone"] = "left"  # not contesting the chat's zone
    for design in chat["designs"].values():
        design["elements"] = "damaged"  # not a list: draw.js stops on it
    f = run_forecast(p)
    assert f.reach(banner["id"]) == 1.0
    assert f.reach(chat["id"]) == 0
    (row,) = [r for r in report.reasons_table(f)[1:] if r[0] == "Chat"]
    assert row[4].startswith("The engagement could not be drawn (")
    assert "export the bundle again" in row[4] and row[2] == 300
