"""The forecast model: the visitors a forecast sends through the tag, as one plain dict.

Qt-free. The defaults describe the sample site (designer/preview/sample_site):
its pages, how shoppers move between them, devices, sources, carts. Every
figure has a sentence saying what it means (FIELDS), which the app shows
beside it. `checked_model` turns whatever was stored (or typed) into a
complete model, or says in a sentence what is wrong.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

from designer.models.vocabulary import MarketingSource

MODEL_VERSION = 1
DEVICES = ("desktop", "tablet", "phone")
SOURCES = tuple(s.value for s in MarketingSource if s.value != "custom")
LEAVE = ""  # in a page's "next": the visitor leaves the site

# Visits by hour of the day (site time), the shape of a shop's day.
_HOURS = [1, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 8, 7, 7, 6, 6, 6, 7, 8, 8, 6, 4, 2]


def _page(path: str, name: str, entry: float, seconds: int, scroll: int, **more: Any) -> dict:
    page = {"path": path, "name": name, "entry": entry, "seconds": seconds, "scroll": scroll}
    defaults = {"element_ids": [], "next": {}, "add_to_cart": 0.0, "product": "", "purchase": False}
    page.update(defaults | more)
    return page


_PRODUCTS = ("winter-jacket", "trail-boots", "wool-scarf", "fleece-gloves")
_PRICES = {"winter-jacket": 180.0, "trail-boots": 120.0, "wool-scarf": 35.0, "fleece-gloves": 25.0}

DEFAULT_MODEL: dict[str, Any] = {
    "version": MODEL_VERSION,
    "origin": "https://www.example.com",
    "visits_per_day": 2000,
    "weekdays": [100, 95, 95, 100, 110, 120, 90],
    "hours": _HOURS,
    "devices": {"desktop": 55, "tablet": 10, "phone": 35},
    "without_viewport_meta": 0,
    "returning": 30,
    "sources": {
        "direct": 35,
        "search": 28,
        "paid_search": 10,
        "email": 8,
        "social": 10,
        "referral": 6,
        "display": 3,
    },
    "cart_abandon": 70,
    "cart_decrease": 10,
    "exit_intent": 60,
    "decline": 40,
    "pages": [
        _page(
            "/",
            "Home",
            45,
            25,
            60,
            element_ids=["promo-slot"],
            next={f"/product/{p}": 15 for p in _PRODUCTS} | {"/help": 8, "/cart": 4, LEAVE: 28},
        ),
        *(
            _page(
                f"/product/{p}",
                p.replace("-", " ").capitalize(),
                9,
                45,
                70,
                element_ids=["promo-slot"],
                product=p,
                price=_PRICES[p],
                add_to_cart=30,
                next={"/cart": 25, "/": 15, LEAVE: 30}
                | {f"/product/{o}": 10 for o in _PRODUCTS if o != p},
            )
            for p in _PRODUCTS
        ),
        _page(
            "/cart",
            "Cart",
            4,
            30,
            50,
            element_ids=["promo-slot"],
            next={"/checkout": 55, "/": 15, LEAVE: 30},
        ),
        _page(
            "/checkout",
            "Checkout",
            0,
            60,
            80,
            element_ids=["name", "email", "address", "card"],
            next={"/checkout/done": 100},
        ),
        _page("/checkout/done", "Order placed", 0, 20, 30, purchase=True, next={LEAVE: 100}),
        _page(
            "/help", "Help centre", 15, 50, 60, element_ids=["help-chat"], next={"/": 40, LEAVE: 60}
        ),
    ],
}

FIELDS: dict[str, str] = {
    "origin": "The site's address; pages are paths under it.",
    "visits_per_day": "Visits on an average day (each visit is one visitor's pages in a row).",
    "weekdays": "Traffic of each weekday, Monday to Sunday, relative to each other.",
    "hours": "Share of a day's visits in each hour, 00 to 23, in the account's time zone.",
    "devices": "Shares of visits from desktops, tablets and phones, relative to each other "
    "(55, 10 and 35 are 55 %, 10 % and 35 %; 1, 1 and 2 are 25 %, 25 % and 50 %).",
    "without_viewport_meta": "Per cent of phone visits on pages without the viewport meta tag "
    "(their conversation window opens in a new tab).",
    "returning": "Per cent of visitors who have visited before (the tag remembers them).",
    "sources": "Shares of visits by marketing source (how the visitor arrived), relative to "
    "each other like the devices' shares.",
    "cart_abandon": "Per cent of visitors with a cart who leave without buying "
    "(the others go on to the page where the order is placed).",
    "cart_decrease": "Per cent of cart pages where the visitor removes an item.",
    "exit_intent": "Per cent of desktop visitors whose mouse leaves the window before they go.",
    "decline": "Per cent of proactive invitations the visitor closes.",
    "pages": "The site's pages: share of visits entering on each, seconds spent, how far "
    "visitors scroll, and the chance of each next page or of leaving the site.",
}


class ModelError(ValueError):
    """str() says what is wrong with the model and what to do."""


def default_model() -> dict[str, Any]:
    return copy.deepcopy(DEFAULT_MODEL)


def _figure(value: Any) -> str:
    """A number as a designer writes it: 1,000,000,000 and -5, not 1e+09 and -5.0."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return repr(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _number(value: Any, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ModelError(
            f"{what} must be a number from {_figure(low)} to {_figure(high)}; "
            f"it is {_figure(value)}."
        )
    return value


def _shares(value: Any, keys: tuple[str, ...], what: str) -> dict[str, float]:
    if not isinstance(value, dict) or set(value) - set(keys):
        raise ModelError(f"{what} must give shares for {', '.join(keys)} only.")
    shares = {k: _number(value.get(k, 0), f"{what}: {k}", 0, 1e9) for k in keys}
    if not sum(shares.values()):
        raise ModelError(f"{what} are all 0; give at least one a share.")
    return shares


def _weights(value: Any, count: int, what: str) -> list[float]:
    if not isinstance(value, list) or len(value) != count:
        raise ModelError(f"{what} needs {count} figures.")
    weights = [_number(v, what, 0, 1e9) for v in value]
    if not sum(weights):
        raise ModelError(f"{what} are all 0; give at least one a share.")
    return weights


def _checked_page(page: Any) -> dict[str, Any]:
    if not isinstance(page, dict) or not str(page.get("path", "")).startswith("/"):
        raise ModelError("Every page needs a path starting with “/”, like /cart.")
    path = page["path"]
    out = _page(path, str(page.get("name") or path), 0, 30, 50)
    out.update({k: v for k, v in page.items() if k in out or k == "price"})
    out["entry"] = _number(out["entry"], f"The entry share of {path}", 0, 1e9)
    out["seconds"] = _number(out["seconds"], f"The seconds on {path}", 1, 3600)
    out["scroll"] = _number(out["scroll"], f"The scroll depth on {path}", 0, 100)
    out["add_to_cart"] = _number(out["add_to_cart"], f"The add-to-cart chance on {path}", 0, 100)
    out["price"] = _number(out.get("price", 0), f"The price on {path}", 0, 1e9)
    if not isinstance(out["next"], dict):
        raise ModelError(f"The next pages of {path} must be paths with a chance each.")
    for target, chance in out["next"].items():
        _number(chance, f"The chance of going from {path} to {target or 'leaving'}", 0, 1e9)
    out["purchase"] = bool(out["purchase"])
    ids = out["element_ids"]
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise ModelError(f"The element ids of {path} must be a list of ids.")
    return out


def checked_model(raw: Any) -> dict[str, Any]:
    """A complete model: raw's figures over the defaults; ModelError says what is wrong."""
    model = default_model()
    if raw is None:
        return model
    if not isinstance(raw, dict):
        raise ModelError("The forecast model is not a set of figures; start from the defaults.")
    model.update({k: copy.deepcopy(v) for k, v in raw.items() if k in DEFAULT_MODEL})
    model["version"] = MODEL_VERSION
    if not isinstance(model["origin"], str) or not re.match(r"https?://[^/]+$", model["origin"]):
        raise ModelError("The site's address must look like https://www.example.com.")
    _number(model["visits_per_day"], "Visits per day", 1, 10_000_000)
    model["weekdays"] = _weights(model["weekdays"], 7, "The weekdays' traffic")
    model["hours"] = _weights(model["hours"], 24, "The hours' traffic")
    model["devices"] = _shares(model["devices"], DEVICES, "The device shares")
    model["sources"] = _shares(model["sources"], SOURCES, "The marketing sources")
    for key in ("without_viewport_meta", "returning", "cart_abandon", "cart_decrease"):
        _number(model[key], FIELDS[key].split(" (")[0].rstrip("."), 0, 100)
    for key in ("exit_intent", "decline"):
        _number(model[key], FIELDS[key].rstrip("."), 0, 100)
    if not isinstance(model["pages"], list) or not model["pages"]:
        raise ModelError("The model needs at least one page of the site.")
    model["pages"] = [_checked_page(p) for p in model["pages"]]
    paths = [p["path"] for p in model["pages"]]
    if len(set(paths)) != len(paths):
        raise ModelError("Two pages have the same path; give each page once.")
    if not sum(p["entry"] for p in model["pages"]):
        raise ModelError("No page has an entry share: say where visitors arrive.")
    for p in model["pages"]:
        unknown = [t for t in p["next"] if t != LEAVE and t not in paths]
        if unknown:
            raise ModelError(f"{p['path']} leads to {unknown[0]}, which is not one of the pages.")
    return model


def pages_from_urls(urls: list[str]) -> list[dict[str, Any]]:
    """Pages for a list of URLs: an equal share each, any page leading to any other."""
    paths = list(dict.fromkeys(urlsplit(u.strip()).path or "/" for u in urls if u.strip()))
    if not paths:
        raise ModelError("The list holds no URL; give one address a line.")
    pages = []
    for path in paths:
        others = {p: 1 for p in paths if p != path}
        pages.append(_page(path, path, 1, 30, 50, next=others | {LEAVE: max(1, len(others))}))
    return pages


def urls_from_sitemap(text: str) -> list[str]:
    """The <loc> addresses of a sitemap.xml; ModelError when it is not one."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise ModelError(
            f"This is not a sitemap.xml ({e}); choose the site's sitemap file."
        ) from None
    urls = [el.text or "" for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "loc"]
    if not urls:
        raise ModelError("The sitemap lists no page (no <loc> address); choose another file.")
    return urls
