"""WCAG 2 contrast ratio between two sRGB colours."""

from __future__ import annotations

import math


def _channel(c: int) -> float:
    v = c / 255
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def luminance(hex_color: str) -> float:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def is_large_text(font_size_px: float, bold: bool) -> bool:
    """WCAG large text: 18pt (24px), or 14pt (about 18.66px) bold."""
    return font_size_px >= 24 or (bold and font_size_px >= 18.66)


def required_ratio(font_size_px: float, bold: bool) -> float:
    return 3.0 if is_large_text(font_size_px, bold) else 4.5


def ratio_text(ratio: float) -> str:
    """'4.4:1' for 4.48: cut, not rounded, so a failing ratio never reads as the limit it misses."""
    return f"{math.floor(ratio * 10) / 10:.1f}:1"


def verdict(fg: str, bg: str, font_size_px: float, bold: bool) -> tuple[float, bool]:
    """(ratio, passes AA) for text of this size and weight."""
    ratio = contrast_ratio(fg, bg)
    return ratio, ratio >= required_ratio(font_size_px, bold)
