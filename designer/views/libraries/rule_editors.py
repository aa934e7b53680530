"""Rule editors: an entry point's URL rules, and the conditions of audiences and behaviors.

Each holds the rule as plain data, shows it in words as the designer edits,
and emits `edited` with the whole new value for one undoable command.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from designer.models.conditions import ConditionType, describe
from designer.models.properties import defaults
from designer.models.regex_safety import regex_problem
from designer.models.vocabulary import MatchMode, UrlMatch
from designer.views.forms.field_binder import words
from designer.views.forms.prop_form import PropForm
from designer.views.forms.refusal import refusal_label, refuse
from designer.views.libraries.condition_help import DESCRIPTIONS, supported_words, web_supported
from designer.views.shell.icons import icon


def _button(text: str, tip: str) -> QPushButton:
    b = QPushButton(text)
    b.setToolTip(tip)
    b.setAccessibleName(tip)
    return b


class UrlRulesEditor(QWidget):
    """Rules [{"match", "value", "exclude", "fragment"}] and page sections; edited(rules, sections)."""

    edited = Signal(list, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rules: list[dict] = []
        self.sections: list[str] = []
        self.list = QListWidget()
        self.list.setAccessibleName("URL rules")
        self.list.setMaximumHeight(150)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._rule_fields()
        self.add = _button("Add rule", "Add the URL rule")
        self.update = _button("Update rule", "Change the selected URL rule to what the fields say")
        self.update.setEnabled(False)
        self.remove = _button("Remove rule", "Remove the selected URL rule")
        self.problem = refusal_label("URL rule problem")
        self.section_edit = QLineEdit()
        self.section_edit.setPlaceholderText("page sections, separated by commas (optional)")
        self.section_edit.setAccessibleName("Page sections")
        self.section_edit.setToolTip("Limit the entry point to page sections the site declares")
        self._lay_out()
        self.value.textEdited.connect(self._check)
        self.match.currentIndexChanged.connect(self._check)
        self.add.clicked.connect(self._on_add)
        self.value.returnPressed.connect(self._on_return)
        self.update.clicked.connect(self._on_update)
        self.remove.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(self._on_rule_selected)
        self.section_edit.editingFinished.connect(self._on_sections)

    def _rule_fields(self) -> None:
        """One rule as it is typed: how the URL is compared, to what, excluded or not."""
        self.match = QComboBox()
        for m in UrlMatch:
            self.match.addItem(
                "matches the pattern (regex)" if m == UrlMatch.REGEX else words(m).lower(), m.value
            )
        self.match.setAccessibleName("Kind of URL rule")
        self.match.setToolTip("How the URL is compared")
        self.value = QLineEdit()
        self.value.setPlaceholderText("/checkout")
        self.value.setAccessibleName("URL of the rule")
        self.value.setToolTip("The URL, or part of it, to compare with")
        self.exclude = QCheckBox("but not")
        self.exclude.setAccessibleName("Exclusion")
        self.exclude.setToolTip("Ticked: pages matching this rule are left out")
        self.fragment = QCheckBox("with #fragment")
        self.fragment.setAccessibleName("Match the URL fragment")
        self.fragment.setToolTip(
            "Ticked: the part after # counts too, for sites whose pages are #/routes"
        )

    def _lay_out(self) -> None:
        row = QHBoxLayout()  # the rule as typed, then what to do with it: two rows, narrow
        for w in (self.exclude, self.match, self.value, self.fragment):
            row.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for w in (self.add, self.update, self.remove):
            buttons.addWidget(w)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list)
        box.addLayout(row)
        box.addLayout(buttons)
        box.addWidget(self.problem)
        box.addWidget(self.section_edit)
        box.addStretch(1)  # spare height below the fields, not between them

    def set_rules(self, rules: list[dict], sections: list[str]) -> None:
        row = self.list.currentRow()  # the rule being edited stays selected
        self.rules, self.sections = copy.deepcopy(rules), list(sections)
        self.list.blockSignals(True)
        self.list.clear()
        for r in rules:
            not_ = "but not " if r.get("exclude") else ""
            hash_ = " (with #fragment)" if r.get("fragment") else ""
            self.list.addItem(
                f"{not_}URL {words(r.get('match', '')).lower()} {r.get('value', '')}{hash_}"
            )
        self.list.setCurrentRow(row if 0 <= row < len(rules) else -1)
        self.list.blockSignals(False)
        self.update.setEnabled(self.list.currentRow() >= 0)
        self.section_edit.setText(", ".join(sections))

    def _on_rule_selected(self, row: int) -> None:
        """A rule chosen in the list is edited in the fields below it, then Update rule."""
        self.update.setEnabled(0 <= row < len(self.rules))
        if not 0 <= row < len(self.rules):
            return
        self.set_fields(self.rules[row])
        self._check()

    def set_fields(self, rule: dict) -> None:
        """Show rule in the fields (each rule key has its field; new keys add theirs here)."""
        self.exclude.setChecked(bool(rule.get("exclude")))
        self.match.setCurrentIndex(max(0, self.match.findData(rule.get("match"))))
        self.value.setText(str(rule.get("value", "")))
        self.fragment.setChecked(bool(rule.get("fragment")))

    def rule_from_fields(self) -> dict:
        """The rule the fields describe (the counterpart of set_fields)."""
        rule = {
            "match": self.match.currentData(),
            "value": self.value.text().strip(),
            "exclude": self.exclude.isChecked(),
        }
        if self.fragment.isChecked():  # absent means off, as in every rule made before
            rule["fragment"] = True
        return rule

    def _on_return(self) -> None:
        if self.update.isEnabled():
            self._on_update()
        else:
            self._on_add()

    def _on_update(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.rules) or not self._acceptable():
            return
        rules = copy.deepcopy(self.rules)
        kept = {k: v for k, v in self.rules[row].items() if k != "fragment"}
        rules[row] = kept | self.rule_from_fields()  # keys the fields lack stay
        if rules != self.rules:
            self.edited.emit(rules, self.sections)

    def _check(self, *_args: object) -> str | None:
        """Say beside the field, as it is typed, why a pattern cannot be a rule."""
        value = self.value.text().strip()
        problem = None
        if value and self.match.currentData() == UrlMatch.REGEX:
            problem = regex_problem(value)
        refuse(self.problem, problem)
        return problem

    def _acceptable(self) -> bool:
        if not self.value.text().strip():
            self.value.setPlaceholderText("Type the URL first, e.g. /checkout")
            self.value.setFocus()
            return False
        if self._check() is not None:  # refused here; the entry point keeps its rules
            self.value.setFocus()
            return False
        return True

    def _on_add(self) -> None:
        if not self._acceptable():
            return
        rule = self.rule_from_fields()
        self.value.clear()
        self.list.setCurrentRow(-1)
        self.edited.emit(self.rules + [rule], self.sections)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rules):
            self.edited.emit(self.rules[:row] + self.rules[row + 1 :], self.sections)

    def _on_sections(self) -> None:
        sections = [p.strip() for p in self.section_edit.text().split(",") if p.strip()]
        if sections != self.sections:
            self.edited.emit(self.rules, sections)


class ConditionsEditor(QWidget):
    """Conditions [{"type", ...params}] matched all or any; edited(match, conditions)."""

    edited = Signal(str, list)

    def __init__(self, types: dict[str, ConditionType], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.types = types
        self.match, self.conditions = MatchMode.ALL.value, []
        self.mode = QComboBox()
        for mode, label in ((MatchMode.ALL, "All of these"), (MatchMode.ANY, "Any of these")):
            self.mode.addItem(label, mode.value)
        self.mode.setAccessibleName("Match all or any")
        self.mode.setToolTip("Whether every condition must hold, or one is enough")
        self.list = QListWidget()
        self.list.setAccessibleName("Conditions")
        self.list.setMaximumHeight(150)
        self._kind_picker()
        self.add = _button("Add condition", "Add a condition of the chosen kind")
        self.remove = _button("Remove condition", "Remove the selected condition")
        self.params = QWidget()
        self.params_box = QVBoxLayout(self.params)
        self.params_box.setContentsMargins(0, 0, 0, 0)
        self._form: PropForm | None = None
        self._lay_out()
        self.mode.activated.connect(
            lambda _: self.edited.emit(self.mode.currentData(), self.conditions)
        )
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.list.currentRowChanged.connect(self._on_selected)

    def _kind_picker(self) -> None:
        """The kinds of condition to add, each marked with whether the web tag supports it."""
        self.kind = QComboBox()
        for t in self.types.values():
            supported = t.type in web_supported()
            self.kind.addItem(icon("supported" if supported else "unsupported"), t.label, t.type)
            tip = f"{DESCRIPTIONS.get(t.type, '')}\n{supported_words(t.type)}"
            self.kind.setItemData(self.kind.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.kind.setAccessibleName("Kind of condition to add")
        self.kind.setToolTip("The condition to add; the globe marks those the web tag supports")
        self.kind_mark = QLabel()  # the guide's globe beside "Supported"
        self.kind_mark.setAccessibleName("Web support of the condition")
        self.kind_help = QLabel()
        self.kind_help.setWordWrap(True)
        self.kind_help.setAccessibleName("What the condition means")
        self.kind.currentIndexChanged.connect(self._on_kind)
        self._on_kind()

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        for w in (self.kind, self.add, self.remove):
            row.addWidget(w)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.mode)
        box.addWidget(self.list)
        box.addLayout(row)
        help_row = QHBoxLayout()
        help_row.addWidget(self.kind_mark, 0, Qt.AlignmentFlag.AlignVCenter)
        help_row.addWidget(self.kind_help, 1, Qt.AlignmentFlag.AlignVCenter)
        self.kind_help.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        box.addLayout(help_row)
        box.addWidget(self.params)
        box.addStretch(1)  # spare height below the condition's fields, not between them

    def set_conditions(self, match: str, conditions: list[dict]) -> None:
        row = max(0, self.list.currentRow())  # the first condition's form shows at once
        self.match, self.conditions = match, copy.deepcopy(conditions)
        self.mode.setCurrentIndex(0 if match == MatchMode.ALL else 1)
        self.list.blockSignals(True)
        self.list.clear()
        for c in conditions:
            label = self.types[c["type"]].label if c.get("type") in self.types else "Unknown"
            item = QListWidgetItem(f"{label}: {describe(self.types, c)}")
            supported = c.get("type") in web_supported()
            item.setIcon(icon("supported" if supported else "unsupported"))
            item.setToolTip(supported_words(c.get("type", "")))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(min(row, len(conditions) - 1) if conditions else -1)
        self._on_selected(self.list.currentRow())

    def _on_kind(self, *_args: object) -> None:
        """Under the kind: what it means, and whether the site's tag applies it."""
        kind = self.kind.currentData()
        supported = kind in web_supported()
        self.kind_mark.setPixmap(icon("supported" if supported else "unsupported").pixmap(16, 16))
        mark = "Supported" if supported else "Not supported on the web"
        self.kind_help.setText(f"{mark} · {DESCRIPTIONS.get(kind, '')}")
        self.kind_help.setToolTip(supported_words(kind or ""))

    def _on_add(self) -> None:
        ctype = self.types[self.kind.currentData()]
        new = {"type": ctype.type} | defaults(ctype.params)
        self.edited.emit(self.match, self.conditions + [new])
        self.list.setCurrentRow(len(self.conditions) - 1)

    def _on_remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conditions):
            self.edited.emit(self.match, self.conditions[:row] + self.conditions[row + 1 :])

    def _on_selected(self, row: int) -> None:
        if self._form is not None:
            # Hidden and out of the layout now; deleted when the event loop next runs.
            self.params_box.removeWidget(self._form)
            self._form.hide()
            self._form.deleteLater()
            self._form = None
        if (
            not 0 <= row < len(self.conditions)
            or self.conditions[row].get("type") not in self.types
        ):
            return
        ctype = self.types[self.conditions[row]["type"]]
        self._form = PropForm(ctype.params)
        self._form.set_values(self.conditions[row])
        self._form.value_edited.connect(lambda name, value: self._on_param(row, name, value))
        self.params_box.addWidget(self._form)

    def _on_param(self, row: int, name: str, value: object) -> None:
        conditions = copy.deepcopy(self.conditions)
        conditions[row][name] = value
        self.edited.emit(self.match, conditions)
