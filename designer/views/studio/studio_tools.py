"""Canvas tools: interaction objects the scene hands its events to first.

Each has start / end / cancel. A drag (move or resize) only moves items while
the mouse moves; the one command is pushed on release, so undo takes back the
whole gesture.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSceneMouseEvent

from designer.views.studio.element_item import ElementItem
from designer.views.studio.page_grip import PageGrip
from designer.views.studio.snapping import Box, Snapper, resize_box
from designer.views.studio.studio_actions import StudioActions
from designer.views.studio.studio_scene import StudioScene

SNAP_PX = 6  # on screen
DRAG_START_PX = 2
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class Tool:
    def __init__(self, scene: StudioScene, actions: StudioActions) -> None:
        self.scene, self.actions = scene, actions

    def start(self) -> None:
        self.scene.tool = self

    def end(self) -> None:
        self.cancel()
        if self.scene.tool is self:
            self.scene.tool = None

    def cancel(self) -> None:
        self.scene.guides.set_guides([])

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        return False

    def key(self, event: QKeyEvent) -> bool:
        return False

    def _snapper_around(self, moving: set[str]) -> Snapper:
        scale = self._scale()
        others = [
            self.scene.element_box(item.element)
            for i, item in self.scene.items_by_id.items()
            if i not in moving
        ]
        return Snapper.around(
            others,
            self.scene.frame_box(),
            self.scene.grid if self.scene.show_grid else 0,
            SNAP_PX / scale,
        )

    def _scale(self) -> float:
        views = self.scene.views()
        return views[0].transform().m11() if views else 1.0


class SelectTool(Tool):
    """Click, Ctrl-click and rubber-band selection; moving; resizing from the handles; nudging."""

    def __init__(self, scene: StudioScene, actions: StudioActions) -> None:
        super().__init__(scene, actions)
        self._mode = ""  # "", "move", "resize", "band"
        self._press = QPointF()
        self._handle = ""
        self._start_boxes: dict[str, Box] = {}
        self._snapper: Snapper | None = None
        self._band: QGraphicsRectItem | None = None
        self._band_base: list[str] = []
        self._moved = False
        self._result: dict[str, Box] = {}

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != LEFT:
            return False
        pos = event.scenePos()
        views = self.scene.views()
        if views and isinstance(self.scene.itemAt(pos, views[0].transform()), PageGrip):
            return False  # the grip moves the engagement on the page itself
        self._press, self._moved = pos, False
        handle = self.scene.handles.handle_at(pos) if self.scene.doc.editable else None
        if handle:
            self._begin("resize", self.scene.selected_ids())
            self._handle = handle
            return True
        item = self._element_at(pos)
        ctrl = bool(event.modifiers() & CTRL)
        if item is None:
            self._mode = "band"
            self._band_base = self.scene.selected_ids() if ctrl else []
            if not ctrl:
                self.scene.select_ids([])
            return True
        ids = self.scene.selected_ids()
        if ctrl:
            ids = (
                [i for i in ids if i != item.element_id]
                if item.isSelected()
                else ids + [item.element_id]
            )
            self.scene.select_ids(ids)
            self._mode = ""
            return True
        if item.element_id not in ids:
            ids = [item.element_id]
            self.scene.select_ids(ids)
        if self.scene.doc.editable:
            self._begin("move", ids)
        return True

    def _begin(self, mode: str, ids: list[str]) -> None:
        self._mode = mode
        design = self.scene.doc.design
        self._start_boxes = {i: self.scene.element_box(design.element(i)) for i in ids}
        self._snapper = self._snapper_around(set(ids))

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if not self._mode:
            return False
        pos = event.scenePos()
        delta = pos - self._press
        if not self._moved and max(abs(delta.x()), abs(delta.y())) * self._scale() < DRAG_START_PX:
            return True
        if not self._moved and self._mode != "band":
            self.scene.grid_visible = True
            self.scene.update()
        self._moved = True
        snap = not (event.modifiers() & ALT)
        if self._mode == "move":
            self._drag_move(delta.x(), delta.y(), snap)
        elif self._mode == "resize":
            self._drag_resize(delta.x(), delta.y(), bool(event.modifiers() & SHIFT), snap)
        elif self._mode == "band":
            self._drag_band(pos)
        return True

    def _drag_move(self, dx: float, dy: float, snap: bool) -> None:
        boxes = self._start_boxes.values()
        left = min(b[0] for b in boxes) + dx
        top = min(b[1] for b in boxes) + dy
        right = max(b[0] + b[2] for b in boxes) + dx
        bottom = max(b[1] + b[3] for b in boxes) + dy
        guides: list[tuple[str, float]] = []
        if snap and self._snapper is not None:
            sx, sy, guides = self._snapper.snap_move((left, top, right - left, bottom - top))
            dx, dy = round(dx + sx), round(dy + sy)
        else:
            dx, dy = round(dx), round(dy)
        for i, (x, y, _, _) in self._start_boxes.items():
            self.scene.items_by_id[i].setPos(x + dx, y + dy)
        self._result = {i: (x + dx, y + dy, w, h) for i, (x, y, w, h) in self._start_boxes.items()}
        self.scene.guides.set_guides(guides)
        self.scene.handles.set_box(
            next(iter(self._result.values())) if len(self._result) == 1 else None
        )

    def _drag_resize(self, dx: float, dy: float, keep_ratio: bool, snap: bool) -> None:
        ((i, box),) = self._start_boxes.items()
        x, y, w, h = resize_box(box, self._handle, dx, dy, keep_ratio)
        guides: list[tuple[str, float]] = []
        if snap and self._snapper is not None and not keep_ratio:
            if "e" in self._handle or "w" in self._handle:
                edge = x + w if "e" in self._handle else x
                sx, gx = self._snapper.snap_x((edge,))
                if "e" in self._handle:
                    w = max(1, w + sx)
                else:
                    x, w = x + sx, max(1, w - sx)
                guides += [("x", gx)] if gx is not None else []
            if "n" in self._handle or "s" in self._handle:
                edge = y + h if "s" in self._handle else y
                sy, gy = self._snapper.snap_y((edge,))
                if "s" in self._handle:
                    h = max(1, h + sy)
                else:
                    y, h = y + sy, max(1, h - sy)
                guides += [("y", gy)] if gy is not None else []
        result = (round(x), round(y), max(1, round(w)), max(1, round(h)))
        item = self.scene.items_by_id[i]
        item.preview_box(result[2], result[3])
        item.setPos(result[0], result[1])
        self._result = {i: result}
        self.scene.guides.set_guides(guides)
        self.scene.handles.set_box(result)

    def _drag_band(self, pos: QPointF) -> None:
        rect = QRectF(self._press, pos).normalized()
        if self._band is None:
            self._band = QGraphicsRectItem()
            self._band.setPen(QPen(QColor("#1a56db"), 0, Qt.PenStyle.DashLine))
            self._band.setBrush(QColor(26, 86, 219, 30))
            self._band.setZValue(10002)
            self.scene.addItem(self._band)
        self._band.setRect(rect)
        inside = {
            i.element_id
            for i in self.scene.items(rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
            if isinstance(i, ElementItem)
        }
        self.scene.select_ids(self._band_base + [i for i in inside if i not in self._band_base])

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if not self._mode or event.button() != LEFT:
            return False
        mode, self._mode = self._mode, ""
        self._drop_band()
        self._hide_grid()
        self.scene.guides.set_guides([])
        if mode in ("move", "resize") and self._moved:
            ox, oy = self.scene.origin()
            values = {
                i: {"x": x - ox, "y": y - oy, "width": w, "height": h}
                for i, (x, y, w, h) in self._result.items()
            }
            verb = "Move" if mode == "move" else "Resize"
            if not self.actions.set_element_props(values, f"{verb} {len(values)} element(s)"):
                self._restore()
        return True

    def cancel(self) -> None:
        super().cancel()
        self._hide_grid()
        if self._mode in ("move", "resize"):
            self._restore()
        self._mode = ""
        self._drop_band()

    def _restore(self) -> None:
        for i in self._start_boxes:
            item = self.scene.items_by_id.get(i)
            if item is not None:
                item.sync()
                x, y, _, _ = self.scene.element_box(item.element)
                item.setPos(x, y)
        self.scene.select_ids(self.scene.selected_ids())

    def _hide_grid(self) -> None:
        if self.scene.grid_visible:
            self.scene.grid_visible = False
            self.scene.update()

    def _drop_band(self) -> None:
        if self._band is not None:
            self.scene.removeItem(self._band)
            self._band = None

    def key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape and self._mode:
            self.cancel()
            return True
        step = ARROWS.get(Qt.Key(event.key()))
        if step is None or self._mode:
            return False
        n = 10 if event.modifiers() & SHIFT else 1
        if event.modifiers() & CTRL:  # the keyboard's way to resize: the right or bottom edge
            return self.actions.grow(step[0] * n, step[1] * n)
        return self.actions.nudge(step[0] * n, step[1] * n)

    def _element_at(self, pos: QPointF) -> ElementItem | None:
        for item in self.scene.items(pos):
            if isinstance(item, ElementItem):
                return item
        return None


class PlaceTool(Tool):
    """Click (default size) or drag out a box to add an element of one kind."""

    DEFAULT_SIZES = {
        "text": (140, 32),
        "image": (96, 96),
        "button": (120, 40),
        "shape": (80, 80),
        "close": (28, 28),
    }

    def __init__(
        self, scene: StudioScene, actions: StudioActions, kind: str, done: Callable[[], None]
    ) -> None:
        super().__init__(scene, actions)
        self.kind, self._done = kind, done
        self._press: QPointF | None = None
        self._outline: QGraphicsRectItem | None = None

    def press(self, event: QGraphicsSceneMouseEvent) -> bool:
        if event.button() != LEFT:
            return False
        self._press = event.scenePos()
        return True

    def move(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._press is None:
            return False
        if self._outline is None:
            self._outline = QGraphicsRectItem()
            self._outline.setPen(QPen(QColor("#ff8a00"), 0, Qt.PenStyle.DashLine))
            self._outline.setZValue(10002)
            self.scene.addItem(self._outline)
        self._outline.setRect(QRectF(self._press, event.scenePos()).normalized())
        return True

    def release(self, event: QGraphicsSceneMouseEvent) -> bool:
        if self._press is None or event.button() != LEFT:
            return False
        rect = QRectF(self._press, event.scenePos()).normalized()
        self.cancel()
        w, h = self.DEFAULT_SIZES[self.kind]
        if rect.width() >= 8 and rect.height() >= 8:
            w, h = rect.width(), rect.height()
        grid = self.scene.grid if self.scene.show_grid else 1
        ox, oy = self.scene.origin()
        x = round((rect.x() - ox) / grid) * grid
        y = round((rect.y() - oy) / grid) * grid
        self.actions.add_element(self.kind, x=x, y=y, width=round(w), height=round(h))
        self._done()
        return True

    def key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self._done()
            return True
        return False

    def cancel(self) -> None:
        super().cancel()
        self._press = None
        if self._outline is not None:
            self.scene.removeItem(self._outline)
            self._outline = None
