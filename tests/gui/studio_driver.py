"""Driving the studio as a designer does: real mouse and keyboard events on the canvas."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from designer.models.design import StateDesigns
from designer.models.engagement import Engagement
from designer.views.editing.edit_session import EditSession
from designer.views.studio.studio_editor import StudioEditor

NO_MODS = Qt.KeyboardModifier.NoModifier


def engagement_id(store, fmt: str) -> int:
    with store.read() as s:
        return s.scalars(select(Engagement.id).where(Engagement.format == fmt)).first()


def saved_designs(store, eid: int) -> StateDesigns:
    with store.read() as s:
        return s.get(Engagement, eid).state_designs()


def app_session(store) -> EditSession:
    """An edit session owned by the app, as the main window owns its own: a session left to
    the garbage collector (it sits in reference cycles) deletes its undo commands under it."""
    return EditSession(store, QApplication.instance())


def open_studio(qtbot, store, fmt: str = "overlay", closed_by_qtbot: bool = True) -> StudioEditor:
    """A shown studio at actual size; closed_by_qtbot=False when the test deletes it itself."""
    session = app_session(store)
    editor = StudioEditor(session, engagement_id(store, fmt))
    if closed_by_qtbot:
        qtbot.addWidget(editor)
    editor.resize(1200, 760)
    editor.show()
    qtbot.waitExposed(editor)
    wait_for_page(qtbot, editor)
    editor.canvas.actual_size()
    editor.canvas.centerOn(QRectF(*editor.scene.frame_box()).center())
    return editor


def wait_for_page(qtbot, editor) -> None:
    """Until the host page's picture is under the design (made offscreen by QtWebEngine)."""
    qtbot.waitUntil(lambda: editor.backdrop.snapshot is not None, timeout=60000)


def at(editor: StudioEditor, x: float, y: float) -> QPoint:
    """The canvas viewport point showing design point (x, y) (inside the border)."""
    ox, oy = editor.scene.origin()
    return editor.canvas.mapFromScene(QPointF(x + ox, y + oy))


def click(editor, x, y, modifiers=NO_MODS) -> None:
    QTest.mouseClick(
        editor.canvas.viewport(), Qt.MouseButton.LeftButton, modifiers, at(editor, x, y)
    )


def drag(editor, start: tuple[float, float], end: tuple[float, float], modifiers=NO_MODS, steps=6):
    """Press at start, move in steps, release at end (design points)."""
    port = editor.canvas.viewport()
    a, b = at(editor, *start), at(editor, *end)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, modifiers, a)
    for i in range(1, steps + 1):
        move(editor, a + (b - a) * i / steps, modifiers)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, modifiers, b)


def move(editor, point: QPoint, modifiers=NO_MODS) -> None:
    """A mouse move with the left button held and these keys down (QTest's moves carry no keys)."""
    port = editor.canvas.viewport()
    local = QPointF(point)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        local,
        QPointF(port.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        modifiers,
    )
    QApplication.sendEvent(port, event)


def key(editor, k, modifiers=NO_MODS) -> None:
    QTest.keyClick(editor.canvas, k, modifiers)


def undo(editor) -> None:
    editor.session.undo_stack.undo()


def redo(editor) -> None:
    editor.session.undo_stack.redo()


def props(editor, element_id: str) -> dict:
    return editor.doc.design.element(element_id).props


def open_window_studio(qtbot, store, size: tuple[int, int], fmt: str = "overlay"):
    """A shown window studio for the engagement of format fmt, once its page's picture is there."""
    from designer.views.studio.window_studio import WindowStudioEditor

    editor = WindowStudioEditor(app_session(store), engagement_id(store, fmt))
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.waitUntil(lambda: editor.on_page.snapshot is not None, timeout=60000)
    return editor
