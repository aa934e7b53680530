"""ISO 4217 currencies: the codes a designer picks the account's currency from.

Python has no list of its own; iso4217.json holds the active codes with their names.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def currencies() -> dict[str, str]:
    """Active ISO 4217 codes -> the currency's name, in code order."""
    text = resources.files("designer.models").joinpath("iso4217.json").read_text("utf-8")
    return dict(sorted(json.loads(text)["currencies"].items()))


def currency_code(typed: str) -> str | None:
    """The code a designer means by typed text ("gbp", "GBP — Pound Sterling",
    "pound sterling"), or None when it names no active currency."""
    text = typed.strip()
    code = text[:3].upper()
    if code in currencies() and (len(text) == 3 or not text[3:4].isalnum()):
        return code
    by_name = {name.casefold(): c for c, name in currencies().items()}
    return by_name.get(text.casefold())


def currency_problem(typed: str) -> str | None:
    """Why typed is not a currency the account can use, or None."""
    if currency_code(typed) is not None:
        return None
    if not typed.strip():
        return "Choose the account's currency from the list, like GBP or EUR."
    return (
        f"“{typed.strip()}” is not an ISO 4217 currency code; "
        "choose one from the list, like GBP or EUR."
    )


def currency_label(code: str) -> str:
    """“GBP — Pound Sterling”, as the list shows it."""
    name = currencies().get(code)
    return f"{code} — {name}" if name else code
