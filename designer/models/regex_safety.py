"""Regular expressions a visitor's URL is matched against must be valid and safe.

A catastrophic pattern (nested or overlapping unbounded repeats such as
`(a+)+` or `(a|a)*`) can freeze the visitor's page; we refuse it before export.
"""

from __future__ import annotations

import re
import string
from itertools import combinations
from re import _constants as C  # noqa: N812 - the stdlib's own parser constants
from re import _parser as sre_parse

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None))
_UNBOUNDED = C.MAXREPEAT


def _contains_unbounded(items) -> bool:  # noqa: ANN001
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _UNBOUNDED or av[1] > 1 and _contains_unbounded(av[2]):
                return True
            if _contains_unbounded(av[2]):
                return True
        elif op == C.SUBPATTERN:
            if _contains_unbounded(av[-1]):
                return True
        elif op == C.BRANCH and any(_contains_unbounded(b) for b in av[1]):
            return True
    return False


def _matches(op, av, ch: str) -> bool:  # noqa: ANN001
    """Whether one-character item (op, av) can match ch."""
    code = ord(ch)
    if op == C.LITERAL:
        return av == code
    if op == C.NOT_LITERAL:
        return av != code
    if op == C.ANY:
        return ch != "\n"
    if op == C.RANGE:
        return av[0] <= code <= av[1]
    if op == C.CATEGORY:
        if av == C.CATEGORY_DIGIT:
            return ch.isdigit()
        if av == C.CATEGORY_WORD:
            return ch.isalnum() or ch == "_"
        if av == C.CATEGORY_SPACE:
            return ch.isspace()
        return True
    if op == C.IN:
        negate = bool(av) and av[0][0] == C.NEGATE
        hit = any(_matches(o, a, ch) for o, a in av if o != C.NEGATE)
        return hit != negate
    return True  # anything else: assume it can


def _repeated_items(items):  # noqa: ANN001
    """The one-character items that unbounded repeats inside items repeat."""
    for op, av in items:
        if op in _REPEATS:
            if av[1] == _UNBOUNDED:
                for o, a in av[2]:
                    if o in (C.SUBPATTERN, C.BRANCH) or o in _REPEATS:
                        yield (C.ANY, None)  # complex body: assume anything
                    else:
                        yield (o, a)
            yield from _repeated_items(av[2])
        elif op == C.SUBPATTERN:
            yield from _repeated_items(av[-1])
        elif op == C.BRANCH:
            for b in av[1]:
                yield from _repeated_items(b)


def _separated(body) -> bool:  # noqa: ANN001
    """True when a mandatory literal in body can't be eaten by its inner repeats.

    Such a separator ((/[a-z]+)* has "/") tells the engine where each turn of
    the outer repeat starts, so matching stays linear.
    """
    inner = list(_repeated_items(body))
    for op, av in body:
        if op == C.LITERAL and not any(_matches(o, a, chr(av)) for o, a in inner):
            return True
    return False


def _first_chars(items) -> set | None:  # noqa: ANN001
    """A rough first-character set of a branch; None when it could be anything."""
    for op, av in items:
        if op == C.LITERAL:
            return {av}
        if op == C.SUBPATTERN:
            return _first_chars(av[-1])
        return None
    return {-1}  # the empty branch: two of them match the same (nothing)


def _overlapping_branches(branches) -> bool:  # noqa: ANN001
    seen: set = set()
    for b in branches:
        first = _first_chars(b)
        if first is None or first & seen:
            return True
        seen |= first
    return False


def _body(items):  # noqa: ANN001
    """items with a single group unwrapped, so (x)+ is looked at as x+."""
    items = list(items)
    while len(items) == 1 and items[0][0] == C.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


_ONE_CHAR = (C.LITERAL, C.NOT_LITERAL, C.ANY, C.RANGE, C.CATEGORY, C.IN)
_SAMPLE = string.printable + "\u00e9"


def _optional_chars(items):  # noqa: ANN001
    """One-character items of the optional parts of items: a?, a{0,3}, and (|a)."""
    for op, av in items:
        if op in _REPEATS and av[0] == 0:
            yield from ((o, a) for o, a in av[2] if o in _ONE_CHAR)
        elif op == C.BRANCH and any(not b for b in av[1]):
            for b in av[1]:
                yield from ((o, a) for o, a in b[:1] if o in _ONE_CHAR)
        elif op == C.SUBPATTERN:
            yield from _optional_chars(av[-1])


def _optional_tail_overlaps(body) -> bool:  # noqa: ANN001
    """(a|aa)* (which the parser writes a(?:|a)) or (aa?)*: a turn may end early or late.

    When an optional part can match what the body starts with, a run of such
    characters splits into turns in exponentially many ways.
    """
    if not body or body[0][0] not in _ONE_CHAR:
        return False
    first = body[0]
    return any(
        any(_matches(*first, ch) and _matches(o, a, ch) for ch in _SAMPLE)
        for o, a in _optional_chars(body[1:])
    )


def _dangerous(items, inside_repeat: bool = False) -> bool:  # noqa: ANN001
    for op, av in items:
        if op in _REPEATS:
            body = _body(av[2])
            if av[1] > 1 and _contains_unbounded(body) and not _separated(body):
                return True  # (a+)+, (a*){2,}, (.*)*, (\w+\s?)+
            if av[1] == _UNBOUNDED and _optional_tail_overlaps(body):
                return True  # (a|aa)*, (aa?)+
            if _dangerous(body, inside_repeat or av[1] > 1):
                return True
        elif op == C.SUBPATTERN:
            if _dangerous(av[-1], inside_repeat):
                return True
        elif op == C.BRANCH:
            if inside_repeat and _overlapping_branches(av[1]):
                return True  # (a|ab)*
            if any(_dangerous(b, inside_repeat) for b in av[1]):
                return True
        elif op == C.IN and inside_repeat:
            literals = [a for o, a in av if o == C.LITERAL]
            if len(literals) != len(set(literals)):
                return True  # (a|a)*, which the parser folds into [aa]
    return False


def _syntax(text: str):  # noqa: ANN202
    """(index, char) of each character that is regex syntax: not escaped, not inside a [set]."""
    in_set, i = False, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 1
        elif in_set:
            in_set = ch != "]"
        elif ch == "[":
            in_set = True
        else:
            yield i, ch
        i += 1


def _split_top_level(text: str) -> list[str]:
    """text split at the | that are not inside a group or a [set]."""
    parts, depth, start = [], 0, 0
    for i, ch in _syntax(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


def _repeated_groups(pattern: str):  # noqa: ANN202
    """The inside of each group that an unbounded quantifier (*, +, {n,}) follows."""
    opened: list[int] = []
    for i, ch in _syntax(pattern):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            start = opened.pop()
            after = pattern[i + 1 : i + 2]
            if after in ("*", "+") or re.match(r"\{\d*,\}", pattern[i + 1 :]):
                yield pattern[start + 1 : i]


def _overlapping_single_chars(pattern: str) -> bool:
    """(\\w|\\d)+ : Python folds it into the set [\\w\\d], but a browser's engine
    tries each alternative in turn, and overlapping ones backtrack exponentially."""
    for inside in _repeated_groups(pattern):
        inside = re.sub(r"^\?(:|<?[=!])", "", inside)
        alternatives = _split_top_level(inside)
        if len(alternatives) < 2:
            continue
        items = []
        for alt in alternatives:
            try:
                parsed = list(sre_parse.parse(alt))
            except re.error:
                return False
            if len(parsed) != 1 or parsed[0][0] not in _ONE_CHAR:
                break
            items.append(parsed[0])
        else:
            for (o1, a1), (o2, a2) in combinations(items, 2):
                if any(_matches(o1, a1, ch) and _matches(o2, a2, ch) for ch in _SAMPLE):
                    return True
    return False


def regex_problem(pattern: str) -> str | None:
    """A sentence saying why pattern cannot be used, or None when it is fine."""
    if len(pattern) > 500:
        return "The pattern is longer than 500 characters; split it into several URL rules."
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except re.error as e:
        return f"The pattern is not a valid regular expression ({e.msg} at position {e.pos})."
    if any(tok in pattern for tok in ("(?P<", "(?P=", "(?#", "\\Z", "\\A")):
        return "The pattern uses Python-only syntax that browsers do not understand."
    if _dangerous(list(parsed)) or _overlapping_single_chars(pattern):
        return (
            "The pattern has nested or overlapping repeats (like (a+)+) that can freeze "
            "a visitor's browser; rewrite it without a repeat inside a repeat."
        )
    return None
