"""The engagement window library: named conversation window designs shared by engagements.

An engagement either links a library design or keeps its own: the link is kept in
the engagement's window design record ({"library": id}), its own design as before
({"props": {...}}). Export, the preview and the window studio read the design an
engagement shows through `window_design_of`, so a change to a library design
reaches every engagement that uses it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from designer.models.base import Base, Timestamps, Versioned
from designer.models.design import WindowDesign
from designer.models.engagement import Engagement

LINK = "library"


class LibraryWindow(Versioned, Timestamps, Base):
    """A named window design; design: WindowDesign.to_dict()."""

    __tablename__ = "window_designs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    design: Mapped[dict] = mapped_column(default=dict)

    def window(self) -> WindowDesign:
        return WindowDesign.from_dict(self.design)

    def used_by(self) -> list[Engagement]:
        s = Session.object_session(self)
        if s is None:
            return []
        users = [e for e in s.scalars(select(Engagement)) if linked_id(e) == self.id]
        return sorted(users, key=lambda e: (e.campaign.name, e.name))

    def in_words(self) -> str:
        return design_in_words(self.window())


def design_in_words(design: WindowDesign) -> str:
    """A window design in a line: "light theme, “Chat with us”, 360×520 px, 2 added elements"."""
    p, n = design.props, len(design.elements)
    added = f", {n} added element{'s' if n != 1 else ''}" if n else ""
    return f"{p['theme']} theme, “{p['header_text']}”, {p['width']}×{p['height']} px{added}"


def window_in_words(s: Session | None, e: Engagement) -> str:
    """The conversation window e opens, in a line: the library design it links, or its own."""
    found = linked_id(e)
    item = s.get(LibraryWindow, found) if found is not None and s is not None else None
    if item is not None:
        return f"“{item.name}” from the window library: {item.in_words()}"
    return f"its own design: {design_in_words(e.get_window_design())}"


def linked_id(e: Engagement) -> int | None:
    """The library design e links, or None when it keeps its own."""
    raw: Any = e.window_design if isinstance(e.window_design, dict) else {}
    value = raw.get(LINK)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def link(e: Engagement, item: LibraryWindow) -> None:
    e.window_design = {LINK: item.id}


def unlink(e: Engagement, keep: WindowDesign) -> None:
    """e keeps keep as its own design (a copy: later library changes do not reach it)."""
    e.window_design = keep.to_dict()


def window_design_of(s: Session | None, e: Engagement) -> WindowDesign:
    """The design e shows: its library design when it links one (that still exists), else its own."""
    found = linked_id(e)
    if found is not None and s is not None:
        item = s.get(LibraryWindow, found)
        if item is not None:
            return item.window()
    return e.get_window_design()
