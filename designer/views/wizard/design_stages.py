"""Studio and Window: the stages that host the studio canvas and the window studio."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from designer.models.engagement import Engagement
from designer.views.studio.studio_editor import StudioEditor
from designer.views.studio.window_studio import WindowStudioEditor
from designer.views.wizard.stage import Stage


class _HostStage(Stage):
    """Holds one editor of the engagement, made again when another engagement is opened."""

    editor_type: type = QWidget

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.editor: QWidget | None = None
        self._hosted: int | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def load(self, s: Session, e: Engagement) -> None:
        if self.editor is not None and self._hosted == e.id:
            return  # the editor follows the store itself
        if self.editor is not None:
            self.box.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
        self.editor = self.editor_type(self.session, e.id, self)
        self._hosted = e.id
        self.box.addWidget(self.editor, 1)


class StudioStage(_HostStage):
    key, title = "studio", "Studio"
    fields = ("designs", "text", "alt", "button", "shape")
    editor_type = StudioEditor

    def focus_field(self, field: str) -> None:
        if isinstance(self.editor, StudioEditor):
            self.editor.go_to(field)


class WindowStage(_HostStage):
    key, title = "window", "Window"
    fields = ("window_design",)
    editor_type = WindowStudioEditor

    def focus_field(self, field: str) -> None:
        """window_design.header_text_color: that field of the window studio."""
        if isinstance(self.editor, WindowStudioEditor):
            self.editor.go_to_field(field.removeprefix("window_design."))
