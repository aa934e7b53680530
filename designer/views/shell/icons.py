"""The app's icons: Material Design Icons (Apache 2.0) drawn from their font, in the theme's colours.

Each icon is named here for what it means in the app, once; widgets ask for
`icon("publish")`. An icon is drawn in the palette's text colour, so after a
theme change `recolour(window)` draws every named icon again. The font and its
charmap live in resources/icons; a glyph is drawn at any size, in any colour.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontDatabase,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from designer.models.formats import FORMATS

FONT = "materialdesignicons6-webfont-6.9.96.ttf"
CHARMAP = "materialdesignicons6-webfont-charmap-6.9.96.json"
# The glyph is drawn a little smaller than the icon: the font's bearing fills the rest.
GLYPH_SHARE = 0.875

NAMES = {
    # commands
    "undo": "undo",
    "redo": "redo",
    "new_store": "database-plus-outline",
    "open_store": "folder-open-outline",
    "connect_store": "database-arrow-right-outline",
    "save_copy": "content-save-outline",
    "export": "export",
    "quit": "exit-to-app",
    "new_campaign": "bullhorn-outline",
    "add_engagement": "plus-box-outline",
    "duplicate": "content-copy",
    "delete": "delete-outline",
    "find": "magnify",
    "edit": "pencil-outline",
    "toggle_enabled": "toggle-switch-outline",
    "publish": "cloud-upload-outline",
    "publish_site": "web-check",
    "preview": "eye-outline",
    "side_by_side": "view-split-vertical",
    "shortcuts": "keyboard-outline",
    "about": "information-outline",
    "sample": "lightbulb-on-outline",
    "url_tester": "sitemap-outline",
    # what the window studio adds to the conversation window
    "element_text": "format-text",
    "element_image": "image-outline",
    "element_button": "gesture-tap-button",
    "element_shape": "shape-outline",
    # places
    "go_campaign": "bullhorn-outline",
    "go_account": "account-cog-outline",
    "go_entry_point": "map-marker-path",
    "go_audience": "account-group-outline",
    "go_behavior": "gesture-tap",
    "go_window": "forum-outline",
    # the tree: formats (each format's row names its icon) and states
    **{f"format_{key}": f.icon for key, f in FORMATS.items()},
    "state_enabled": "check-circle-outline",
    "state_disabled": "cancel",
    "state_unfinished": "progress-pencil",
    "state_error": "alert-circle",
    "status_draft": "file-document-edit-outline",
    "status_published": "check-decagram",
    "status_disabled": "pause-circle-outline",
    # the wizard's stages
    "stage_gallery": "view-gallery-outline",
    "stage_settings": "cog-outline",
    "stage_studio": "palette-outline",
    "stage_window": "message-text-outline",
    "stage_entry_point": "map-marker-path",
    "stage_behavior": "gesture-tap",
    "stage_summary": "clipboard-check-outline",
    # the studio's tools and commands
    "tool_select": "cursor-default-outline",
    "tool_text": "format-text",
    "tool_image": "image-outline",
    "tool_button": "gesture-tap-button",
    "tool_shape": "shape-outline",
    "tool_close": "close-box-outline",
    "image_from_file": "image-plus-outline",
    "cut": "content-cut",
    "copy": "content-copy",
    "paste": "content-paste",
    "duplicate_element": "content-duplicate",
    "to_front": "arrange-bring-to-front",
    "forward": "arrange-bring-forward",
    "backward": "arrange-send-backward",
    "to_back": "arrange-send-to-back",
    "zoom_in": "magnify-plus-outline",
    "zoom_out": "magnify-minus-outline",
    "zoom_fit": "fit-to-screen-outline",
    "zoom_actual": "image-size-select-actual",
    "fit_text": "arrow-expand-horizontal",
    "grid": "grid",
    "viewport_desktop": "monitor",
    "viewport_tablet": "tablet",
    "viewport_phone": "cellphone",
    "viewport_phone-no-meta": "cellphone-information",
    # targeting
    "supported": "earth",
    "unsupported": "earth-off",
}
# States read at a glance: these keep their colour in both themes.
COLOURS = {
    "state_enabled": "#2e7d32",
    "status_published": "#2e7d32",
    "state_disabled": "#9e9e9e",
    "status_disabled": "#9e9e9e",
    "state_unfinished": "#ef6c00",
    "delete": "#c62828",
    "state_error": "#c62828",
    "supported": "#1565c0",
}
DARK_COLOURS = {
    "supported": "#64b5f6",
    "delete": "#ef9a9a",
    "state_error": "#ef9a9a",
    "state_enabled": "#81c784",
}


def _is_dark() -> bool:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _icon_file(name: str) -> Traversable:
    """A file of resources/icons. One name per joinpath: the frozen app's resources are a
    namespace package, whose MultiplexedPath takes no more (Python 3.11)."""
    return resources.files("designer.resources").joinpath("icons").joinpath(name)


@cache
def _font_family() -> str:
    """The icon font's family, loaded into the app once."""
    data = _icon_file(FONT).read_bytes()
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFontFromData(data))
    return families[0] if families else ""  # a broken install: plain glyphs, never a crash


@cache
def _charmap() -> dict[str, str]:
    """Icon name -> its code point in the font, as hex ("0xf01c9")."""
    text = _icon_file(CHARMAP).read_text("utf-8")
    return json.loads(text)


def _glyph(name: str) -> str:
    """The character of the font that draws the icon meaning name."""
    return chr(int(_charmap()[NAMES[name]], 16))


class GlyphIconEngine(QIconEngine):
    """One glyph of the icon font, in a colour for each mode (normal, active, disabled...)."""

    def __init__(self, glyph: str, colours: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self.glyph = glyph
        self.colours = colours

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        painter.setPen(QColor(self.colours.get(mode, self.colours[QIcon.Mode.Normal])))
        font = QFont(_font_family())
        font.setPixelSize(max(1, round(GLYPH_SHARE * rect.height())))
        painter.setFont(font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.glyph)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self.glyph, dict(self.colours))


def icon(name: str) -> QIcon:
    """The icon meaning name, drawn for the current theme."""
    palette = QApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    colour = (DARK_COLOURS.get(name) if _is_dark() else None) or COLOURS.get(name, text)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    colours = {
        QIcon.Mode.Normal: colour,
        QIcon.Mode.Active: colour,  # a hovered button keeps its colour
        QIcon.Mode.Disabled: disabled.name(),
        # readable on a selected row's highlight
        QIcon.Mode.Selected: palette.color(QPalette.ColorRole.HighlightedText).name(),
    }
    return QIcon(GlyphIconEngine(_glyph(name), colours))


def set_icon(target: QAction | QAbstractButton, name: str) -> None:
    """Give target the named icon and remember the name, so a theme change redraws it."""
    target.setProperty("icon_name", name)
    target.setIcon(icon(name))


def recolour(root: QWidget) -> None:
    """Draw every named icon under root again, in the theme now in use."""
    for kind in (QAction, QAbstractButton):
        for target in root.findChildren(kind):
            name = target.property("icon_name")
            if name in NAMES:
                target.setIcon(icon(name))
