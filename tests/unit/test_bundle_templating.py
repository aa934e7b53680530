"""Templates are escaped for what they write: HTML escaped in pages, CSS left as written."""

from __future__ import annotations

from designer.bundle.build import css_bytes
from designer.bundle.templating import environment


def test_a_stylesheet_keeps_quotes_and_ampersands_as_written() -> None:
    css = environment().get_template("engagements.css.j2")
    text = css.render(focus_width=3, focus_color="rgb(0 0 0 / 50%) 'x' & <y>", send_color="#fff")
    assert "outline: 3px solid rgb(0 0 0 / 50%) 'x' & <y>;" in text
    assert "&#39;" not in text and "&amp;" not in text and "&lt;" not in text


def test_an_html_page_still_escapes_what_it_is_given() -> None:
    page = environment().from_string("<p>{{ name }}</p>")
    assert page.render(name="<b>") == "<p>&lt;b&gt;</p>"
    install = environment().get_template("install.html.j2")
    assert install.environment.autoescape("install.html.j2") is True
    assert environment().autoescape("engagements.css.j2") is False


def test_the_shipped_stylesheet_is_unchanged_by_escaping() -> None:
    assert b"&#" not in css_bytes() and b"&amp;" not in css_bytes()
