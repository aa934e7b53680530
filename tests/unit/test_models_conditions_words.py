"""Conditions read in words as a designer would say them."""

from designer.models.conditions import BEHAVIOR_CONDITIONS, describe


def test_cart_value_reads_without_a_huge_upper_bound_or_a_boolean() -> None:
    words = describe(BEHAVIOR_CONDITIONS, {"type": "cart_value", "minimum": 50.0, "maximum": 1e9})
    assert words == "has a cart worth at least 50"


def test_cart_value_range_and_decrease() -> None:
    ranged = {"type": "cart_value", "minimum": 20.0, "maximum": 250.5, "decreased": True}
    assert (
        describe(BEHAVIOR_CONDITIONS, ranged) == "has a cart worth 20 to 250.50 that just went down"
    )
