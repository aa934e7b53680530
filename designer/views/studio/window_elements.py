"""Elements added to the conversation window, on the window studio's canvas.

Each is an ElementItem (painted as the studio paints an engagement's elements),
a child of the window item at its x, y from the window's top-left corner, so it
rides along when the window is shown over its page. A press selects one, a drag
moves it, the eight handles around the selected one resize it (Shift keeps its
ratio); the gesture is reported once, on release, as the values of one command.
Delete removes the selected element, the arrow keys nudge it (Shift: 10 px).
Items report, they do not decide: the editor turns reports into commands and
`sync` follows the saved design.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsItem

from designer.models.design import Element
from designer.views.studio.element_item import ElementItem
from designer.views.studio.overlay_items import HandlesItem
from designer.views.studio.pixmap_cache import PixmapCache
from designer.views.studio.snapping import Box, resize_box

ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
DRAG_START = 2.0  # window px a press must move before it is a drag
Z_ELEMENTS = 100  # above the window's own parts


class WindowElements(QObject):
    selected = Signal(object)  # the element id now selected, or None
    edited = Signal(str, dict, str)  # element id, {property: value}, the command's text
    delete_requested = Signal(str)

    def __init__(self, window_item: QGraphicsItem, pixmaps: PixmapCache) -> None:
        super().__init__()
        self.window_item, self._pixmaps = window_item, pixmaps
        self.items: dict[str, ElementItem] = {}
        self.current: str | None = None
        self.handles = HandlesItem()
        self.handles.setParentItem(window_item)
        self._drag: tuple[str, QPointF, Box] | None = None  # (handle or "move", press, box)
        self._result: Box | None = None

    def sync(self, elements: list[Element]) -> None:
        """Show these elements (the saved design's), keeping the items of those still there."""
        wanted = {e.id: e for e in elements}
        for gone in [i for i, item in self.items.items() if wanted.get(i) is None]:
            item = self.items.pop(gone)
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        for z, element in enumerate(elements):
            item = self.items.get(element.id)
            if item is None or item.element.kind != element.kind:
                if item is not None and item.scene() is not None:
                    item.scene().removeItem(item)
                item = self.items[element.id] = ElementItem(element, self._pixmaps)
                item.setParentItem(self.window_item)
            item.element = element
            item.sync()
            item.setPos(element.props["x"], element.props["y"])
            item.setZValue(Z_ELEMENTS + z)
        if self.current not in self.items:
            self.current = None
        self._show_selection()

    def select(self, element_id: str | None) -> None:
        if element_id != self.current:
            self.current = element_id if element_id in self.items else None
            self._show_selection()
            self.selected.emit(self.current)

    def set_scale(self, scale: float) -> None:
        """The view's zoom: handles stay 8 screen pixels whatever the window's size on screen."""
        self.handles.set_size(8 / max(scale, 0.05))

    def _show_selection(self) -> None:
        for element_id, item in self.items.items():
            item.setSelected(element_id == self.current)
        self.handles.setZValue(Z_ELEMENTS + len(self.items) + 1)
        self.handles.set_box(self._box(self.current) if self.current else None)

    def _box(self, element_id: str) -> Box:
        x, y, w, h = self.items[element_id].element.rect
        return (x, y, w, h)

    # --- gestures, handed over by the view (scene coordinates) ----------------------

    def press(self, scene_point: QPointF) -> bool:
        """True when the press was on an element or a handle of the selected one."""
        point = self.window_item.mapFromScene(scene_point)
        handle = self.handles.handle_at(point) if self.current else None
        if handle:
            self._drag, self._result = (handle, point, self._box(self.current)), None
            return True
        hit = next(
            (i for i in self.window_item.scene().items(scene_point) if isinstance(i, ElementItem)),
            None,
        )
        if hit is None:
            self.select(None)
            return False
        self.select(hit.element_id)
        self._drag, self._result = ("move", point, self._box(hit.element_id)), None
        return True

    def move(self, scene_point: QPointF, keep_ratio: bool = False) -> bool:
        if self._drag is None or self.current is None:
            return False
        mode, start, box = self._drag
        delta = self.window_item.mapFromScene(scene_point) - start
        if self._result is None and max(abs(delta.x()), abs(delta.y())) < DRAG_START:
            return True
        x, y, w, h = box
        if mode == "move":
            x, y = x + delta.x(), y + delta.y()
        else:
            x, y, w, h = resize_box(box, mode, delta.x(), delta.y(), keep_ratio)
        self._result = (round(x), round(y), max(1, round(w)), max(1, round(h)))
        item = self.items[self.current]
        item.setPos(self._result[0], self._result[1])
        item.preview_box(self._result[2], self._result[3])
        self.handles.set_box(self._result)
        return True

    def release(self) -> bool:
        if self._drag is None:
            return False
        (mode, _start, box), result = self._drag, self._result
        self._drag = self._result = None
        if result is None or result == box or self.current is None:
            return True
        x, y, w, h = result
        if mode == "move":
            self.edited.emit(self.current, {"x": x, "y": y}, f"Move {self.current}")
        else:
            values = {"x": x, "y": y, "width": w, "height": h}
            self.edited.emit(self.current, values, f"Resize {self.current}")
        return True

    def key(self, event: QKeyEvent) -> bool:
        if self.current is None or self._drag is not None:
            return False
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_requested.emit(self.current)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.select(None)
            return True
        step = ARROWS.get(Qt.Key(event.key()))
        if step is None:
            return False
        n = 10 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        x, y, _, _ = self._box(self.current)
        values = {"x": x + step[0] * n, "y": y + step[1] * n}
        self.edited.emit(self.current, values, f"Nudge {self.current}")
        return True
