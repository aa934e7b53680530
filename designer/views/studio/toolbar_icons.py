"""The studio's toolbars dressed as a design tool's: an icon per command, its words and
shortcut in the tooltip, so every common command fits in one row at 1280 px."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from designer.views.shell.icons import set_icon

# The action's label (its tooltip's words) -> its icon in views/shell/icons.py.
STUDIO_ICONS = {
    "Select": "tool_select",
    "Text": "tool_text",
    "Image": "tool_image",
    "Button": "tool_button",
    "Shape": "tool_shape",
    "Close": "tool_close",
    "Add an image from a file…": "image_from_file",
    "Undo": "undo",
    "Redo": "redo",
    "Cut": "cut",
    "Copy": "copy",
    "Paste": "paste",
    "Duplicate": "duplicate_element",
    "Delete": "delete",
    "Bring to front": "to_front",
    "Bring forward": "forward",
    "Send backward": "backward",
    "Send to back": "to_back",
    "Zoom in": "zoom_in",
    "Zoom out": "zoom_out",
    "Fit the canvas": "zoom_fit",
    "Actual size": "zoom_actual",
    "Fit box to text": "fit_text",
    "Snap to grid": "grid",
}
# Commands whose words say more than an icon can: shown beside it.
WORDS_BESIDE = {"Fit box to text"}
ICON_SIZE = QSize(20, 20)


def _label(text: str) -> str:
    """The action's label; the undo stack's actions read "Undo Move text1"."""
    for first in ("Undo", "Redo"):
        if text.startswith(first):
            return first
    return text


def dress_studio_toolbar(bar: QToolBar) -> None:
    """Icons only, except WORDS_BESIDE; the label stays the button's accessible name."""
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.setIconSize(ICON_SIZE)
    for action in bar.actions():
        label = _label(action.text())
        if label not in STUDIO_ICONS:
            continue
        set_icon(action, STUDIO_ICONS[label])
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setAccessibleName(label)
            if label in WORDS_BESIDE:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


def dress_viewport_actions(bar: QToolBar, actions: dict) -> None:
    """The page bar's viewports: an icon beside each word (Desktop, Tablet, Phone…)."""
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(ICON_SIZE)
    for key, action in actions.items():
        set_icon(action, f"viewport_{key}")
