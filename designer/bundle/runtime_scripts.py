"""The runtime's scripts as shipped: tag.js assembled from its parts, both files minified.

The tag's source lives in several files under designer/bundle/runtime/, each
named for what it holds (TAG_PARTS, in order). They are fragments of one
function body: `tag_source` joins them inside one strict IIFE, and
`runtime_file` minifies the result (comments, whitespace, and the names of the
IIFE's own variables and functions; property names, strings and globals stay as
written, so the manifest, the API and the CSP rules are untouched). Everything
that serves or measures the tag (export, preview, browser tests, benches) reads it
through `runtime_file`, so they all use the same bytes.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from designer.bundle.errors import BundleError
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.formats import phone_reasons

TAG_PARTS = (
    "state.js",
    "circumstances.js",
    "schedule.js",
    "entry_points.js",
    "targeting.js",
    "decide.js",
    "show.js",
    "conversions.js",
    "pushes.js",
    "start.js",
)
RUNTIME_FILES = ("tag.js", "draw.js", "window.js")


def _missing(name: str) -> BundleError:
    return BundleError(
        f"The bundle's runtime file {name} is missing from this installation of "
        "Engagement Designer, so nothing can be exported. Reinstall the app."
    )


def _source_file(name: str) -> str:
    path = resources.files("designer.bundle").joinpath("runtime", name)
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, OSError, UnicodeDecodeError):
        raise _missing(name) from None


@cache
def reason_sentences() -> dict[str, str]:
    """The sentences of the tag's reasons, by code ("{0}" for its first value).

    The tag works with short codes (its size is what every page loads first); the
    manifest carries these sentences, which `decisions()` expands the codes into. A
    condition's own (a visitor who does not meet it) are declared with the condition; the
    reasons a format is not shown on phones come from the format table.
    """
    try:
        data: Any = json.loads(_source_file("reasons.json"))
    except ValueError:
        raise _missing("reasons.json") from None
    conditions = (*AUDIENCE_CONDITIONS.values(), *BEHAVIOR_CONDITIONS.values())
    return (
        dict(data)
        | phone_reasons()
        | {code: text for c in conditions for code, text in c.misses.items()}
    )


_TABLE = re.compile(r"var (AUDIENCE|BEHAVIOR) = \{(.*?)\n\};", re.DOTALL)
_EVALUATOR = re.compile(r"^  (\w+): function", re.MULTILINE)


def condition_evaluators() -> dict[str, dict[str, str]]:
    """The tag's tests of conditions (runtime/targeting.js), as the tag ships them:
    {"AUDIENCE" or "BEHAVIOR": {condition type: the source of its test}}."""
    tables = {}
    for table, body in _TABLE.findall(tag_source()):
        parts = _EVALUATOR.split(body)
        tables[table] = dict(zip(parts[1::2], parts[2::2], strict=True))
    return tables


def tag_source() -> str:
    """The tag's readable source: its parts, in order, inside one strict IIFE."""
    body = "\n".join(_source_file(part) for part in TAG_PARTS)
    return '(function () {\n"use strict";\n' + body + "})();\n"


def readable_source(name: str) -> str:
    """tag.js, draw.js or window.js before minification (for reading and for the bench)."""
    if name not in RUNTIME_FILES:
        raise _missing(name)
    return tag_source() if name == "tag.js" else _source_file(name)


@cache
def runtime_file(name: str) -> bytes:
    """tag.js, draw.js or window.js as the bundle ships it (minified; the same bytes every time)."""
    from calmjs.parse import es5  # imported here: ~70 ms the app's start does not need
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    source = readable_source(name)
    try:
        tree = es5(source)
    except ECMASyntaxError as e:
        raise BundleError(
            f"The bundle's runtime file {name} is damaged in this installation of "
            f"Engagement Designer ({e}), so nothing can be exported. Reinstall the app."
        ) from None
    text = minify_print(tree, obfuscate=True, obfuscate_globals=False, drop_semi=True)
    return (text + "\n").encode("utf-8")
