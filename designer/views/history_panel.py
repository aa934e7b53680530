"""A campaign's published versions: the history list and the compare of two versions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from designer.models.campaign import CampaignVersion
from designer.views.edit_session import EditSession


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """{'engagements': [{'name': 'A'}]} -> {'engagements 1 › name': 'A'}, to compare leaves."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, v in value.items():
            out |= flatten(v, f"{prefix} › {key}" if prefix else str(key))
        return out
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        out = {}
        for i, v in enumerate(value, 1):
            label = v.get("name") if isinstance(v.get("name"), str) else str(i)
            out |= flatten(v, f"{prefix} {label}".strip())
        return out
    return {prefix: value}


def differences(old: dict, new: dict) -> list[str]:
    a, b = flatten(old), flatten(new)
    lines = []
    for key in sorted(a.keys() | b.keys()):
        if key not in a:
            lines.append(f"+ {key}: {b[key]!r}")
        elif key not in b:
            lines.append(f"− {key}: {a[key]!r}")
        elif a[key] != b[key]:
            lines.append(f"~ {key}: {a[key]!r} → {b[key]!r}")
    return lines


class HistoryPanel(QGroupBox):
    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__("History", parent)
        self.session = session
        self.campaign_id: int | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Published versions")
        self.list.setToolTip("Select two versions and press Compare to see what changed")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.list.setMaximumHeight(120)
        self.compare = QPushButton("Compare…")
        self.compare.setAccessibleName("Compare versions")
        self.compare.setToolTip("Show what changed between the two selected versions")
        row = QHBoxLayout(self)
        row.addWidget(self.list, 1)
        row.addWidget(self.compare)
        self.compare.clicked.connect(self._on_compare)
        self.list.itemSelectionChanged.connect(
            lambda: self.compare.setEnabled(len(self.list.selectedItems()) == 2)
        )

    def show_campaign(self, campaign_id: int) -> None:
        self.campaign_id = campaign_id
        self.list.clear()
        with self.session.store.read() as s:
            versions = s.scalars(
                select(CampaignVersion)
                .where(CampaignVersion.campaign_id == campaign_id)
                .order_by(CampaignVersion.number.desc())
            ).all()
            for v in versions:
                item = QListWidgetItem(
                    f"Version {v.number} · {v.published_at:%Y-%m-%d %H:%M} UTC"
                    + (f" · {v.note}" if v.note else "")
                )
                item.setData(256, v.id)
                self.list.addItem(item)
        if not versions:
            self.list.addItem("Not published yet: Publish records version 1 here.")
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.compare.setEnabled(False)

    def compare_text(self, older_id: int, newer_id: int) -> str:
        with self.session.store.read() as s:
            a, b = s.get(CampaignVersion, older_id), s.get(CampaignVersion, newer_id)
            if a.number > b.number:
                a, b = b, a
            lines = differences(a.snapshot, b.snapshot)
            head = f"From version {a.number} to version {b.number}:"
        return "\n".join([head, *(lines or ["Nothing changed."])])

    def _on_compare(self) -> None:
        ids = [i.data(256) for i in self.list.selectedItems()]
        if len(ids) != 2:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle("Compare versions")
        text = QPlainTextEdit(self.compare_text(*ids))
        text.setReadOnly(True)
        text.setAccessibleName("Differences")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        box = QVBoxLayout(dialog)
        box.addWidget(text)
        box.addWidget(buttons)
        dialog.resize(640, 420)
        dialog.exec()
