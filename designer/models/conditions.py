"""Targeting conditions of target audiences and behaviors, declared once.

A condition is stored as a plain dict {"type": ..., <params>}. Each type
declares its parameters (as PropSpecs) and how it reads in words, which the
rule editors show and the decision trace repeats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from designer.models.properties import P, PropSpec
from designer.models.vocabulary import MarketingSource, MatchMode, Platform

ENGAGED_STATES = ("exposed", "declined", "clicked")


@dataclass(frozen=True)
class ConditionType:
    type: str
    label: str
    params: tuple[PropSpec, ...]
    words: str  # str.format template over the params
    # The runtime's reasons when a visitor does not meet it: code -> sentence ({0}, {1}…
    # are the values the evaluator in runtime/targeting.js gives with the code).
    misses: dict[str, str] = field(default_factory=dict)
    description: str = ""  # what it means, under the rule editor's list of kinds

    def describe(self, condition: dict[str, Any]) -> str:
        values = {p.name: condition.get(p.name, p.default) for p in self.params}
        for p in self.params:
            value = values[p.name]
            if isinstance(value, list):
                values[p.name] = ", ".join(str(v) for v in value) or "(none)"
            elif isinstance(value, float):
                values[p.name] = f"{value:,.2f}".removesuffix(".00")
        if self.type == "cart_value":
            return _cart_words(condition, values)
        return self.words.format(**values)

    def problems(self, condition: dict[str, Any]) -> list[str]:
        out = []
        for p in self.params:
            value = condition.get(p.name, p.default)
            if p.type == "list":
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    out.append(f"{p.label} must be a list of words.")
                continue
            problem = p.problem(value)
            if problem:
                out.append(problem)
        return out


def _t(
    type_: str,
    label: str,
    words: str,
    *params: PropSpec,
    misses: dict[str, str],
    description: str,
) -> ConditionType:
    return ConditionType(type_, label, params, words, misses, description)


BEHAVIOR_CONDITIONS: dict[str, ConditionType] = {
    c.type: c
    for c in (
        _t(
            "time_on_entry_point",
            "Time on entry point",
            "spent at least {seconds} s on the entry point",
            P("seconds", "int", 30, "Seconds", minimum=0, maximum=86400),
            misses={"b_time": "has spent {0} of {1} seconds on the entry point"},
            description="How long the visitor has stayed on the entry point's pages.",
        ),
        _t(
            "visited_entry_point",
            "Visited entry point",
            "{mode} the entry point {entry_point}",
            P("entry_point", "text", "", "Entry point"),
            P(
                "mode",
                "enum",
                "visited",
                "Include or exclude",
                choices=("visited", "did not visit"),
            ),
            misses={
                "b_not_visited": "has not visited the entry point “{0}”",
                "b_visited": "visited the entry point “{0}”",
            },
            description="Whether the visitor saw (or did not see) another entry point.",
        ),
        _t(
            "flow",
            "Flow",
            "went through the pages {pages} in that order",
            P("pages", "list", [], "Pages (URL parts, in order)"),
            misses={"b_flow": "has not gone through the pages {0} in that order"},
            description="The visitor went through these pages in this order.",
        ),
        _t(
            "exit_intent",
            "About to abandon",
            "is about to leave the page",
            misses={"b_exit": "is not about to leave the page"},
            description="The visitor is about to leave: the pointer heads for the tab bar.",
        ),
        _t(
            "cart_value",
            "Cart value",
            "has a cart worth {minimum} to {maximum}",
            P("minimum", "float", 0.0, "From", minimum=0, maximum=1e9),
            P("maximum", "float", 1e9, "To", minimum=0, maximum=1e9),
            P("decreased", "bool", False, "Only when the value decreased"),
            misses={
                "b_cart": "has a cart worth {0}, outside {1} to {2}",
                "b_cart_down": "has not decreased the cart value",
            },
            description="The value of the visitor's cart, or that it went down.",
        ),
        _t(
            "products_in_cart",
            "Products in cart",
            "has {products} in the cart",
            P("products", "list", [], "Products"),
            misses={"b_products": "has none of {0} in the cart"},
            description="The cart holds one of these products.",
        ),
        _t(
            "viewed_product",
            "Viewed product",
            "viewed {products}",
            P("products", "list", [], "Products"),
            misses={"b_viewed": "has not viewed {0}"},
            description="The visitor looked at one of these products.",
        ),
        _t(
            "visitor_error",
            "Visitor error",
            "saw an error containing \u201c{message}\u201d (code {code})",
            P("message", "text", "", "Message contains"),
            P("code", "text", "", "Code"),
            misses={"b_error": "has not seen an error like “{0}”"},
            description="The site showed the visitor an error (its message or code).",
        ),
        _t(
            "engaged_in_session",
            "Engaged in session",
            "was {state} an engagement in this visit",
            P("state", "enum", "exposed", "State", choices=ENGAGED_STATES),
            misses={"b_engaged": "was not {0} an engagement in this visit"},
            description="The visitor saw, closed or clicked an engagement in this visit.",
        ),
        _t(
            "service_activity",
            "Service activity",
            "reported service activity \u201c{activity}\u201d",
            P("activity", "text", "", "Activity"),
            misses={"b_activity": "has not reported the service activity “{0}”"},
            description="The site reports a service activity, e.g. an order tracked.",
        ),
        _t(
            "scroll_depth",
            "Scroll depth",
            "scrolled at least {percent}% of the page",
            P("percent", "int", 50, "Percent", minimum=0, maximum=100),
            misses={"b_scroll": "has scrolled {0}% of the page, not {1}%"},
            description="How far down the page the visitor scrolled.",
        ),
        _t(
            "pages_viewed",
            "Pages viewed",
            "viewed at least {count} pages",
            P("count", "int", 3, "Pages", minimum=1, maximum=1000),
            misses={"b_pages": "has viewed {0} of {1} pages"},
            description="How many pages the visitor has seen in this visit.",
        ),
    )
}

AUDIENCE_CONDITIONS: dict[str, ConditionType] = {
    c.type: c
    for c in (
        _t(
            "referral",
            "External referral",
            "came from a site containing \u201c{contains}\u201d",
            P("contains", "text", "", "Referrer contains"),
            misses={"a_referral": "did not come from a site containing “{0}”"},
            description="The site the visitor came from (its address contains these words).",
        ),
        _t(
            "search_keywords",
            "Search keywords",
            "searched for {keywords}",
            P("keywords", "list", [], "Keywords"),
            misses={"a_search": "did not search for {0}"},
            description="Words the visitor searched for before arriving.",
        ),
        _t(
            "platform",
            "Platform",
            "uses a {platforms}",
            P("platforms", "list", [p.value for p in Platform], "Platforms"),
            misses={"a_platform": "uses a {0}, not a {1}"},
            description="The visitor's device: desktop, tablet or phone.",
        ),
        _t(
            "marketing_source",
            "Marketing source",
            "arrived through {sources}",
            P("sources", "list", [], "Sources"),
            P("custom", "text", "", "Custom source name"),
            misses={"a_source": "arrived through {0}, not {1}"},
            description="How the visitor arrived: direct, email, paid search, social…",
        ),
        _t(
            "geo",
            "Geo",
            "is in {places}",
            P("places", "list", [], "Countries or regions"),
            misses={
                "a_no_geo": 'has no known location (the site pushes {type: "geo"})',
                "a_geo": "is in {0}, not {1}",
            },
            description="The country or region the site says the visitor is in.",
        ),
        _t(
            "visitor_type",
            "New or returning",
            "is a {visitor} visitor",
            P("visitor", "enum", "returning", "Visitor", choices=("new", "returning")),
            misses={"a_visitor": "is a {0} visitor, not a {1} one"},
            description="Whether this is the visitor's first visit or a return.",
        ),
        _t(
            "customer_type",
            "Customer type",
            "is a {values} customer",
            P("values", "list", [], "Types"),
            misses={"a_customer": "is not a {0} customer"},
            description="A customer type the site pushes, e.g. VIP or business.",
        ),
        _t(
            "customer_status",
            "Customer status",
            "has status {values}",
            P("values", "list", [], "Statuses"),
            misses={"a_status": "does not have the status {0}"},
            description="A customer status the site pushes, e.g. logged in or churn risk.",
        ),
        _t(
            "attribute",
            "Engagement attribute",
            "has {name} {op} \u201c{value}\u201d",
            P("name", "text", "", "Attribute"),
            P(
                "op",
                "enum",
                "equals",
                "Test",
                choices=("equals", "contains", "at least", "at most"),
            ),
            P("value", "text", "", "Value"),
            misses={
                "a_no_attribute": "has no engagement attribute “{0}”",
                "a_attribute": "has {0} “{1}”, not {2} “{3}”",
            },
            description="Any engagement attribute the site pushes, compared with a value.",
        ),
    )
}

MARKETING_SOURCES = tuple(s.value for s in MarketingSource)


def _cart_words(condition: dict[str, Any], values: dict[str, Any]) -> str:
    """Cart value reads as a person would say it: no 1,000,000,000 upper bound, no 'False'."""
    low, high = condition.get("minimum", 0.0), condition.get("maximum", 1e9)
    if high >= 1e9:
        worth = f"at least {values['minimum']}" if low > 0 else "any amount"
    else:
        worth = f"{values['minimum']} to {values['maximum']}"
    text = f"has a cart worth {worth}"
    return text + " that just went down" if condition.get("decreased") else text


def describe(conditions: dict[str, ConditionType], condition: dict[str, Any]) -> str:
    ctype = conditions.get(condition.get("type", ""))
    return ctype.describe(condition) if ctype else f"unknown condition {condition.get('type')!r}"


def describe_all(
    conditions: dict[str, ConditionType], items: list[dict[str, Any]], match: str
) -> str:
    """The whole rule in words: 'Visitor spent at least 30 s ... and viewed at least 3 pages'."""
    if not items:
        return "Every visitor"
    joiner = " and " if match == MatchMode.ALL else " or "
    return "Visitor " + joiner.join(describe(conditions, c) for c in items)
