"""The one Jinja2 environment of the bundle: strict, autoescaping, from the package.

Every text file the bundle writes from a template goes through `render`, so
designer text is always escaped and a missing value is an error, not a blank.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("designer.bundle", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )


def render(template: str, **context: Any) -> str:
    """The text of templates/<template> filled with context."""
    return environment().get_template(template).render(**context)
