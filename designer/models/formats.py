"""The engagement formats, declared once: one row per format.

A row says which zones the format stands in, its default size, where it stands
in the visitor's viewport, the reference's mobile guideline and phone policy,
how the gallery draws its ready-made design and the icon that shows it. The
store's validation, the gallery, the studio's size presets and page, the wizard's
thumbnails, the design checks, the install page and the exported manifest all
read this table; the runtime reads the placement the manifest carries, so it
never branches on a format's name. A new format is its row here and a gallery
template in resources/gallery/.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from designer.models.vocabulary import Zone

GAP = 24  # px between a corner engagement and the viewport's edge, or an engagement it avoids
SIDE = "side"  # in a row's anchor: the side of the zone the engagement stands in (left or right)
# Where a fixed engagement may be anchored: a corner, the middle of an edge, or the centre.
ANCHORS = (
    "top-left",
    "top",
    "top-right",
    "left",
    "center",
    "right",
    "bottom-left",
    "bottom",
    "bottom-right",
)


class EngagementFormat(StrEnum):
    STICKY_BUTTON = "sticky_button"
    SLIDE_OUT = "slide_out"
    OVERLAY = "overlay"
    TOASTER = "toaster"
    PEELING_CORNER = "peeling_corner"
    EMBEDDED_BUTTON = "embedded_button"
    EMBEDDED_BANNER = "embedded_banner"


@dataclass(frozen=True)
class Place:
    """Where a fixed engagement stands: an anchor of the viewport (ANCHORS) and its distance
    in CSS px from the anchor's edges; from the middle (right and down) where the anchor
    names no edge on that axis."""

    anchor: str
    x: int = 0
    y: int = 0

    def to_dict(self) -> dict[str, str | int]:
        return {"anchor": self.anchor, "x": self.x, "y": self.y}


@dataclass(frozen=True)
class Guideline:
    """The reference's size guideline for phones: a width, and a height when it gives one."""

    width: int
    height: int | None = None


@dataclass(frozen=True)
class Format:
    key: EngagementFormat
    zones: tuple[Zone, ...]  # where it may stand; the first is the gallery's
    size: tuple[int, int]  # the default design's (width, height)
    place: Place | None  # the preset place (SIDE in its anchor: the zone's side); None: in the page
    icon: str  # Material Design Icons name, in the campaign tree
    button_radius: int | None = None  # the gallery's design: one button of text; None: a card
    closable: bool = True  # the gallery's card has a close button
    mobile: Guideline | None = None
    on_phones: bool = True  # False: the reference says it is not accessible on mobile web
    gap: int | None = GAP  # proactive: kept from a side engagement it would cover; None: stays
    veil: bool = False  # the gallery's sketch dims the page behind it

    @property
    def noun(self) -> str:
        """The format in words: "sticky button"."""
        return self.key.value.replace("_", " ")

    @property
    def a_noun(self) -> str:
        """The format in words with its article: "a sticky button", "an overlay"."""
        return ("an " if self.noun[0] in "aeiou" else "a ") + self.noun

    def place_in(self, zone: Zone | str) -> Place | None:
        """The preset place in zone (None: in a page element)."""
        if self.place is None or zone == Zone.EMBEDDED:
            return None
        return Place(self.place.anchor.replace(SIDE, str(zone)), self.place.x, self.place.y)


F = EngagementFormat
FORMATS: dict[EngagementFormat, Format] = {
    f.key: f
    for f in (
        Format(
            F.STICKY_BUTTON,
            (Zone.RIGHT, Zone.LEFT),
            (160, 48),
            Place(f"bottom-{SIDE}", GAP, GAP),
            "gesture-tap-button",
            button_radius=24,
        ),
        Format(
            F.SLIDE_OUT,
            (Zone.RIGHT, Zone.LEFT),
            (260, 120),
            Place(SIDE),
            "page-layout-sidebar-right",
        ),
        # overlay and toaster sizes follow the reference's mobile guidelines
        Format(
            F.OVERLAY,
            (Zone.PROACTIVE,),
            (440, 305),
            Place("center"),
            "window-maximize",
            mobile=Guideline(440, 305),
            gap=None,
            veil=True,
        ),
        Format(
            F.TOASTER,
            (Zone.PROACTIVE,),
            (140, 180),
            Place("bottom-right", GAP, GAP),
            "message-badge-outline",
            mobile=Guideline(140),
            on_phones=False,
        ),
        Format(
            F.PEELING_CORNER,
            (Zone.PROACTIVE,),
            (160, 160),
            Place("top-right"),
            "page-next-outline",
        ),
        Format(
            F.EMBEDDED_BUTTON,
            (Zone.EMBEDDED,),
            (200, 48),
            None,
            "button-cursor",
            button_radius=6,
        ),
        Format(
            F.EMBEDDED_BANNER,
            (Zone.EMBEDDED,),
            (600, 120),
            None,
            "image-area",
            closable=False,
        ),
    )
}

# Which zones a format may stand in, and its default design size.
FORMAT_ZONES: dict[EngagementFormat, tuple[Zone, ...]] = {k: f.zones for k, f in FORMATS.items()}
FORMAT_SIZES: dict[EngagementFormat, tuple[int, int]] = {k: f.size for k, f in FORMATS.items()}


def format_of(key: str) -> Format | None:
    """The row of a stored format name (None for a name outside the vocabulary)."""
    try:
        return FORMATS[EngagementFormat(key)]
    except ValueError:
        return None


def phone_reasons() -> dict[str, str]:
    """The tag's reasons for not showing a format on phones, by code ("<format>_phone"), for
    the formats the reference says are not accessible on mobile web."""
    return {
        f"{key}_phone": f"{f.a_noun.capitalize()} is not shown on phones: "
        "it is not accessible on mobile web."
        for key, f in FORMATS.items()
        if not f.on_phones
    }
