"""Behavior and audience conditions are declared once and kept in step everywhere.

A condition is declared in designer/models/conditions.py (parameters, words, the
sentences of its misses); the manifest schema's condition types are filled in from
that declaration; the runtime's evaluator lives in runtime/targeting.js; a browser
test shows it deciding. These tests fail when one of them is missing for a condition.
"""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

from designer.bundle.manifest import schema
from designer.bundle.runtime_scripts import condition_evaluators, reason_sentences, tag_source
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS

BROWSER_TESTS = Path(__file__).parents[1] / "browser"
TARGETING = Path(__file__).parents[2] / "designer" / "bundle" / "runtime" / "targeting.js"
LIBRARIES = {"AUDIENCE": AUDIENCE_CONDITIONS, "BEHAVIOR": BEHAVIOR_CONDITIONS}


def _evaluators(table: str) -> dict[str, str]:
    """The evaluators of targeting.js's `var TABLE = {...}`: condition type -> its source."""
    return condition_evaluators()[table]


@pytest.mark.parametrize("table", LIBRARIES)
def test_every_declared_condition_has_an_evaluator_and_no_other(table: str) -> None:
    assert set(_evaluators(table)) == set(LIBRARIES[table])


@pytest.mark.parametrize("table", LIBRARIES)
def test_each_evaluators_misses_are_the_declared_ones_with_their_sentences(table: str) -> None:
    sentences = reason_sentences()
    for name, source in _evaluators(table).items():
        said = set(re.findall(r'"([ab]_\w+)"', source))
        assert said == set(LIBRARIES[table][name].misses), name
        assert all(code in sentences for code in said), name
        assert f"{table.lower()}_all" in sentences and f"{table.lower()}_any" in sentences


def test_the_shipped_tag_holds_the_evaluators_and_each_condition_says_what_it_means() -> None:
    assert TARGETING.read_text("utf-8") in tag_source()
    for condition in (*AUDIENCE_CONDITIONS.values(), *BEHAVIOR_CONDITIONS.values()):
        assert condition.label and condition.description, condition.type


def test_every_declared_condition_has_a_browser_test() -> None:
    tests = "\n".join(p.read_text("utf-8") for p in sorted(BROWSER_TESTS.glob("test_*.py")))
    for name in (*AUDIENCE_CONDITIONS, *BEHAVIOR_CONDITIONS):
        assert re.search(rf'"type":\s*"{name}"', tests), f"no browser test uses {name}"


@pytest.mark.parametrize(
    ("library", "declared"), [("audience", AUDIENCE_CONDITIONS), ("behavior", BEHAVIOR_CONDITIONS)]
)
def test_the_schema_takes_exactly_the_declared_condition_types(library: str, declared) -> None:
    conditions = schema()["$defs"][f"{library}_conditions"]
    validator = jsonschema.Draft202012Validator({**schema(), **conditions})
    assert validator.is_valid([{"type": name} for name in declared])
    other = AUDIENCE_CONDITIONS if library == "behavior" else BEHAVIOR_CONDITIONS
    for name in other:
        assert not validator.is_valid([{"type": name}]), name
    assert not validator.is_valid([{"type": "telepathy"}])
