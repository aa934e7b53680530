"""Which entry points a URL is in: the runtime's rules (designer/bundle/runtime/entry_points.js) in Python.

The URL tester answers with this; tests/browser/test_url_match_agrees.py runs
the same URLs through the runtime's own functions in Chromium so the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from designer.models.vocabulary import UrlMatch

# The WHATWG URL parser's percent-encode sets, as `new URL()` applies them.
_PATH_SAFE = "!$&'()*+,-./:;=@[]\\^_|~%"
_QUERY_SAFE = "!$&'()*+,-./:;=?@[]\\^_`{|}~%"
_WILDCARD_SPECIAL = re.compile(r"[.+?^${}()|[\]\\]")
DEFAULT_PORTS = {"http": "80", "https": "443"}


@dataclass(frozen=True)
class Url:
    """A URL as the runtime's `new URL(location.href)` sees it."""

    href: str
    pathname: str
    search: str
    hash: str = ""


def parse_url(text: str, base: str = "https://www.example.com") -> Url | None:
    """text (absolute, or a path on base) as the browser reads it; None when it is no web URL."""
    text = text.strip()
    if text.startswith("/"):
        text = base.rstrip("/") + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname.lower()
    if port is not None and str(port) != DEFAULT_PORTS[parts.scheme.lower()]:
        host += f":{port}"
    pathname = quote(_without_dots(parts.path.replace("\\", "/") or "/"), safe=_PATH_SAFE)
    search = "?" + quote(parts.query, safe=_QUERY_SAFE) if parts.query else ""
    fragment = "#" + parts.fragment if parts.fragment else ""
    href = f"{parts.scheme.lower()}://{host}{pathname}{search}{fragment}"
    return Url(href, pathname, search, fragment)


def _without_dots(path: str) -> str:
    """/a/../b is /b, as a browser resolves it."""
    segments, out = path.split("/")[1:], []
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg.lower() in ("..", ".%2e", "%2e.", "%2e%2e"):
            if out:
                out.pop()
        elif seg.lower() not in (".", "%2e"):
            out.append(seg)
            continue
        if last:
            out.append("")
    return "/" + "/".join(out)


def _wildcard(value: str) -> str:
    return "^" + ".*".join(_WILDCARD_SPECIAL.sub(r"\\\g<0>", p) for p in value.split("*")) + "$"


def rule_matches(rule: dict, url: Url) -> bool:
    """One rule {"match", "value", "fragment"} against url, as ruleMatches() in entry_points.js;
    with "fragment", the URL's #fragment is part of what is matched (hash routers)."""
    value, match = str(rule.get("value") or ""), rule.get("match")
    tail = url.hash if rule.get("fragment") else ""
    if re.match(r"https?:", value, re.IGNORECASE):
        subject = url.href.split("#", 1)[0] + tail
    elif match == "contains":
        subject = url.pathname + url.search + tail
    else:
        subject = url.pathname + tail
    if match == "equals":
        return subject == value
    if match == "contains":
        return value in subject
    if match == "starts_with":
        return subject.startswith(value)
    if match in ("wildcard", "regex"):
        pattern = _wildcard(value) if match == UrlMatch.WILDCARD else value
        try:
            return re.search(pattern, subject) is not None
        except re.error:
            return False
    return False


def in_entry_point(rules: list[dict], url: Url) -> bool:
    """In when a rule includes the URL and no exclusion leaves it out."""
    if any(r.get("exclude") and rule_matches(r, url) for r in rules):
        return False
    return any(not r.get("exclude") and rule_matches(r, url) for r in rules)


@dataclass(frozen=True)
class UrlAnswer:
    """What one tested URL gets: the entry points it is in, and their engagements."""

    text: str
    url: Url | None
    entry_points: tuple[str, ...]
    engagements: tuple[str, ...]


def answer_urls(
    texts: list[str],
    entry_points: list[tuple[str, list[dict]]],
    engagements: list[tuple[str, str]],
    base: str = "https://www.example.com",
) -> list[UrlAnswer]:
    """Each URL of texts against entry_points [(name, rules)]; engagements [(name, entry point name)]."""
    answers = []
    for text in texts:
        url = parse_url(text, base)
        names = tuple(n for n, rules in entry_points if url and in_entry_point(rules, url))
        users = tuple(e for e, ep in engagements if ep in names)
        answers.append(UrlAnswer(text, url, names, users))
    return answers
