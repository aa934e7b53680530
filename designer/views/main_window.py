"""The main window: the store's campaigns and their engagements."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QTreeWidget, QTreeWidgetItem

from designer.models.campaign import Campaign
from designer.models.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle(f"{store.label} — Engagement Designer")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Campaign / engagement", "Status", "Format", "Zone"])
        self.tree.setAccessibleName("Campaigns and engagements")
        self.setCentralWidget(self.tree)
        self.resize(1100, 700)
        self.reload()
        self.statusBar().showMessage(f"{self.tree.topLevelItemCount()} campaigns")

    def reload(self) -> None:
        self.tree.clear()
        with self.store.read() as s:
            for c in s.query(Campaign).order_by(Campaign.name):
                item = QTreeWidgetItem([c.name, c.status, "", ""])
                for e in c.engagements:
                    item.addChild(
                        QTreeWidgetItem(
                            [
                                e.name,
                                "on" if e.enabled else "off",
                                e.format.replace("_", " "),
                                e.zone_key,
                            ]
                        )
                    )
                self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for col in range(4):
            self.tree.resizeColumnToContents(col)
