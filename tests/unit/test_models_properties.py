"""Property declarations: one place gives type, default, limits and the sentence for bad values."""

from __future__ import annotations

import pytest

from designer.models.properties import DESIGN_PROPS, ELEMENT_PROPS, WINDOW_PROPS, P, defaults


def every_spec():  # noqa: ANN201
    yield from DESIGN_PROPS
    yield from WINDOW_PROPS
    for specs in ELEMENT_PROPS.values():
        yield from specs


def test_every_declared_default_is_valid_for_its_own_declaration() -> None:
    for spec in every_spec():
        assert spec.problem(spec.default) is None, spec.name
        assert spec.label


def test_element_kinds_of_the_studio() -> None:
    assert set(ELEMENT_PROPS) == {"text", "image", "button", "shape", "close"}
    for specs in ELEMENT_PROPS.values():
        names = [s.name for s in specs]
        assert {"x", "y", "width", "height", "reading_order"} <= set(names)
        assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("spec", "value", "sentence"),
    [
        (
            P("size", "int", 16, "Font size", minimum=8, maximum=96),
            120,
            "Font size must be at most 96.",
        ),
        (
            P("size", "int", 16, "Font size", minimum=8, maximum=96),
            2,
            "Font size must be at least 8.",
        ),
        (P("size", "int", 16, "Font size"), 1.5, "Font size must be a whole number."),
        (P("size", "int", 16, "Font size"), "big", "Font size must be a number."),
        (P("size", "int", 16, "Font size"), True, "Font size must be a number."),
        (P("bold", "bool", False, "Bold"), "yes", "Bold must be on or off."),
        (
            P("c", "color", "#000000", "Text colour"),
            "red",
            "Text colour must be a colour like #1a73e8.",
        ),
        (
            P("a", "enum", "left", "Alignment", choices=("left", "right")),
            "up",
            "Alignment must be one of: left, right.",
        ),
        (P("t", "text", "", "Label"), 12, "Label must be text."),
    ],
)
def test_bad_values_get_a_sentence(spec, value, sentence: str) -> None:  # noqa: ANN001
    assert spec.problem(value) == sentence


def test_coerce_reads_what_it_can_and_falls_back_to_the_default() -> None:
    size = P("size", "int", 16, "Font size", minimum=8, maximum=96)
    assert (size.coerce("20"), size.coerce(19.6), size.coerce("huge"), size.coerce(500)) == (
        20,
        20,
        16,
        16,
    )
    colour = P("c", "color", "#000000", "Colour")
    assert (colour.coerce("#ABCDEF"), colour.coerce("blue"), colour.coerce(None)) == (
        "#ABCDEF",
        "#000000",
        "#000000",
    )


def test_defaults_by_name() -> None:
    assert defaults(DESIGN_PROPS)["label"] == "Message us"
    assert defaults(WINDOW_PROPS)["header_text"] == "Chat with us"
