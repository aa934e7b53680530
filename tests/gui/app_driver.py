"""Driving the main window as a designer would: type, pick, click, answer dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QWidget,
)


def type_into(edit: QLineEdit, text: str) -> None:
    """Replace the text as typed, then press Enter (which saves it)."""
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def pick(combo: QComboBox, data: object) -> None:
    """Choose the item holding data, as a click in the list would."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not a choice of {combo.accessibleName()}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def click(button: QAbstractButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


# How many `answering` blocks are open: outside them, a modal dialog is unexpected.
ANSWERING = [0]


class DialogAnswers:
    """Answers the modal dialogs that open, in order, by a button's text; keeps what they said."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._on_tick)

    def _on_tick(self) -> None:
        box = QApplication.activeModalWidget()
        if box is None or not self.answers or isinstance(box, QProgressDialog):
            return  # a progress dialog is not a question: it goes by itself
        if isinstance(box, QMessageBox):
            text = box.text() + "\n" + box.informativeText()
        else:  # our own dialogs say what they show through said()
            text = box.said() if hasattr(box, "said") else ""
        wanted = self.answers.pop(0)
        for button in box.findChildren(QAbstractButton):
            if button.text().replace("&", "") == wanted:
                self.seen.append(text)
                button.click()
                return
        self.seen.append(text)
        box.close()
        raise AssertionError(f"no button {wanted!r} in the dialog saying: {text}")


@contextmanager
def answering(*answers: str) -> Iterator[DialogAnswers]:
    """with answering("Delete") as dialogs: ... — every answer must have been used."""
    d = DialogAnswers(list(answers))
    d.timer.start()
    ANSWERING[0] += 1
    try:
        yield d
    finally:
        ANSWERING[0] -= 1
        d.timer.stop()
    assert not d.answers, f"dialogs never opened for {d.answers}"


def field(window: QWidget, name: str) -> QWidget:
    w = window.findChild(QWidget, name)
    assert w is not None, f"no field {name}"
    return w


def drive_dialog(kind: type, act: Callable[[QWidget], None], start: Callable[[], object]) -> object:
    """start() opens a modal dialog of kind (and waits on it); act(dialog) is what the designer
    does in it. Returns what start returned; fails when no such dialog opened."""
    done: list[bool] = []

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and not done:
            done.append(True)
            act(dialog)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(drive)
    timer.start()
    ANSWERING[0] += 1
    try:
        result = start()
    finally:
        ANSWERING[0] -= 1
        timer.stop()
    assert done, f"no {kind.__name__} opened"
    return result
