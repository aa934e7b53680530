"""Advanced (regular expression) URL rules: invalid and catastrophic patterns are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.models import EntryPoint
from designer.models.regex_safety import regex_problem
from designer.models.store import Store
from designer.models.validation import ERROR, validate

CATASTROPHIC = "The pattern has nested or overlapping repeats (like (a+)+) that can freeze"


@pytest.mark.parametrize(
    "pattern",
    [
        r"^/help(/[a-z0-9-]+)*/?$",
        r"^/product/\d+$",
        r"/checkout(/step-[1-4])?$",
        r"^/(en|fr|de)/shop/.*$",
        r"^/blog/[^/]+/comments/?$",
        r"\.pdf$",
        r"^/a+b+c*$",
        r"^/(?:news|press)/\d{4}/\d{2}/",
        r"(a|ab)*c",  # each run of characters splits into turns one way only
        r"^(/[a-z]+(-[a-z]+)?)*$",
        r"^(\w|-)+$",
        r"^/(a|b|\||\()+$",
    ],
)
def test_safe_patterns_are_accepted(pattern: str) -> None:
    assert regex_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a+)+",
        r"(a|a)*",
        r"(a*)*",
        r"(.*)*$",
        r"^(\w+\s?)+$",
        r"(a|aa)*c",  # the parser writes it a(?:|a)
        r"^(\d\d?)+$",
        r"^/(x+x+)+y$",
        r"(a*){2,}",
        r"^/page/(\d+)+$",
        r"^(\w|\d)+$",  # Python folds it into [\w\d]; a browser tries each alternative
        r"(?:[a-z]|[a-c])*x",
    ],
)
def test_catastrophic_patterns_are_refused(pattern: str) -> None:
    problem = regex_problem(pattern)
    assert problem is not None and problem.startswith(CATASTROPHIC)


@pytest.mark.parametrize(
    ("pattern", "where"),
    [("^/help(", "missing ), unterminated subpattern at position 6"), ("[z-a]", "position 1")],
)
def test_invalid_patterns_say_what_and_where(pattern: str, where: str) -> None:
    problem = regex_problem(pattern)
    assert problem.startswith("The pattern is not a valid regular expression (")
    assert where in problem


def test_python_only_syntax_is_refused_because_browsers_run_the_rules() -> None:
    assert regex_problem(r"^/(?P<id>\d+)$") == (
        "The pattern uses Python-only syntax that browsers do not understand."
    )


def test_overlong_pattern_is_refused() -> None:
    assert regex_problem("a" * 501).startswith("The pattern is longer than 500 characters")


def test_validation_reports_the_rule_of_the_entry_point(store: Store) -> None:
    with store.edit() as s:
        help_centre = s.scalars(select(EntryPoint).filter_by(name="Help centre")).one()
        help_centre.rules = [{"match": "regex", "value": r"^/help(/[a-z]+)+)$"}]
        s.scalars(select(EntryPoint).filter_by(name="Cart")).one().rules = [
            {"match": "regex", "value": r"^/cart/(a+)+$"}
        ]
    with store.read() as s:
        problems = [p for p in validate(s) if p.where.entity == "entry_point"]
    assert [(p.severity, p.where.label) for p in problems] == [
        (ERROR, "Cart"),
        (ERROR, "Help centre"),
    ]
    assert problems[0].message.startswith(r"^/cart/(a+)+$: " + CATASTROPHIC)
    assert problems[1].message.startswith(
        r"^/help(/[a-z]+)+)$: The pattern is not a valid regular expression"
    )
