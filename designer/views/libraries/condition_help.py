"""What each targeting condition means, and whether the web tag supports it (the guide's globe).

Support is read from the runtime itself: a condition is supported when the
tag's AUDIENCE or BEHAVIOR table has a test for it, so the mark cannot drift
from what the site will run.
"""

from __future__ import annotations

from functools import cache

from designer.bundle.errors import BundleError
from designer.bundle.runtime_scripts import condition_evaluators
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS

# What each condition means, as its declaration says.
DESCRIPTIONS = {
    c.type: c.description for c in (*AUDIENCE_CONDITIONS.values(), *BEHAVIOR_CONDITIONS.values())
}


@cache
def web_supported() -> frozenset[str]:
    """The condition types the web tag tests (empty if the runtime cannot be read)."""
    try:
        tables = condition_evaluators()
    except BundleError:
        return frozenset()
    return frozenset(k for table in tables.values() for k in table)


def supported_words(condition_type: str) -> str:
    if condition_type in web_supported():
        return "Supported: the web tag applies this condition on the site."
    return "Not supported on the web: the web tag ignores this condition."
