"""A bundle's manifest text parsed without trusting it.

Before the JSON parser runs, the text's size, nesting depth and number of
values are counted (with its strings blanked out), so no manifest can make
the parser recurse deeply or fill memory. While it parses, a number is taken
only when it is finite and fits in 64 bits: NaN, Infinity and 5,000-digit
integers are refused with a sentence rather than an exception. Then every
string is checked for characters that are not text: NUL and the other
control characters (tab, new line and carriage return are text) and either
half of a surrogate pair on its own.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

from designer.bundle.bundle_limits import MANIFEST_BYTES, MANIFEST_DEPTH, MANIFEST_VALUES

INT64 = 2**63
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{},')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class ManifestTextError(ValueError):
    """What is wrong with the manifest's text; str() completes 'The manifest ...'."""


def _shape(data: bytes) -> tuple[int, int]:
    """(deepest nesting, number of values) of JSON text, counted without parsing it.

    Escaped backslashes, then escaped quotes are dropped, so every quote left
    opens or closes a string; of the brackets and commas, only those between
    strings count. Up to the first place the text stops being JSON, this is what
    the parser sees, so the parser never nests deeper than the depth found.
    Made of whole-text byte operations, it takes little memory however the text is cut.
    """
    structure = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    outside = b"".join(structure.split(b'"')[::2])
    brackets = outside.translate(None, _NOT_BRACKETS)
    depth = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    return depth, outside.count(b",") + len(brackets) // 2 + 1


def shortened(text: str, keep: int) -> str:
    """text, or its start and how long it is when longer than keep characters."""
    return text if len(text) <= keep else f"{text[:keep]}… ({len(text):,} characters)"


def _int(text: str) -> int:
    digits = len(text) - text.startswith("-")
    if digits > 19 or not -INT64 <= (value := int(text)) < INT64:
        raise ManifestTextError(
            f"holds the number {shortened(text, 24)}, which does not fit in 64 bits"
        )
    return value


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) >= INT64:
        raise ManifestTextError(
            f"holds the number {shortened(text, 24)}, which does not fit in 64 bits"
        )
    return value


def _constant(name: str) -> float:
    raise ManifestTextError(f"holds {name}, which is not a number a manifest can hold")


def _where(path: tuple) -> str:
    return "/".join(map(str, path)) or "the top"


def _check_text(text: str, path: tuple) -> None:
    found = _NOT_TEXT.search(text)
    if found is not None:
        shown = _NOT_TEXT.sub("\ufffd", shortened(text, 40))
        raise ManifestTextError(
            f"holds the character U+{ord(found.group()):04X}, which is not text, "
            f"at {_where(path)} (“{shown}”)"
        )


def _check_strings(value: Any) -> None:
    """Every string and key of value is text; walked with a list, never recursion."""
    stack: list[tuple[Any, tuple]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            _check_text(item, path)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, path)
                stack.append((child, (*path, key)))
        elif isinstance(item, list):
            stack.extend((child, (*path, i)) for i, child in enumerate(item))


def parse_manifest_text(data: bytes) -> Any:
    """The manifest's value; raises BundleError for a budget, ManifestTextError for the text."""
    MANIFEST_BYTES.check(len(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ManifestTextError("is not UTF-8 text") from None
    depth, values = _shape(data)
    MANIFEST_DEPTH.check(depth)
    MANIFEST_VALUES.check(values)
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as e:
        raise ManifestTextError(f"is not valid JSON ({e.msg} at line {e.lineno})") from None
    _check_strings(value)
    return value
