"""Time per mouse-move event while dragging one element on a studio canvas of 500 elements.

Each sample is one move event delivered to the canvas plus the repaint it
causes (snapping, item moves, guides). Goal: under 8 ms, half a 60 Hz frame.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ELEMENTS = 500
MOVES = 400


def _store_with_big_design(folder: Path):
    from designer.models.design import Design, Element, StateDesigns
    from designer.models.engagement import Engagement
    from designer.models.store import Store

    store = Store.open(folder / "bench.sqlite")
    design = Design()
    design.props.update(width=2000, height=1500)
    kinds = ("text", "shape", "button", "image", "close")
    for n in range(ELEMENTS):
        kind = kinds[n % len(kinds)]
        design.elements.append(
            Element.new(
                f"{kind}{n}",
                kind,
                x=(n % 25) * 78 + 4,
                y=(n // 25) * 74 + 4,
                width=70,
                height=40 if kind != "close" else 28,
            )
        )
    with store.edit() as s:
        engagement = s.query(Engagement).first()
        engagement.set_state_designs(StateDesigns(design))
        engagement_id = engagement.id
    return store, engagement_id


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main() -> None:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from designer.views.edit_session import EditSession
    from designer.views.studio.studio_editor import StudioEditor

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        store, engagement_id = _store_with_big_design(Path(folder))
        editor = StudioEditor(EditSession(store), engagement_id)
        editor.resize(1400, 900)
        editor.show()
        app.processEvents()
        canvas = editor.canvas
        port = canvas.viewport()
        element = editor.doc.design.elements[260]
        x, y, w, h = editor.scene.element_box(element)
        start = canvas.mapFromScene(QPointF(x + w / 2, y + h / 2))
        QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        samples, cpu = [], []
        for i in range(MOVES):
            offset = QPointF((i % 80) * 3, (i % 50) * 2)
            point = QPointF(start) + offset
            event = QMouseEvent(
                QEvent.Type.MouseMove,
                point,
                QPointF(port.mapToGlobal(point.toPoint())),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            began, began_cpu = time.perf_counter(), time.thread_time()
            QApplication.sendEvent(port, event)
            app.processEvents()  # the repaint the move asked for
            samples.append((time.perf_counter() - began) * 1000)
            cpu.append((time.thread_time() - began_cpu) * 1000)
        QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        undo_steps = editor.session.undo_stack.count()
        editor.close()
        editor.deleteLater()
        app.processEvents()
        store.close()
    print(f"canvas of {ELEMENTS} elements, {MOVES} mouse moves dragging one element")
    print(
        f"wall time per move event: median {statistics.median(samples):.2f} ms, p95 {_p95(samples):.2f} ms   (goal < 8 ms)"
    )
    print(
        f"CPU time per move event:  median {statistics.median(cpu):.2f} ms, p95 {_p95(cpu):.2f} ms   (the main thread's own work, whatever else the machine runs)"
    )
    print(f"load average while measuring: {os.getloadavg()[0]:.1f}")
    print(f"undo commands recorded for the whole drag: {undo_steps}")


if __name__ == "__main__":
    main()
