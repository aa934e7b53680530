"""The account's currency list is ISO 4217's list one, checked against Debian's iso-codes
(the ISO 4217 maintenance agency's list as Debian ships it): every code we offer is one of
ISO's, with ISO's name, and every code of ISO's we leave out is left out for a reason."""

from __future__ import annotations

import json
from pathlib import Path

from designer.models.currencies import currencies, currency_problem

ISO_CODES = Path("/usr/share/iso-codes/json/iso_4217.json")  # Debian's iso-codes package
# Codes ISO added after the iso-codes release Debian 12 ships (4.15.0, 2023).
NEWER_THAN_DEBIAN = {
    "XCG": "Caribbean Guilder",  # replaced ANG on 2025-03-31 (amendment 176)
    "ZWG": "Zimbabwe Gold",  # replaced ZWL in 2024 (amendment 177)
}
# ISO codes nothing is priced in: funds, precious metals, units of account, testing.
NOT_PRICES = {
    *["BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"],  # funds and indexed units
    *["XAG", "XAU", "XPD", "XPT"],  # precious metals
    *["XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA"],  # units of account
    *["XTS", "XXX"],  # testing, and "no currency"
}
# Withdrawn since: the country now uses the code beside it.
WITHDRAWN = {"ANG": "XCG", "CUC": "CUP", "HRK": "EUR", "SLL": "SLE", "ZWL": "ZWG"}


def iso_list() -> dict[str, str]:
    return {c["alpha_3"]: c["name"] for c in json.loads(ISO_CODES.read_text("utf-8"))["4217"]}


def test_every_offered_code_is_iso_4217_with_iso_name() -> None:
    iso = {**iso_list(), **NEWER_THAN_DEBIAN}
    ours = currencies()
    assert {code: iso.get(code) for code in ours} == ours


def test_every_iso_code_left_out_is_a_fund_a_metal_or_withdrawn() -> None:
    left_out = set(iso_list()) - set(currencies())
    assert left_out == NOT_PRICES | set(WITHDRAWN)
    assert all(now in currencies() for now in WITHDRAWN.values())


def test_a_withdrawn_code_is_refused_with_a_sentence() -> None:
    assert currency_problem("HRK") == (
        "“HRK” is not an ISO 4217 currency code; choose one from the list, like GBP or EUR."
    )
    assert currency_problem("eur") is None and currency_problem("UAE Dirham") is None
