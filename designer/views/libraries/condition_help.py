"""What each targeting condition means, and whether the web tag supports it (the guide's globe).

Support is read from the runtime itself: a condition is supported when the
tag's AUDIENCE or BEHAVIOR table has a test for it, so the mark cannot drift
from what the site will run.
"""

from __future__ import annotations

import re
from functools import cache

from designer.bundle.errors import BundleError
from designer.bundle.runtime_scripts import readable_source

DESCRIPTIONS = {
    # target audiences
    "referral": "The site the visitor came from (its address contains these words).",
    "search_keywords": "Words the visitor searched for before arriving.",
    "platform": "The visitor's device: desktop, tablet or phone.",
    "marketing_source": "How the visitor arrived: direct, email, paid search, social…",
    "geo": "The country or region the site says the visitor is in.",
    "visitor_type": "Whether this is the visitor's first visit or a return.",
    "customer_type": "A customer type the site pushes, e.g. VIP or business.",
    "customer_status": "A customer status the site pushes, e.g. logged in or churn risk.",
    "attribute": "Any engagement attribute the site pushes, compared with a value.",
    # behaviors
    "time_on_entry_point": "How long the visitor has stayed on the entry point's pages.",
    "visited_entry_point": "Whether the visitor saw (or did not see) another entry point.",
    "flow": "The visitor went through these pages in this order.",
    "exit_intent": "The visitor is about to leave: the pointer heads for the tab bar.",
    "cart_value": "The value of the visitor's cart, or that it went down.",
    "products_in_cart": "The cart holds one of these products.",
    "viewed_product": "The visitor looked at one of these products.",
    "visitor_error": "The site showed the visitor an error (its message or code).",
    "engaged_in_session": "The visitor saw, closed or clicked an engagement in this visit.",
    "service_activity": "The site reports a service activity, e.g. an order tracked.",
    "scroll_depth": "How far down the page the visitor scrolled.",
    "pages_viewed": "How many pages the visitor has seen in this visit.",
}
_TABLE = re.compile(r"var (AUDIENCE|BEHAVIOR) = \{(.*?)\n\};", re.DOTALL)
_KEY = re.compile(r"^  (\w+): function", re.MULTILINE)


@cache
def web_supported() -> frozenset[str]:
    """The condition types the web tag tests (empty if the runtime cannot be read)."""
    try:
        source = readable_source("tag.js")
    except BundleError:
        return frozenset()
    return frozenset(k for _name, body in _TABLE.findall(source) for k in _KEY.findall(body))


def supported_words(condition_type: str) -> str:
    if condition_type in web_supported():
        return "Supported: the web tag applies this condition on the site."
    return "Not supported on the web: the web tag ignores this condition."
