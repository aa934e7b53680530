"""Snapping a moved or resized box to the grid and to other elements' edges and centres.

Plain Python (no Qt) so it is cheap per mouse move and testable alone. Boxes
are (x, y, width, height) in design pixels.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]


@dataclass
class Snapper:
    """The lines a box may snap to, gathered once when a drag starts.

    xs / ys: sorted candidate x and y lines (edges and centres of the other
    elements and of the engagement box); grid: grid step, 0 for none.
    """

    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)
    grid: int = 8
    threshold: float = 6.0

    @classmethod
    def around(cls, others: list[Box], frame: Box, grid: int, threshold: float) -> Snapper:
        xs: set[float] = set()
        ys: set[float] = set()
        for x, y, w, h in [*others, frame]:
            xs.update((x, x + w / 2, x + w))
            ys.update((y, y + h / 2, y + h))
        return cls(sorted(xs), sorted(ys), grid, threshold)

    def snap_x(self, points: tuple[float, ...]) -> tuple[float, float | None]:
        """(shift to add, the element line it met or None) for the best of points."""
        return _snap(points, self.xs, self.grid, self.threshold)

    def snap_y(self, points: tuple[float, ...]) -> tuple[float, float | None]:
        return _snap(points, self.ys, self.grid, self.threshold)

    def snap_move(self, box: Box) -> tuple[float, float, list[tuple[str, float]]]:
        """(dx, dy, guides) moving box onto the nearest line; guides are ("x"|"y", position)."""
        x, y, w, h = box
        dx, gx = self.snap_x((x, x + w / 2, x + w))
        dy, gy = self.snap_y((y, y + h / 2, y + h))
        guides = [("x", gx)] if gx is not None else []
        if gy is not None:
            guides.append(("y", gy))
        return dx, dy, guides


def _nearest(lines: list[float], value: float) -> float | None:
    if not lines:
        return None
    i = bisect_left(lines, value)
    near = [lines[j] for j in (i - 1, i) if 0 <= j < len(lines)]
    return min(near, key=lambda line: abs(line - value))


def _snap(
    points: tuple[float, ...], lines: list[float], grid: int, threshold: float
) -> tuple[float, float | None]:
    best: tuple[float, float | None] | None = None
    for p in points:
        line = _nearest(lines, p)
        if (
            line is not None
            and abs(line - p) <= threshold
            and (best is None or abs(line - p) < abs(best[0]))
        ):
            best = (line - p, line)
    if best is not None:
        return best
    if grid > 0:
        # Element lines win; otherwise the box's first edge lands on the grid.
        return round(points[0] / grid) * grid - points[0], None
    return 0.0, None


def resize_box(box: Box, handle: str, dx: float, dy: float, keep_ratio: bool) -> Box:
    """box with the handle ("n", "ne", "e", … "nw") dragged by (dx, dy); never below 1 px.

    keep_ratio: the width-to-height ratio stays (Shift held).
    """
    x, y, w, h = box
    left, top, right, bottom = x, y, x + w, y + h
    if "w" in handle:
        left = min(left + dx, right - 1)
    if "e" in handle:
        right = max(right + dx, left + 1)
    if "n" in handle:
        top = min(top + dy, bottom - 1)
    if "s" in handle:
        bottom = max(bottom + dy, top + 1)
    nw, nh = right - left, bottom - top
    if keep_ratio and w > 0 and h > 0:
        ratio = w / h
        if handle in ("n", "s"):
            nw = nh * ratio
        elif handle in ("e", "w") or nw / ratio > nh:
            nh = nw / ratio
        else:
            nw = nh * ratio
        if "w" in handle:
            left = right - nw
        elif handle in ("n", "s"):
            left = x + (w - nw) / 2
        if "n" in handle:
            top = bottom - nh
        elif handle in ("e", "w"):
            top = y + (h - nh) / 2
    return left, top, nw, nh


HANDLES = ("nw", "n", "ne", "e", "se", "s", "sw", "w")


def handle_points(box: Box) -> dict[str, tuple[float, float]]:
    """Where each of the eight resize handles sits on box."""
    x, y, w, h = box
    cx, cy = x + w / 2, y + h / 2
    return {
        "nw": (x, y),
        "n": (cx, y),
        "ne": (x + w, y),
        "e": (x + w, cy),
        "se": (x + w, y + h),
        "s": (cx, y + h),
        "sw": (x, y + h),
        "w": (x, cy),
    }
