"""What tests ask a page whose tag is running: its decisions and what it shows."""

from __future__ import annotations

from typing import Any

# A host page script (run before the tag) that records every CSP violation.
LISTEN_FOR_VIOLATIONS = (
    "window.violations = [];"
    "document.addEventListener('securitypolicyviolation', e => "
    "window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


def wait_for_tag(page: Any) -> None:
    """Until the tag has read its manifest (decisions() lists the engagements)."""
    page.wait_for_function(  # a function, not an expression: a CSP page refuses eval
        "() => window.EngagementTag && window.EngagementTag.decisions && "
        "window.EngagementTag.decisions().length > 0"
    )


def decision(page: Any, engagement_id: int = 1) -> dict[str, Any]:
    return page.evaluate("id => EngagementTag.decisions().find(d => d.id === id)", engagement_id)


def shown(page: Any) -> list[int]:
    """Ids of the engagements on the page, in document order, once every engagement the
    decisions show is drawn (the first is drawn when draw.js and the styles have loaded)."""
    page.wait_for_function(
        "() => EngagementTag.decisions().filter(d => d.shows).every(d =>"
        ' document.querySelector(`ed-engagement[data-engagement="${d.id}"]`))'
    )
    return page.evaluate(
        "[...document.querySelectorAll('ed-engagement')].map(e => +e.dataset.engagement)"
    )


def set_preview(page: Any, **options: Any) -> None:
    page.evaluate("o => EngagementTag.preview(o)", options)


def push(page: Any, **item: Any) -> None:
    page.evaluate("item => EngagementTag.push(item)", item)


def wait_for_problem(page: Any, words: str, seconds: float = 10) -> str:
    """The first console problem containing words, once the page reported it."""
    for _ in range(int(seconds * 20)):
        found = [p for p in page.problems if words in p]
        if found:
            return found[0]
        page.wait_for_timeout(50)
    raise AssertionError(f"the page never said {words!r}; it said {page.problems}")


# The focused element, inside the shadow root that holds it (engagements and the window
# live in shadow roots of their own): an expression, e.g. f"{ACTIVE}.className".
ACTIVE = (
    "(() => { let a = document.activeElement;"
    " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;"
    " return a; })()"
)


def count_deep(page: Any, selector: str) -> int:
    """Elements matching selector in the page and in every (open) shadow root."""
    return page.evaluate(
        "sel => { let n = 0; const walk = r => { n += r.querySelectorAll(sel).length;"
        " r.querySelectorAll('*').forEach(e => e.shadowRoot && walk(e.shadowRoot)); };"
        " walk(document); return n; }",
        selector,
    )
