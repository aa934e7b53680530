"""Window designs that fail their checks, made in a store, and the sentences Problems says."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import Engagement, LibraryWindow
from designer.models.design import WindowDesign
from designer.models.store import Store
from designer.models.window_library import link

HEADER_FAILS = (
    "Window, header text colour: Fails WCAG AA: contrast is 1.1:1; "
    "darken or lighten the text or its background."
)
AGENT_FAILS = (
    "Window, agent text colour: Fails WCAG AA: contrast is 1.0:1; "
    "darken or lighten the text or its background."
)


def set_own_window(store: Store, name: str, **props: str) -> int:
    """The engagement called name keeps its own window design, with props changed."""
    with store.edit() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == name)).one()
        design = e.get_window_design()
        design.props.update(props)
        e.window_design = design.to_dict()
        return e.id


def library_design(store: Store, name: str, users: tuple[str, ...], **props: str) -> int:
    """A library window design called name, with props, linked by the engagements users."""
    with store.edit() as s:
        design = WindowDesign()
        design.props.update(props)
        item = LibraryWindow(name=name, design=design.to_dict())
        s.add(item)
        s.flush()
        for e in s.scalars(select(Engagement).where(Engagement.name.in_(users))):
            link(e, item)
        return item.id
