"""The host page under the studio's design: asks for its picture, puts it around the engagement.

The picture comes from PageSnapshots (made once per page × viewport, then
cached), so switching viewport or editing never waits for a browser once a
page was seen; the engagement itself stays the scene's live items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF

from designer.models.placement import placement_box
from designer.preview.page_snapshot import PageChoice, PageSnapshot, PageSnapshots
from designer.preview.profiles import PROFILES, ViewportProfile
from designer.views.studio.page_bar import PageBar
from designer.views.studio.page_grip import PageGrip
from designer.views.studio.page_placement import (
    PageGeometry,
    page_geometry,
    placement_for_drop,
    shrink,
)
from designer.views.studio.studio_scene import StudioScene


class PageBackdrop(QObject):
    def __init__(
        self,
        scene: StudioScene,
        snapshots: PageSnapshots,
        bar: PageBar,
        set_props: Callable[[dict[str, Any], str], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.scene, self.snapshots, self.bar, self.set_props = scene, snapshots, bar, set_props
        self.fmt = self.zone = self.element_id = ""
        self.choice: PageChoice | None = None
        self.profile: ViewportProfile | None = None
        self.snapshot: PageSnapshot | None = None
        self.remember_as: tuple[str, int] | None = None  # (store, engagement id) whose page
        self.geometry: PageGeometry | None = None
        self.grip = PageGrip(self._on_drop)
        self.grip.attach(scene)
        self.grip.setVisible(False)
        # slots of this object: Qt drops the connections when the studio goes
        snapshots.ready.connect(self._on_ready)
        snapshots.failed.connect(self._on_failed)
        # bound methods, not lambdas: a lambda kept by the bar would make a cycle with this
        bar.page_chosen.connect(self._on_page_chosen)
        bar.profile_chosen.connect(self._on_profile_chosen)

    def _on_page_chosen(self, choice: PageChoice) -> None:
        self.show(choice, self.profile)

    def _on_profile_chosen(self, profile: ViewportProfile) -> None:
        self.show(self.choice, profile)

    def _on_page_chosen(self, choice: PageChoice) -> None:
        self.show(choice, self.profile)

    def _on_profile_chosen(self, profile: ViewportProfile) -> None:
        self.show(self.choice, profile)

    def set_engagement(self, fmt: str, zone: str, element_id: str) -> None:
        if (fmt, zone, element_id) != (self.fmt, self.zone, self.element_id):
            self.fmt, self.zone, self.element_id = fmt, zone, element_id
            if self.choice is not None and self.profile is not None:
                self.show(self.choice, self.profile)

    def show(self, choice: PageChoice, profile: ViewportProfile) -> None:
        """Show the design on choice's page in profile's viewport (at once when it was seen)."""
        self.choice, self.profile = choice, profile
        if self.remember_as is not None:
            self.snapshots.chosen[self.remember_as] = choice, profile
        self.bar.show_choice(choice, profile)
        found = self.snapshots.request(choice, profile, self._element())
        if found is None:
            self.bar.status.setText(f"Loading {choice.label}…")
        else:
            self._use(found)
        for other in PROFILES:  # then the other viewports, so a switch is at once
            self.snapshots.request(choice, other, self._element(), ahead=True)

    def _element(self) -> str:
        return self.element_id if self.zone == "embedded" else ""

    def _wanted(self, key: tuple) -> bool:
        return self.profile is not None and key == (self.choice, self.profile.key, self._element())

    def _on_ready(self, snapshot: PageSnapshot) -> None:
        if self._wanted((snapshot.choice, snapshot.profile.key, snapshot.element_id)):
            self._use(snapshot)

    def _on_failed(self, key: tuple, sentence: str) -> None:
        if self._wanted(key):
            self.bar.status.setText(sentence)

    def _use(self, snapshot: PageSnapshot) -> None:
        self.snapshot = snapshot
        self.refresh()

    # Following the design

    def refresh(self) -> None:
        """Put the page where the design's size and placement say (after any design change)."""
        shot = self.snapshot
        if shot is None or not self.fmt:
            return
        props = self.scene.doc.design.props
        self.geometry = g = page_geometry(
            self.fmt, self.zone, self.element_id, props, shot.layout, shot.slot
        )
        pixmap = self.snapshots.pixmap(shot)
        css_per_pixel = shot.layout[0] / max(1, pixmap.width())
        # the engagement keeps its place on screen while the page comes or changes around it
        self._steady(
            QPointF(0, 0),
            lambda: QPointF(0, 0),
            lambda: self.scene.show_page(pixmap, g.x, g.y, css_per_pixel * g.units),
        )
        movable = self.zone != "embedded" and self.scene.doc.editable
        self.grip.setVisible(movable)
        if movable:
            w, h = props["width"], props["height"]
            self.grip.set_frame(QRectF(0, 0, w, h), self._preset_rect(props))
        s = shrink(self.zone, props["width"], shot.layout[0])
        status = f"{shot.choice.label} · {shot.profile.label}"
        if s < 1:
            status += f" · shrunk to {s:.0%} to fit, as the site will show it"
        self.bar.status.setText(g.note or status)

    def _preset_rect(self, props: dict[str, Any]) -> QRectF | None:
        box = placement_box(self.fmt, self.zone, {**props, "placement": "preset"}, self._layout())
        if box is None or self.geometry is None:
            return None
        x, y, w, h = box
        cx, cy = self.geometry.to_scene(x + w / 2, y + h / 2)
        return QRectF(
            cx - props["width"] / 2, cy - props["height"] / 2, props["width"], props["height"]
        )

    def _layout(self) -> tuple[int, int]:
        w, h = self.snapshot.layout if self.snapshot else (1366, 768)
        return round(w), round(h)

    def _on_drop(self, dx: float, dy: float) -> None:
        g, props = self.geometry, self.scene.doc.design.props
        if g is None:
            return
        w, h = props["width"], props["height"]
        cx, cy = g.to_page(w / 2 + dx, h / 2 + dy)
        values = placement_for_drop(
            self.fmt, self.zone, props, self._layout(), cx - w / 2, cy - h / 2
        )
        self._steady(
            QPointF(g.x, g.y),
            lambda: QPointF(self.geometry.x, self.geometry.y),
            lambda: self.set_props(values, "Move the engagement on the page"),
        )

    def _steady(
        self, before: QPointF, after: Callable[[], QPointF], change: Callable[[], object]
    ) -> None:
        """Run change; scroll each canvas so the scene point before shows where after now is."""
        views = [v for v in self.scene.views() if not getattr(v, "fitted", False)]
        seen = [v.mapFromScene(before) for v in views]
        change()
        point = after()
        for view, was in zip(views, seen, strict=True):
            d = view.mapFromScene(point) - was
            h, v = view.horizontalScrollBar(), view.verticalScrollBar()
            h.setValue(h.value() + d.x())
            v.setValue(v.value() + d.y())
