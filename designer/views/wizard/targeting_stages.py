"""Entry Point and Behavior: pick from the library, or add a new one in place.

The library page itself is embedded, so its rule editor (with the rule in
words) and its "used by" warning are the same as in the Libraries.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QListWidgetItem, QVBoxLayout
from sqlalchemy.orm import Session

from designer.models.engagement import Engagement
from designer.views.libraries.library_pages import LibraryPage
from designer.views.wizard.stage import Stage


class _PickStage(Stage):
    library = ""
    field = ""
    optional = False

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.chosen: int | None = None
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setAccessibleName(f"Chosen {self.title.lower()}")
        self.chosen_label.setStyleSheet("font-weight: 600;")
        self.page = LibraryPage(session, self.library)
        self.page.auto_select = False
        self.page.list.setObjectName(self.field)
        box = QVBoxLayout(self)
        box.addWidget(self.chosen_label)
        self.none: QCheckBox | None = None
        if self.optional:
            self.none = QCheckBox(f"No {self.title.lower()}: show without waiting for one")
            self.none.setAccessibleName(f"No {self.title.lower()}")
            self.none.setToolTip("The engagement shows as soon as the other conditions allow")
            self.none.toggled.connect(self._on_none)
            box.addWidget(self.none)
        box.addWidget(self.page, 1)
        self.page.list.itemClicked.connect(self._on_picked)
        self.page.list.itemActivated.connect(self._on_picked)
        self.page.new.clicked.connect(self._on_new_made)

    def load(self, s: Session, e: Engagement) -> None:
        self.page.own_engagement = e.id
        self.chosen = getattr(e, self.field)
        item = getattr(e, self.field.removesuffix("_id"))
        if item is not None:
            self.page.select(item.id)
            self.chosen_label.setText(f"This engagement uses “{item.name}”: {item.in_words()}.")
        else:
            self.page.select(None)
            self.chosen_label.setText(
                f"No {self.title.lower()} chosen yet: click one in the list, or press New to make one."
            )
        if self.none is not None:
            self.none.blockSignals(True)
            self.none.setChecked(item is None)
            self.none.blockSignals(False)

    def _on_picked(self, item: QListWidgetItem) -> None:
        self.set(f"Use {self.title.lower()}", **{self.field: item.data(256)})

    def _on_new_made(self) -> None:
        if self.page.item_id is not None:
            self.set(f"Use new {self.title.lower()}", **{self.field: self.page.item_id})

    def _on_none(self, on: bool) -> None:
        if on:
            self.set(f"No {self.title.lower()}", **{self.field: None})
        elif self.page.item_id is not None:
            self.set(f"Use {self.title.lower()}", **{self.field: self.page.item_id})


class EntryPointStage(_PickStage):
    key, title = "entry_point", "Entry Point"
    fields = ("entry_point_id",)
    library, field = "entry_point", "entry_point_id"

    def problem(self) -> str | None:
        if self.chosen is None:
            return "Choose an entry point (where on the site the engagement shows), or press New to make one."
        return None


class BehaviorStage(_PickStage):
    key, title = "behavior", "Behavior"
    fields = ("behavior_id",)
    library, field, optional = "behavior", "behavior_id", True
