"""The conversation window over its host page, as the runtime opens it (window.js, show.js).

Embedded: fixed 16 px from the viewport's bottom-right corner, at most the
viewport less 32 px. Separate window: a popup window of the design's size,
drawn with a title bar over the page. A phone page without the viewport
meta tag opens the window in a new tab: it fills the viewport.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from designer.preview.page_snapshot import PageChoice, PageSnapshot, PageSnapshots
from designer.preview.profiles import ViewportProfile
from designer.views.studio.page_bar import PageBar
from designer.views.studio.page_grip import Outline
from designer.views.studio.studio_scene import PagePicture

EDGE = 16  # window.js: the embedded window's distance from the viewport edges
TITLE_BAR = 28  # the separate window's title bar, drawn above its page
FORMS = (("embedded", "Embedded in the page"), ("separate_window", "Separate window"))


def window_place(
    form: str, profile: ViewportProfile, layout: tuple[float, float], w: int, h: int
) -> tuple[str, QRectF]:
    """How the window opens ("embedded", "window" or "tab") and its box in the viewport."""
    vw, vh = layout
    if profile.mobile and not profile.meta_tag and profile.width < 600:
        return "tab", QRectF(0, 0, vw, vh)
    if form == "separate_window":
        return "window", QRectF((vw - w) / 2, (vh - h) / 2 + TITLE_BAR / 2, w, h)
    ww, wh = min(w, vw - 2 * EDGE), min(h, vh - 2 * EDGE)
    return "embedded", QRectF(vw - EDGE - ww, vh - EDGE - wh, ww, wh)


class WindowPage(QObject):
    """Keeps the page picture and the separate window's frame around the window item."""

    def __init__(
        self,
        scene: QGraphicsScene,
        snapshots: PageSnapshots,
        bar: PageBar,
        on_placed: Callable[[QRectF, str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.scene, self.snapshots, self.bar = scene, snapshots, bar
        self._on_placed = weakref.WeakMethod(on_placed)  # the editor holds this, not back
        self.form = "embedded"
        self.size = (360, 520)
        self.choice: PageChoice | None = None
        self.profile: ViewportProfile | None = None
        self.snapshot: PageSnapshot | None = None
        self.remember_as: tuple[str, int] | None = None  # (store, engagement id) whose page
        self.target = ""  # how the window opens on this page: embedded, window or tab
        self.page = PagePicture()
        self.page.setZValue(-1000)
        self.page.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.frame = Outline()  # the separate window's title bar
        self.frame.setBrush(QBrush(QColor("#dfe3ea")))
        self.frame.setPen(QPen(QColor("#8a8f98"), 0))
        self.frame.setZValue(-1)
        self.title = QGraphicsSimpleTextItem("Conversation window (separate window)", self.frame)
        for item in (self.page, self.frame):
            item.setVisible(False)
            scene.addItem(item)
        snapshots.ready.connect(self._on_ready)
        snapshots.failed.connect(self._on_failed)
        bar.page_chosen.connect(self._on_page_chosen)  # bound methods: no cycle through the bar
        bar.profile_chosen.connect(self._on_profile_chosen)

    def show(self, choice: PageChoice, profile: ViewportProfile) -> None:
        self.choice, self.profile = choice, profile
        if self.remember_as is not None:
            self.snapshots.chosen[self.remember_as] = choice, profile
        self.bar.show_choice(choice, profile)
        found = self.snapshots.request(choice, profile)
        if found is None:
            self.bar.status.setText(f"Loading {choice.label}…")
        else:
            self._use(found)

    def _on_page_chosen(self, choice: PageChoice) -> None:
        self.show(choice, self.profile)

    def _on_profile_chosen(self, profile: ViewportProfile) -> None:
        self.show(self.choice, profile)

    def set_form(self, form: str) -> None:
        self.form = form
        self.refresh()

    def set_size(self, w: int, h: int) -> None:
        self.size = (w, h)
        self.refresh()

    def _on_ready(self, shot: PageSnapshot) -> None:
        if self.profile is not None and (shot.choice, shot.profile, shot.element_id) == (
            self.choice,
            self.profile,
            "",
        ):
            self._use(shot)

    def _on_failed(self, key: tuple, sentence: str) -> None:
        if self.profile is not None and key == (self.choice, self.profile.key, ""):
            self.bar.status.setText(sentence)

    def _use(self, shot: PageSnapshot) -> None:
        self.snapshot = shot
        self.refresh()

    def refresh(self) -> None:
        shot = self.snapshot
        if shot is None:
            return
        pixmap = self.snapshots.pixmap(shot)
        self.target, box = window_place(self.form, shot.profile, shot.layout, *self.size)
        # the window item sits at the scene's origin: the page goes around it
        self.page.setPixmap(pixmap)
        self.page.setScale(shot.layout[0] / max(1, pixmap.width()))
        self.page.setPos(-box.x(), -box.y())
        self.page.setVisible(True)
        self.frame.setVisible(self.target == "window")
        self.frame.setRect(QRectF(0, -TITLE_BAR, box.width(), TITLE_BAR))
        self.title.setPos(8, -TITLE_BAR + 6)
        words = {
            "embedded": "embedded in the page",
            "window": "in a separate window",
            "tab": "in a new tab (a phone page without the viewport meta tag)",
        }[self.target]
        self.bar.status.setText(f"{shot.choice.label} · {shot.profile.label} · opens {words}")
        on_placed = self._on_placed()
        if on_placed is not None:
            on_placed(box, self.target)
