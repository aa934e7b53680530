"""The reusable libraries: who uses each, how each reads, and what a delete may not take."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import Behavior, Campaign, Engagement, EntryPoint, TargetAudience
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.errors import StoreError
from designer.models.store import Store


def library(s, kind, name):  # noqa: ANN001, ANN201
    return s.scalars(select(kind).filter_by(name=name)).one()


def names(items) -> list[str]:  # noqa: ANN001
    return [f"{x.campaign.name} › {x.name}" if isinstance(x, Engagement) else x.name for x in items]


def test_entry_points_list_the_engagements_that_use_them(store: Store) -> None:
    with store.read() as s:
        assert names(library(s, EntryPoint, "Whole site").used_by()) == [
            "Winter sale › Free delivery banner",
            "Winter sale › Message us button",
        ]
        assert names(library(s, EntryPoint, "Help centre").used_by()) == [
            "Customer care › Help centre button"
        ]


def test_a_shared_entry_point_edited_once_changes_for_every_engagement(store: Store) -> None:
    with store.edit() as s:
        site = library(s, EntryPoint, "Whole site")
        site.rules = [*site.rules, {"match": "contains", "value": "/account", "exclude": True}]
    with store.read() as s:
        users = library(s, EntryPoint, "Whole site").used_by()
        assert {e.entry_point.in_words() for e in users} == {"URL matches *, but not /account"}


def test_behaviors_and_audiences_list_who_uses_them(store: Store) -> None:
    with store.read() as s:
        assert names(library(s, Behavior, "Lingering at checkout").used_by()) == [
            "Winter sale › Checkout rescue"
        ]
        assert names(library(s, TargetAudience, "Everyone").used_by()) == ["Winter sale"]
        assert names(library(s, TargetAudience, "Returning shoppers").used_by()) == [
            "Customer care"
        ]


def test_an_unused_library_item_is_used_by_nobody(empty_store: Store) -> None:
    with empty_store.edit() as s:
        s.add_all([EntryPoint(name="Blog"), Behavior(name="Idle"), TargetAudience(name="VIPs")])
    with empty_store.read() as s:
        for kind, name in ((EntryPoint, "Blog"), (Behavior, "Idle"), (TargetAudience, "VIPs")):
            assert library(s, kind, name).used_by() == []


@pytest.mark.parametrize(
    ("kind", "name"),
    [(EntryPoint, "Checkout"), (Behavior, "Lingering at checkout"), (TargetAudience, "Everyone")],
)
def test_a_library_item_in_use_cannot_be_deleted(store: Store, kind, name: str) -> None:  # noqa: ANN001
    with pytest.raises(StoreError) as caught, store.edit() as s:
        s.delete(library(s, kind, name))
    assert str(caught.value) == (
        "It is still used elsewhere, or what it refers to is gone. "
        "See who uses it, change those first, then try again. Nothing was changed."
    )
    with store.read() as s:
        assert library(s, kind, name).used_by()


def test_entry_point_in_words(store: Store) -> None:
    with store.read() as s:
        assert library(s, EntryPoint, "Checkout").in_words() == (
            "URL contains /checkout, but not /checkout/done"
        )
        assert library(s, EntryPoint, "Product pages").in_words() == "URL starts with /product/"
        assert library(s, EntryPoint, "Help centre").in_words() == (
            "URL matches the pattern ^/help(/[a-z0-9-]+)*/?$"
        )


def test_entry_point_in_words_with_several_urls_exclusions_and_sections() -> None:
    ep = EntryPoint(
        name="Shop",
        rules=[
            {"match": "equals", "value": "/shop"},
            {"match": "starts_with", "value": "/shop/"},
            {"match": "starts_with", "value": "/shop/admin", "exclude": True},
        ],
        sections=["electronics", "books"],
    )
    assert ep.in_words() == (
        "URL is /shop or starts with /shop/, but not starts with /shop/admin, "
        "in section electronics or books"
    )
    assert EntryPoint(name="New", rules=[]).in_words() == "No URL yet"


def test_audiences_and_behaviors_in_words(store: Store) -> None:
    with store.read() as s:
        assert library(s, TargetAudience, "Everyone").in_words() == "Every visitor"
        assert library(s, TargetAudience, "Returning shoppers").in_words() == (
            "Visitor is a returning visitor"
        )
        assert library(s, Behavior, "Browsing several products").in_words() == (
            "Visitor viewed at least 3 pages and scrolled at least 50% of the page"
        )
    any_of = Behavior(
        name="x", match="any", conditions=[{"type": "exit_intent"}, {"type": "pages_viewed"}]
    )
    assert any_of.in_words() == "Visitor is about to leave the page or viewed at least 3 pages"


def test_every_condition_of_the_reference_is_declared() -> None:
    assert set(BEHAVIOR_CONDITIONS) == {
        "time_on_entry_point",
        "visited_entry_point",
        "flow",
        "exit_intent",
        "cart_value",
        "products_in_cart",
        "viewed_product",
        "visitor_error",
        "engaged_in_session",
        "service_activity",
        "scroll_depth",
        "pages_viewed",
    }
    assert set(AUDIENCE_CONDITIONS) == {
        "referral",
        "search_keywords",
        "platform",
        "marketing_source",
        "geo",
        "visitor_type",
        "customer_type",
        "customer_status",
        "attribute",
    }
    for ctype in (*BEHAVIOR_CONDITIONS.values(), *AUDIENCE_CONDITIONS.values()):
        assert ctype.problems({"type": ctype.type}) == [], ctype.type  # defaults are valid
        assert ctype.describe({"type": ctype.type})


def test_a_second_entry_point_with_the_same_name_gets_a_sentence(store: Store) -> None:
    sentence = "Another entry point already has that name"
    with pytest.raises(StoreError, match=sentence), store.edit() as s:
        s.add(EntryPoint(name="Checkout"))


def test_campaign_audience_is_shared(store: Store) -> None:
    with store.edit() as s:
        s.add(Campaign(name="Spring sale", audience=library(s, TargetAudience, "Everyone")))
    with store.read() as s:
        assert names(library(s, TargetAudience, "Everyone").used_by()) == [
            "Spring sale",
            "Winter sale",
        ]
