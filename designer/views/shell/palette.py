"""Light and dark palettes; the system's own colours unless the designer picks one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

R = QPalette.ColorRole
DARK = {
    R.Window: "#202124",
    R.WindowText: "#e8eaed",
    R.Base: "#2b2d31",
    R.AlternateBase: "#33353a",
    R.Text: "#e8eaed",
    R.Button: "#2d2e31",
    R.ButtonText: "#e8eaed",
    R.Highlight: "#4c8df6",
    R.HighlightedText: "#ffffff",
    R.ToolTipBase: "#2d2e31",
    R.ToolTipText: "#e8eaed",
    R.PlaceholderText: "#9aa0a6",
    R.Link: "#8ab4f8",
    R.Mid: "#5f6368",
}
LIGHT = {
    R.Window: "#f3f4f6",
    R.WindowText: "#1f1f1f",
    R.Base: "#ffffff",
    R.AlternateBase: "#f1f3f4",
    R.Text: "#1f1f1f",
    R.Button: "#e9eaee",
    R.ButtonText: "#1f1f1f",
    R.Highlight: "#1a56db",
    R.HighlightedText: "#ffffff",
    R.ToolTipBase: "#ffffdc",
    R.ToolTipText: "#1f1f1f",
    R.PlaceholderText: "#6b6f76",
    R.Link: "#1a56db",
    R.Mid: "#b8bcc4",
}


def apply_palette(app: QGuiApplication, mode: str) -> str:
    """mode is light, dark or system; returns the mode shown."""
    if mode == "system":
        mode = "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
    palette = QPalette()
    for role, colour in (DARK if mode == "dark" else LIGHT).items():
        palette.setColor(role, QColor(colour))
    # Disabled controls must look disabled: dimmed text, in both palettes.
    dim = QColor("#7d8188" if mode == "dark" else "#9a9ea6")
    for role in (R.WindowText, R.Text, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, dim)
    app.setPalette(palette)
    return mode
