"""Errors and warnings shown to the designer as sentences in a dialog, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "Engagement Designer"


def show_error(parent: QWidget | None, sentence: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, TITLE, sentence, QMessageBox.StandardButton.Ok, parent
    )
    box.setAccessibleName("Error")
    box.exec()


def confirm(parent: QWidget | None, question: str, detail: str = "", yes: str = "Continue") -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, TITLE, question, QMessageBox.StandardButton.NoButton, parent
    )
    box.setInformativeText(detail)
    go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setAccessibleName("Question")
    box.exec()
    return box.clickedButton() is go
