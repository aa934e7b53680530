"""The studio inspector: the selected element's properties, or the engagement's own.

Its forms come from the property declarations; it shows the model with
signals blocked and reports edits as commands through StudioActions. Beside
the fields it shows the live accessibility checks of design_checks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from designer.models.contrast import ratio_text, verdict
from designer.models.design_checks import (
    accessible_name,
    cut_off_sentence,
    design_problems,
    element_problems,
    text_colors,
    text_cut_off,
)
from designer.models.design_document import DesignDocument
from designer.models.engagement import Engagement
from designer.models.formats import EngagementFormat
from designer.models.properties import DESIGN_PROPS, ELEMENT_PROPS
from designer.views.studio.property_form import PropertyForm
from designer.views.studio.studio_actions import StudioActions
from designer.views.studio.text_fit import measure_text

DESIGN = "design"


class StudioInspector(QWidget):
    def __init__(
        self,
        doc: DesignDocument,
        actions: StudioActions,
        fmt: EngagementFormat | None,
        import_image: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.doc, self.actions, self.fmt = doc, actions, fmt
        self._import_image = import_image  # a file path -> an asset reference, or None
        self.setAccessibleName("Inspector")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600;")
        self.forms: dict[str, PropertyForm] = {}
        self.stack = QStackedWidget()
        self.multi = QLabel()
        self.multi.setWordWrap(True)
        self.stack.addWidget(self.multi)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # a scroll bar that comes and goes would cover the fields' right edge
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setWidget(self.stack)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(scroll, 1)
        self.setMinimumWidth(300)
        # The forms differ in width; the canvas must not jump when the selection changes.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.setFixedWidth(340)
        self.subject: str | None = None  # the element id shown, DESIGN, or None
        for callback in (doc.element_changed, doc.design_changed, doc.element_removed):
            callback.connect(self._on_document_changed)

    def detach(self) -> None:
        for callback in (
            self.doc.element_changed,
            self.doc.design_changed,
            self.doc.element_removed,
        ):
            callback.disconnect(self._on_document_changed)

    def form(self, key: str) -> PropertyForm:
        """The form for an element kind, or DESIGN for the engagement's own properties."""
        if key not in self.forms:
            form = PropertyForm(DESIGN_PROPS if key == DESIGN else ELEMENT_PROPS[key])
            form.value_edited.connect(self._on_value_edited)
            self.forms[key] = form
            self.stack.addWidget(form)
        return self.forms[key]

    def show_selection(self, ids: list[str]) -> None:
        if len(ids) > 1:
            self.subject = None
            self.title.setText(f"{len(ids)} elements")
            self.multi.setText(
                "Move them together with the mouse or the arrow keys, change their order, "
                "copy, duplicate or delete them. Select one to edit its properties."
            )
            self.stack.setCurrentWidget(self.multi)
            return
        self.subject = ids[0] if ids else DESIGN
        self.refresh()

    def refresh(self) -> None:
        if self.subject is None:
            return
        design = self.doc.design
        element = design.element(self.subject) if self.subject != DESIGN else None
        if element is None:
            self.subject = DESIGN
            state = self.doc.state
            self.title.setText(f"Engagement — {state} design")
            form = self.form(DESIGN)
            form.set_values(design.props)
            form.set_notes(self._design_notes())
        else:
            self.title.setText(f"{element.kind.title()} “{element.id}”")
            form = self.form(element.kind)
            form.set_values(element.props)
            form.set_notes(self._element_notes(element))
        form.setEnabled(self.doc.editable)
        self.stack.setCurrentWidget(form)

    def focus_main_field(self, element_id: str) -> None:
        """Put the keyboard in the element's main field: its text, label, alt text or name."""
        self.show_selection([element_id])
        element = self.doc.design.element(element_id)
        if element is None:
            return
        form = self.form(element.kind)
        name = next((n for n in ("text", "alt", "label", "shape") if n in form.editors), "x")
        editor = form.editors[name]
        editor.setFocus()
        if hasattr(editor, "selectAll"):
            editor.selectAll()

    def _element_notes(self, element) -> dict[str, list[tuple[str, str]]]:  # noqa: ANN001
        design = self.doc.design
        notes: dict[str, list[tuple[str, str]]] = {}
        for severity, prop, sentence in element_problems(design, element):
            if prop == "color":
                sentence = "Fails WCAG AA. " + sentence
            notes.setdefault(prop, []).append((severity, sentence))
        if text_cut_off(element, measure_text):
            sentence = cut_off_sentence(str(self.doc.state), element) + " Or use Fit box to text."
            notes.setdefault("text", []).append(("error", sentence))
        colors = text_colors(design, element)
        if colors and "color" not in notes and element.kind != "close":
            p = element.props
            ratio, _ = verdict(colors[0], colors[1], p["font_size"], p["bold"])
            notes["color"] = [
                ("ok", f"Contrast {ratio_text(ratio)} against {colors[1]}: passes WCAG AA.")
            ]
        return notes

    def _design_notes(self) -> dict[str, list[tuple[str, str]]]:
        probe = Engagement(designs=self.doc.designs.to_dict())
        notes: dict[str, list[tuple[str, str]]] = {}
        state = str(self.doc.state)
        for severity, where, sentence in design_problems(probe, self.fmt):
            parts = where.split(".")
            if where == "format":  # a format's own limits are about its size
                field = "width"
            elif len(parts) == 3 and parts[1] == state:
                field = parts[2]
            else:
                continue
            notes.setdefault(field, []).append((severity, sentence))
        heard = accessible_name(self.doc.design)
        if heard != " ".join(self.doc.design.props["label"].split()):
            notes.setdefault("label", []).append(
                ("info", f"Screen readers hear “{heard}”: the name says what the design shows.")
            )
        return notes

    def _on_document_changed(self, *_args: Any) -> None:
        self.refresh()

    def _on_value_edited(self, name: str, value: Any) -> None:
        subject = self.subject
        if subject is None:
            return
        form = self.form(DESIGN if subject == DESIGN else self.doc.design.element(subject).kind)
        if form.specs[name].type == "image" and value:
            ref = self._import_image(value)
            if ref is None:  # the sentence was shown; put the old value back
                self.refresh()
                return
            value = ref
        label = form.specs[name].label
        if subject == DESIGN:
            done = self.actions.set_design_props(
                {name: value}, f"Set the engagement's {label.lower()}"
            )
        else:
            done = self.actions.set_element_props(
                {subject: {name: value}}, f"Set {subject}'s {label.lower()}"
            )
        if not done:
            self.refresh()
