"""The URL tester answers as the web tag does: the same URLs through entry_points.js in Chromium."""

from __future__ import annotations

import itertools
from importlib import resources

from designer.models.url_match import parse_url, rule_matches

URLS = [
    "https://shop.example.com/",
    "https://shop.example.com/cart",
    "https://shop.example.com/cart?coupon=WINTER&x=1",
    "https://Shop.Example.com:443/Checkout/Payment",
    "https://shop.example.com:8443/checkout/",
    "http://shop.example.com/help/returns#shipping",
    "https://shop.example.com/products/shoes/trail runner",
    "https://shop.example.com/café/menü?q=grüße",
    "https://shop.example.com/a/../help/./faq",
    "https://shop.example.com/search?q=a+b&c=%20d",
    "https://shop.example.com/products",
    "https://shop.example.com/PRODUCTS/x.html",
    "https://shop.example.com/#/checkout/payment",
    "https://shop.example.com/app?x=1#/cart",
]
RULES = [
    {"match": "equals", "value": "/cart"},
    {"match": "equals", "value": "/"},
    {"match": "equals", "value": "https://shop.example.com/help/returns"},
    {"match": "contains", "value": "coupon"},
    {"match": "contains", "value": "/products"},
    {"match": "contains", "value": "trail%20runner"},
    {"match": "starts_with", "value": "/checkout"},
    {"match": "starts_with", "value": "/Checkout"},
    {"match": "starts_with", "value": "https://shop.example.com:8443/"},
    {"match": "wildcard", "value": "*"},
    {"match": "wildcard", "value": "/help/*"},
    {"match": "wildcard", "value": "/products/*.html"},
    {"match": "wildcard", "value": "/caf*"},
    {"match": "wildcard", "value": "*/faq"},
    {"match": "regex", "value": "^/(help|cart)"},
    {"match": "regex", "value": "\\.html$"},
    {"match": "regex", "value": "products/\\w+/"},
    {"match": "regex", "value": "(unclosed"},
    # hash routers: the #fragment is matched too
    {"match": "starts_with", "value": "/#/checkout", "fragment": True},
    {"match": "contains", "value": "#/cart", "fragment": True},
    {"match": "contains", "value": "#/cart"},
    {"match": "equals", "value": "https://shop.example.com/#/checkout/payment", "fragment": True},
    {"match": "wildcard", "value": "/#/*", "fragment": True},
]
# The runtime's own functions, with the two helpers of its other files they call.
RUN = """(cases) => {
  var regexCache = {};
  function quote(s) { return s; }
  function anyIn() { return false; }
  %s
  return cases.map(function (c) {
    var url = new URL(c.url);
    return {match: ruleMatches(c.rule, url), href: url.href, path: url.pathname, search: url.search};
  });
}"""


def test_the_tester_matches_every_url_as_the_runtime_does(chromium):
    source = resources.files("designer.bundle").joinpath("runtime", "entry_points.js").read_text()
    cases = [{"url": u, "rule": r} for u, r in itertools.product(URLS, RULES)]
    page = chromium.new_page()
    try:
        answers = page.evaluate(RUN % source, cases)
    finally:
        page.close()
    disagreements = []
    for case, js in zip(cases, answers, strict=True):
        url = parse_url(case["url"])
        assert (url.href, url.pathname, url.search) == (js["href"], js["path"], js["search"])
        if rule_matches(case["rule"], url) != js["match"]:
            disagreements.append((case["url"], case["rule"], js["match"]))
    assert disagreements == []
    assert sum(a["match"] for a in answers) > len(
        URLS
    )  # the set exercises matches, not only misses
