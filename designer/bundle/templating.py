"""The one Jinja2 environment of the bundle: strict, autoescaping HTML, from the package.

Every text file the bundle writes from a template goes through `render`, so
designer text in a page is always escaped and a missing value is an error, not a
blank. A stylesheet's template is not HTML-escaped (see escapes_html).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


def escapes_html(template: str | None) -> bool:
    """Whether a template's values are HTML-escaped: all but a stylesheet's or a script's
    (engagements.css.j2), where &#39; or &amp; would be wrong characters, not safe ones."""
    return template is None or not template.removesuffix(".j2").endswith((".css", ".js"))


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("designer.bundle", "templates"),
        autoescape=escapes_html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def render(template: str, **context: Any) -> str:
    """The text of templates/<template> filled with context."""
    return environment().get_template(template).render(**context)
