"""The libraries: entry points, target audiences and behaviors; list, create, edit, copy, delete.

Editing or deleting one that others use first shows who uses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from designer.models.changes import entity_of
from designer.models.conditions import AUDIENCE_CONDITIONS, BEHAVIOR_CONDITIONS
from designer.models.libraries import Behavior, EntryPoint, TargetAudience
from designer.models.row_snapshots import copy_changes, unique_name
from designer.models.vocabulary import MatchMode
from designer.models.window_library import LibraryWindow
from designer.views.editing.commands import create_row, delete_row, duplicate_row
from designer.views.editing.edit_session import EditSession, SetFields
from designer.views.libraries.rule_editors import ConditionsEditor, UrlRulesEditor
from designer.views.shell.sentences import confirm


@dataclass(frozen=True)
class Library:
    model: type
    title: str
    singular: str

    @property
    def entity(self) -> str:
        return entity_of(self.model)


LIBRARIES = {
    "entry_point": Library(EntryPoint, "Entry points", "entry point"),
    "audience": Library(TargetAudience, "Target audiences", "target audience"),
    "behavior": Library(Behavior, "Behaviors", "behavior"),
    "window": Library(LibraryWindow, "Engagement windows", "window design"),
}


def users_in_words(item, besides: int | None = None) -> list[str]:  # noqa: ANN001 - a library row
    """Who uses item, in words; `besides` leaves out the engagement being edited."""
    return [
        f"{u.campaign.name} › {u.name}" if hasattr(u, "campaign") else u.name
        for u in item.used_by()
        if not (besides is not None and hasattr(u, "campaign") and u.id == besides)
    ]


class LibraryPage(QSplitter):
    def __init__(self, session: EditSession, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.session, self.lib = session, LIBRARIES[kind]
        self.item_id: int | None = None
        self.auto_select = True  # the wizard's pickers start with nothing chosen
        self.own_engagement: int | None = None  # the wizard's engagement: no warning about it
        self._cleared_for: int | None = None  # the item whose users were already shown
        self.setAccessibleName(self.lib.title)
        self.addWidget(self._list_side())
        self.addWidget(self._editor_side())
        self.setStretchFactor(1, 2)
        session.changed.connect(self._on_changed)
        self.reload()

    def _list_side(self) -> QWidget:
        side = QWidget()
        col = QVBoxLayout(side)
        title = QLabel(self.lib.title)
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        col.addWidget(title)
        self.list = QListWidget()
        self.list.setAccessibleName(self.lib.title)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # each item is a name and its rule in words: keep them apart
        col.addWidget(self.list)
        row = QHBoxLayout()
        self.new = QPushButton("New")
        self.duplicate = QPushButton("Duplicate")
        self.delete = QPushButton("Delete")
        for b, tip, slot in (
            (self.new, f"Make a new {self.lib.singular}", self._on_new),
            (self.duplicate, f"Copy the selected {self.lib.singular}", self._on_duplicate),
            (self.delete, f"Delete the selected {self.lib.singular}", self._on_delete),
        ):
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(slot)
            row.addWidget(b)
        col.addLayout(row)
        self.list.currentItemChanged.connect(self._on_selected)
        return side

    def _name_and_users(self, form: QFormLayout) -> None:
        """The item's name (unique in the library) and what uses it: every library has them."""
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.setToolTip(f"The {self.lib.singular}'s name, unique in the library")
        self.name.editingFinished.connect(self._on_name)
        form.addRow("&Name", self.name)
        self.users = QLabel()
        self.users.setWordWrap(True)
        self.users.setAccessibleName("Used by")
        form.addRow("Used by", self.users)

    def _editor_side(self) -> QWidget:
        self.editor = QWidget()
        form = QFormLayout(self.editor)
        self._name_and_users(form)
        if self.lib.model is EntryPoint:
            self.rules = UrlRulesEditor()
            self.rules.edited.connect(self._on_rules)
        else:
            types = AUDIENCE_CONDITIONS if self.lib.model is TargetAudience else BEHAVIOR_CONDITIONS
            self.rules = ConditionsEditor(types)
            self.rules.edited.connect(self._on_conditions)
        form.addRow("Rule", self.rules)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setAccessibleName("The rule in words")
        self.words.setStyleSheet("font-style: italic;")
        form.addRow("In words", self.words)
        return self.editor

    def reload(self) -> None:
        with self.session.store.read() as s:
            rows = s.scalars(select(self.lib.model).order_by(self.lib.model.name)).all()
            self.list.blockSignals(True)
            self.list.clear()
            for r in rows:
                n = len(r.used_by())
                item = QListWidgetItem(f"{r.name}\n{r.in_words()} · used by {n}")
                item.setData(256, r.id)
                self.list.addItem(item)
            self.list.blockSignals(False)
            ids = [r.id for r in rows]
        if self.item_id not in ids:
            self.item_id = ids[0] if ids and self.auto_select else None
        if self.item_id is not None:
            self.list.setCurrentRow(ids.index(self.item_id))
        if self.item_id is None:
            self.list.setCurrentRow(-1)
        self.editor.setEnabled(self.item_id is not None)
        self._load_item()

    def select(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.reload()

    def _load_item(self) -> None:
        if self.item_id is None:
            self.name.clear()
            article = "an" if self.lib.singular[0] in "aeiou" else "a"
            self.users.setText(
                f"Pick {article} {self.lib.singular} in the list, or press New to make one."
            )
            self.words.clear()
            if isinstance(self.rules, UrlRulesEditor):
                self.rules.set_rules([], [])
            else:
                self.rules.set_conditions(MatchMode.ALL, [])
            return
        with self.session.store.read() as s:
            r = s.get(self.lib.model, self.item_id)
            self.name.setText(r.name)
            users = users_in_words(r)
            self.users.setText(", ".join(users) if users else "Nothing uses it yet.")
            if isinstance(self.rules, UrlRulesEditor):
                self.rules.set_rules(r.rules, r.sections)
            else:
                self.rules.set_conditions(r.match, r.conditions)
            self.words.setText(r.in_words())

    def _on_selected(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(256) != self.item_id:
            self.item_id = item.data(256)
            self._load_item()

    def may_change(self) -> bool:
        """First time an item others use is edited, say who it touches and let the designer stop."""
        if self.item_id is None or self._cleared_for == self.item_id:
            return self.item_id is not None
        with self.session.store.read() as s:
            r = s.get(self.lib.model, self.item_id)
            users, name = users_in_words(r, self.own_engagement), r.name
        if users and not confirm(
            self,
            f"“{name}” is used by {len(users)}; the change applies to all of them.",
            "Used by: " + ", ".join(users) + ". Duplicate it first to change a copy instead.",
            "Change it",
        ):
            self._load_item()
            return False
        self._cleared_for = self.item_id
        return True

    def _push_fields(self, text: str, new: dict) -> None:
        if not self.may_change():
            return
        with self.session.store.read() as s:
            r = s.get(self.lib.model, self.item_id)
            old = {k: getattr(r, k) for k in new}
        if old != new:
            self.session.push(SetFields(self.lib.model, self.item_id, text, old, new))

    def _on_name(self) -> None:
        name = self.name.text().strip()
        if not name:
            self._load_item()
            return
        with self.session.store.read() as s:
            r = s.get(self.lib.model, self.item_id) if self.item_id else None
            if r is None or r.name == name:
                return
            if s.scalar(select(self.lib.model.id).where(self.lib.model.name == name)):
                self.users.setText(
                    f"Another {self.lib.singular} is already called “{name}”; choose another name."
                )
                return
        self._push_fields(f"Rename {self.lib.singular}", {"name": name})

    def _on_rules(self, rules: list, sections: list) -> None:
        self._push_fields(
            f"Change {self.lib.singular} rules", {"rules": rules, "sections": sections}
        )

    def _on_conditions(self, match: str, conditions: list) -> None:
        self._push_fields(
            f"Change {self.lib.singular} conditions", {"match": match, "conditions": conditions}
        )

    def _on_new(self) -> None:
        with self.session.store.read() as s:
            name = unique_name(s, self.lib.model, f"New {self.lib.singular}")
        command = create_row(self.lib.model, f"New {self.lib.singular}", name=name)
        if self.session.push(command):
            self.select(command.row_id)
            self.name.setFocus()
            self.name.selectAll()

    def _on_duplicate(self) -> None:
        if self.item_id is None:
            return
        with self.session.store.read() as s:
            changes = copy_changes(s, s.get(self.lib.model, self.item_id))
            text = f"Duplicate {self.lib.singular}"
            command = duplicate_row(s, self.lib.model, self.item_id, text, **changes)
        if self.session.push(command):
            self.select(command.row_id)

    def _on_delete(self) -> None:
        if self.item_id is None:
            return
        with self.session.store.read() as s:
            r = s.get(self.lib.model, self.item_id)
            users, name = users_in_words(r), r.name
            text = f"Delete {self.lib.singular} {name}"
            command = delete_row(s, self.lib.model, self.item_id, text)
        question = f"Delete “{name}”?"
        detail = "You can undo it with Ctrl+Z."
        if users:
            question = f"“{name}” is used by {len(users)}. Delete it anyway?"
            detail = (
                f"Used by: {', '.join(users)}. They will need another {self.lib.singular}. "
                + detail
            )
        if confirm(self, question, detail, "Delete"):
            self.item_id = None
            self.session.push(command)

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in (self.lib.entity, "engagement", "campaign"):
            self.reload()
