"""A conversation window's design is checked like an engagement's: its errors are Problems
that stop an export of what uses it; an unused or turned-off user's design stops nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from designer.bundle.errors import ExportRefused
from designer.bundle.export import export
from designer.models import Campaign, Engagement, LibraryWindow
from designer.models.design import Element, WindowDesign
from designer.models.store import Store
from designer.models.validation import ERROR, WARNING, Problem, campaign_problems, validate
from designer.models.window_checks import window_notes
from tests.unit.window_samples import AGENT_FAILS, HEADER_FAILS, library_design, set_own_window


def problems(store: Store) -> list[Problem]:
    with store.read() as s:
        return validate(s)


def test_the_sample_store_has_no_window_problem(store: Store) -> None:
    assert not [p for p in problems(store) if "Window" in p.message]


def test_each_failing_window_check_is_a_problem_with_the_studios_sentence(store: Store) -> None:
    eid = set_own_window(
        store,
        "Message us button",
        header_color="#ffffff",
        header_text_color="#eeeeee",
        header_image="asset:0000",
        header_image_link="javascript:alert(1)",
        agent_bubble_color="#1a56db",  # as the visitor's bubble: a warning, not an error
        agent_text_color="#ffffff",
    )
    found = {p.where.field: p for p in problems(store) if p.where.entity == "engagement"}
    header = found["window_design.header_text_color"]
    assert (header.severity, header.where.id, header.message) == (ERROR, eid, HEADER_FAILS)
    assert header.where.label == "Winter sale › Message us button"
    assert found["window_design.header_image_alt"].message == (
        "Window, header image alt text: The header image has no alt text; describe it."
    )
    assert found["window_design.header_image_link"].message == (
        "Window, header image link: The link must start with https://, http://, mailto: or tel:."
    )
    alike = found["window_design.visitor_bubble_color"]
    assert alike.severity == WARNING and "bubbles look alike" in alike.message
    # the sentence is the one the window studio shows beside the field
    with store.read() as s:
        props = s.get(Engagement, eid).get_window_design().props
    [(severity, sentence)] = window_notes(props)["header_text_color"]
    assert severity == ERROR and header.message.endswith(sentence)


def test_a_library_design_is_one_problem_naming_what_uses_it(store: Store) -> None:
    item = library_design(
        store,
        "Pale window",
        ("Checkout rescue", "Message us button"),
        agent_bubble_color="#ffffff",
        agent_text_color="#fbfbfb",
    )
    [problem] = [p for p in problems(store) if p.where.entity == "window"]
    assert (problem.severity, problem.where.id, problem.message) == (ERROR, item, AGENT_FAILS)
    assert problem.where.field == "agent_text_color"
    assert problem.where.label == (
        "Window design “Pale window” (used by Winter sale › Checkout rescue, "
        "Winter sale › Message us button)"
    )
    with store.read() as s:
        sale = s.scalars(select(Campaign).where(Campaign.name == "Winter sale")).one()
        care = s.scalars(select(Campaign).where(Campaign.name == "Customer care")).one()
        assert problem in campaign_problems(s, sale)
        assert problem not in campaign_problems(s, care)


def test_export_stops_on_a_window_a_published_engagement_uses_until_fixed(
    store: Store, tmp_path: Path
) -> None:
    set_own_window(store, "Message us button", header_color="#ffffff", header_text_color="#eeeeee")
    with pytest.raises(ExportRefused) as refused:
        export(store, None, tmp_path / "site")
    assert f"Winter sale › Message us button: {HEADER_FAILS}" in str(refused.value)
    assert not (tmp_path / "site").exists()
    set_own_window(store, "Message us button", header_text_color="#ffffff", header_color="#1a56db")
    assert export(store, None, tmp_path / "site").out.is_dir()


def test_export_stops_on_a_library_window_it_uses(store: Store, tmp_path: Path) -> None:
    item = library_design(
        store, "Pale window", ("Checkout rescue",), agent_text_color="#eef1f6"
    )  # Winter sale is published
    with pytest.raises(ExportRefused) as refused:
        export(store, None, tmp_path / "site")
    assert (
        f"Window design “Pale window” (used by Winter sale › Checkout rescue): {AGENT_FAILS}"
        in (str(refused.value))
    )
    with store.edit() as s:
        s.get(LibraryWindow, item).design = WindowDesign().to_dict()
    assert export(store, None, tmp_path / "site").out.is_dir()


def test_a_window_nothing_exported_uses_stops_no_export(store: Store, tmp_path: Path) -> None:
    library_design(store, "Unused", (), agent_text_color="#eef1f6")
    library_design(store, "Draft's", ("Help centre button",), agent_text_color="#eef1f6")
    library_design(store, "Turned off's", ("Cart toaster",), agent_text_color="#eef1f6")
    with store.edit() as s:
        s.scalars(select(Engagement).where(Engagement.name == "Cart toaster")).one().enabled = False
    listed = [p.where.label for p in problems(store) if p.where.entity == "window"]
    assert listed == [  # still listed in Problems, errors first and by name
        "Window design “Draft's” (used by Customer care › Help centre button)",
        "Window design “Turned off's” (used by Winter sale › Cart toaster)",
        "Window design “Unused”",
    ]
    result = export(store, None, tmp_path / "site")  # Customer care is a draft: not exported
    assert result.out.is_dir()


def test_a_text_added_to_the_window_is_checked_against_the_windows_theme(store: Store) -> None:
    with store.edit() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == "Message us button")).one()
        design = e.get_window_design()
        design.props["theme"] = "dark"
        design.elements.append(Element.new("text1", "text", text="Open 9 to 17", color="#2a2a2a"))
        e.window_design = design.to_dict()
    [problem] = [p for p in problems(store) if "elements" in p.where.field]
    assert (problem.severity, problem.where.field) == (ERROR, "window_design.elements.text1.color")
    assert problem.message == (
        "Window, text1: Text contrast is 1.1:1, below the 4.5:1 that people with low vision "
        "need; darken or lighten the text or background."
    )
    set_own_window(store, "Message us button", theme="light")  # dark grey on white reads well
    assert not [p for p in problems(store) if "elements" in p.where.field]
