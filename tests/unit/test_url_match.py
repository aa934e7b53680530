"""The URL tester's matching: the runtime's rules, and sitemaps read safely."""

from __future__ import annotations

import pytest

from designer.models.sitemap import SitemapError, sitemap_urls, sitemap_urls_from
from designer.models.url_match import answer_urls, in_entry_point, parse_url, rule_matches

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://shop.example.com/</loc></url>
  <url><loc> https://shop.example.com/cart </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://shop.example.com/checkout/payment</loc></url>
</urlset>"""


def test_paths_are_read_on_the_site_and_normalised_as_a_browser_does():
    url = parse_url("/Help Me?q=a b#top", "https://Shop.Example.com:443")
    assert url.href == "https://shop.example.com/Help%20Me?q=a%20b#top"
    assert url.pathname == "/Help%20Me" and url.search == "?q=a%20b"
    assert parse_url("shop.example.com/cart") is None  # no scheme: not an address
    assert parse_url("ftp://shop.example.com/") is None


@pytest.mark.parametrize(
    ("rule", "address", "expected"),
    [
        ({"match": "equals", "value": "/cart"}, "/cart", True),
        ({"match": "equals", "value": "/cart"}, "/cart?x=1", True),  # equals reads the path
        ({"match": "contains", "value": "x=1"}, "/cart?x=1", True),  # contains reads the query too
        ({"match": "starts_with", "value": "/check"}, "/checkout/pay", True),
        ({"match": "wildcard", "value": "/help/*"}, "/help/returns", True),
        ({"match": "wildcard", "value": "/help/?"}, "/help/a", False),  # ? is no wildcard
        ({"match": "regex", "value": "^/p(roducts)?/"}, "/products/shoes", True),
        ({"match": "regex", "value": "(unclosed"}, "/anything", False),
        ({"match": "equals", "value": "https://shop.example.com/cart"}, "/cart#x", True),
    ],
)
def test_rules_match_as_the_runtime_does(rule, address, expected):
    assert rule_matches(rule, parse_url(address, "https://shop.example.com")) is expected


def test_an_exclusion_wins_and_answers_count_engagements():
    rules = [
        {"match": "wildcard", "value": "*", "exclude": False},
        {"match": "starts_with", "value": "/checkout", "exclude": True},
    ]
    assert not in_entry_point(rules, parse_url("/checkout/pay"))
    answers = answer_urls(
        ["/", "/checkout", "not a url"],
        [("Site but checkout", rules)],
        [("Sale › Button", "Site but checkout"), ("Sale › Toaster", "Elsewhere")],
    )
    assert [a.entry_points for a in answers] == [("Site but checkout",), (), ()]
    assert answers[0].engagements == ("Sale › Button",)
    assert answers[2].url is None


def test_a_sitemap_gives_its_addresses_in_order(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_bytes(SITEMAP)
    assert sitemap_urls(path) == [
        "https://shop.example.com/",
        "https://shop.example.com/cart",
        "https://shop.example.com/checkout/payment",
    ]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><urlset>&lol;</urlset>',
            "DTD",
        ),
        (b"<urlset><url><loc>https://a/</loc></url>", "not readable XML"),
        (b"<html><body>hello</body></html>", "not a sitemap"),
        (
            b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<sitemap><loc>https://a/s1.xml</loc></sitemap></sitemapindex>",
            "sitemap index",
        ),
    ],
)
def test_bad_sitemaps_are_refused_with_a_sentence(data, words):
    with pytest.raises(SitemapError, match=words):
        sitemap_urls_from(data, "sitemap.xml")


def test_a_huge_sitemap_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.xml"
    with path.open("wb") as f:
        f.truncate(10 * 1024 * 1024 + 1)  # sparse: no real 10 MB written
    with pytest.raises(SitemapError, match="larger than 10 MB"):
        sitemap_urls(path)
    with pytest.raises(SitemapError, match="cannot be read"):
        sitemap_urls(tmp_path / "missing.xml")
