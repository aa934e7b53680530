"""Colours of the studio's sentences and pasteboard, readable in the light and the dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

# severity -> (on a light window, on a dark window); each passes 4.5:1 on its palette's window
NOTE_COLORS = {
    "error": ("#b3261e", "#f28b82"),
    "warning": ("#8a5a00", "#fdd663"),
    "ok": ("#0f7b4a", "#81c995"),
    "info": ("#3c4043", "#e8eaed"),
}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def note_color(widget: QWidget, severity: str) -> str:
    light, dark = NOTE_COLORS[severity]
    return dark if is_dark(widget) else light


def pasteboard_color(widget: QWidget) -> QColor:
    """The canvas around the design: a quiet grey a shade off the window's."""
    return QColor("#2b2d31" if is_dark(widget) else "#eceff3")
