"""Studio and Window: host the studio canvas and the window studio.

When those editors are not installed in this build, a form of the design's
declared properties stands in, so the stage is never empty.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from designer.models.design import Design
from designer.models.engagement import Engagement
from designer.models.properties import DESIGN_PROPS, WINDOW_PROPS
from designer.views.prop_form import PropForm
from designer.views.wizard.stage import Stage
from designer.views.wizard.thumbnails import paint_design


def find_editor(module: str, name: str) -> type | None:
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as e:
        if e.name != module:
            raise
        return None


class DesignSketch(QWidget):
    """The online design as it stands, beside the form."""

    def __init__(self) -> None:
        super().__init__()
        self.design: Design | None = None
        self.setMinimumSize(300, 200)
        self.setAccessibleName("Design sketch")

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f4f5f7"))
        if self.design is not None:
            w, h = self.design.props["width"], self.design.props["height"]
            k = min(1.0, (self.width() - 20) / w, (self.height() - 20) / h)
            box = QRectF((self.width() - w * k) / 2, (self.height() - h * k) / 2, w * k, h * k)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_design(p, self.design, box)
        p.end()


class _HostStage(Stage):
    """Subclasses give `values(e)` for the form and `_on_value(name, value)` to save one."""

    editor_module = editor_class = ""
    specs: tuple = ()
    note = ""

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.editor_type = find_editor(self.editor_module, self.editor_class)
        self.editor: QWidget | None = None
        self.box = QVBoxLayout(self)
        self.form: PropForm | None = None
        if self.editor_type is None:
            label = QLabel(self.note)
            label.setWordWrap(True)
            self.box.addWidget(label)
            self.form = PropForm(self.specs)
            self.form.value_edited.connect(self._on_value)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.form)
            self.box.addWidget(scroll, 1)

    def load(self, s: Session, e: Engagement) -> None:
        if self.editor_type is not None:
            if self.editor is None or getattr(self, "_hosted", None) != e.id:
                if self.editor is not None:
                    self.box.removeWidget(self.editor)
                    self.editor.hide()
                    self.editor.deleteLater()
                self.editor = self.editor_type(self.session, e.id, self)
                self._hosted = e.id
                self.box.addWidget(self.editor, 1)
            return
        self.form.set_values(self.values(e))


class StudioStage(_HostStage):
    key, title = "studio", "Studio"
    fields = ("designs", "text", "alt", "button", "shape")
    editor_module, editor_class = "designer.views.studio.studio_editor", "StudioEditor"
    specs = DESIGN_PROPS
    note = "The button or banner's box; its elements keep the template's design."

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        if self.form is not None:
            self.sketch = DesignSketch()
            self.box.insertWidget(1, self.sketch, 1)

    def values(self, e: Engagement) -> dict:
        design = e.state_designs().online
        self.sketch.design = design
        self.sketch.update()
        return design.props

    def _on_value(self, name: str, value: object) -> None:
        with self.session.store.read() as s:
            designs = s.get(Engagement, self.engagement_id).state_designs()
        designs.online.props[name] = value
        self.set(f"Change {name.replace('_', ' ')}", designs=designs.to_dict())


class WindowStage(_HostStage):
    key, title = "window", "Window"
    fields = ("window_design",)
    editor_module, editor_class = "designer.views.studio.window_studio", "WindowStudioEditor"
    specs = WINDOW_PROPS
    note = "The conversation window: theme, header, agent, fonts, bubbles, input and menu."

    def values(self, e: Engagement) -> dict:
        return e.get_window_design().props

    def _on_value(self, name: str, value: object) -> None:
        with self.session.store.read() as s:
            design = s.get(Engagement, self.engagement_id).get_window_design()
        design.props[name] = value
        self.set(f"Change window {name.replace('_', ' ')}", window_design=design.to_dict())
