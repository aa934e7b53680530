"""The main window's centre: the editor's pages and the live preview, one or both at once.

The preview is a view of its own beside the editor, not a dock: it never widens
the window. On a wide window the two stand side by side; on a narrow one the
designer switches between them (the mode bar, or F5 / Escape).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.views.shell.icons import set_icon

EDITOR, PREVIEW, SIDE_BY_SIDE = "editor", "preview", "side"
MODES = (
    (EDITOR, "Editor", "edit", "Only the editor"),
    (PREVIEW, "Preview", "preview", "Only the live preview, as large as the window allows"),
    (SIDE_BY_SIDE, "Side by side", "side_by_side", "The editor and the live preview side by side"),
)
WIDE = 1500  # from this window width the preview opens beside the editor
PREVIEW_MIN = 360
SIDE_PREVIEW = 480  # beside the editor the preview keeps this much, stacking its parts
ROOMY = 640  # opened on its own, the preview goes beside the editor only with this much room


class Workspace(QWidget):
    """`set_pages(pages)` holds the editor; `set_preview(panel)` adds the preview view."""

    mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self.pages: QWidget | None = None
        self.preview: QWidget | None = None
        self.mode = EDITOR
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.bar = QWidget(self)
        self.bar.setAccessibleName("View")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(6, 2, 6, 0)
        title = QLabel("View:")
        row.addWidget(title)
        self.buttons = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for key, text, icon_name, tip in MODES:
            b = QToolButton(self.bar)
            b.setText(text)
            set_icon(b, icon_name)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setToolTip(tip)
            b.setAccessibleName(f"{text} view")
            b.clicked.connect(lambda _=False, k=key: self.set_mode(k))
            self.buttons.addButton(b)
            self.mode_buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        self.mode_buttons[EDITOR].setChecked(True)
        self.bar.hide()  # only once there is a preview to switch to
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.bar)
        box.addWidget(self.splitter, 1)

    def set_pages(self, pages: QWidget) -> None:
        """The editor's pages (a new store's); the old ones are the caller's to delete."""
        if self.pages is not None:
            self.pages.setParent(None)
        self.pages = pages
        self.splitter.insertWidget(0, pages)
        self.splitter.setStretchFactor(0, 2)
        self._apply()

    def set_preview(self, panel: QWidget | None) -> None:
        """The preview view, or None when it was closed with its store."""
        if self.preview is not None:
            self.preview.setParent(None)
        self.preview = panel
        if panel is None:
            self.bar.hide()
            self.set_mode(EDITOR)
            return
        # The preview's own widgets may want more: the splitter, not the window, gives way.
        panel.setMinimumWidth(PREVIEW_MIN)
        panel.hide()  # shown by the mode: never beside the editor where both do not fit
        self.splitter.addWidget(panel)
        self.splitter.setStretchFactor(1, 3)
        self.bar.show()
        self._apply()

    def open_preview(self) -> None:
        """Show the preview: beside the editor on a wide window, instead of it on a narrow one."""
        if self.mode == EDITOR:
            wide = self.window().width() >= WIDE and self.side_by_side_fits(ROOMY)
            self.set_mode(SIDE_BY_SIDE if wide else PREVIEW)

    def side_by_side_fits(self, preview_width: int = PREVIEW_MIN) -> bool:
        """Whether the editor's page and a preview so wide fit the room, without widening it."""
        if self.pages is None:
            return False
        needed = self.pages.minimumSizeHint().width() + preview_width + self.splitter.handleWidth()
        return needed <= self.width()

    def set_mode(self, mode: str) -> None:
        if self.preview is None:
            mode = EDITOR
        if mode == SIDE_BY_SIDE and not self.side_by_side_fits():
            mode = PREVIEW  # the window never grows past the screen to hold both
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self._apply()
        self.mode_changed.emit(mode)

    def _editor_wants(self) -> int:
        """The width the current page needs to show without scrolling sideways."""
        page = self.pages.currentWidget() if self.pages is not None else None
        if page is None:
            return 0
        inner = page.widget() if isinstance(page, QScrollArea) and page.widget() else page
        return inner.minimumSizeHint().width() + page.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent
        )

    def _apply(self) -> None:
        # Hide first, then show: the two are never shown together when only one fits.
        shown = {
            EDITOR: (self.pages,),
            PREVIEW: (self.preview,),
            SIDE_BY_SIDE: (self.pages, self.preview),
        }[self.mode]
        for w in (self.pages, self.preview):
            if w is not None and w not in shown:
                w.hide()
        for w in shown:
            if w is not None:
                w.show()
        if self.mode == SIDE_BY_SIDE:
            # The editor as wide as its page wants, the preview at least ROOMY, else halves.
            width = max(self.splitter.width(), 800)
            editor = max(width // 2, min(self._editor_wants(), width - SIDE_PREVIEW))
            self.splitter.setSizes([editor, width - editor])
