"""Starting the app: the QApplication, the store, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from designer.models.errors import StoreError
from designer.models.store import Store, default_store_path


def run_app(store_target: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Engagement Designer")
    app.setOrganizationName("EngagementDesigner")
    try:
        store = Store.open(store_target or default_store_path())
    except StoreError as e:
        QMessageBox.critical(None, "Engagement Designer", str(e))
        return 2
    from designer.views.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    return app.exec()
