"""Gallery: the template formats grouped by use case, as cards; filter by zone and kind."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from designer.models.engagement import Engagement
from designer.models.formats import FORMAT_ZONES
from designer.models.gallery import TEMPLATES, Template, by_use_case, template
from designer.views.forms.field_binder import words
from designer.views.shell.sentences import confirm
from designer.views.wizard.stage import Stage
from designer.views.wizard.thumbnails import thumbnail

ZONE_FILTERS = (
    ("All zones", None),
    ("Left or right side", "right"),
    ("Proactive (one at a time)", "proactive"),
    ("Embedded in the page", "embedded"),
)
KIND_FILTERS = (
    ("Conversation and content", None),
    ("Conversation", "conversation"),
    ("Content", "content"),
)
COLUMNS = 4


def template_fields(t: Template) -> dict:
    """The engagement columns a template sets."""
    zone = FORMAT_ZONES[t.format][0]
    return {
        "template": t.key,
        "kind": t.kind.value,
        "format": t.format.value,
        "zone": zone.value,
        "designs": t.state_designs().to_dict(),
    }


class GalleryStage(Stage):
    key, title = "gallery", "Gallery"
    fields = ("template", "format", "zone")

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.chosen: str | None = None
        self.zone = QComboBox()
        self.kind = QComboBox()
        for combo, options, name in (
            (self.zone, ZONE_FILTERS, "Zone filter"),
            (self.kind, KIND_FILTERS, "Kind filter"),
        ):
            for label, value in options:
                combo.addItem(label, value)
            combo.setAccessibleName(name)
            combo.setToolTip(f"{name}: show only the matching templates")
            combo.currentIndexChanged.connect(lambda _: self._apply_filter())
        top = QHBoxLayout()
        top.addWidget(QLabel("Pick a template to start from:"), 1)
        top.addWidget(self.zone)
        top.addWidget(self.kind)
        self.group = QButtonGroup(self)
        self.cards: dict[str, QToolButton] = {}
        self.boxes: list[tuple[QGroupBox, list[Template]]] = []
        body = QWidget()
        col = QVBoxLayout(body)
        for use_case, templates in by_use_case().items():
            box = QGroupBox(use_case)
            grid = QGridLayout(box)
            for i, t in enumerate(templates):
                card = self._card(t)
                grid.addWidget(card, i // COLUMNS, i % COLUMNS)
            grid.setColumnStretch(COLUMNS, 1)
            col.addWidget(box)
            self.boxes.append((box, templates))
        self.empty = QLabel("No template fits these filters; choose another zone or kind.")
        col.addWidget(self.empty)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(scroll, 1)
        self.group.idClicked.connect(self._on_card)
        self._apply_filter()

    def _card(self, t: Template) -> QToolButton:
        card = QToolButton()
        card.setObjectName(f"card_{t.key}")
        card.setCheckable(True)
        card.setIcon(QIcon(thumbnail(t)))
        card.setIconSize(QSize(220, 136))
        card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        card.setText(f"{t.name}\n{words(t.format)} · {t.kind.value}")
        card.setAccessibleName(f"Template {t.name}")
        card.setToolTip(
            f"{t.name}: a {words(t.format).lower()} {t.kind.value} engagement, “{t.headline}”"
        )
        self.group.addButton(card, TEMPLATES.index(t))
        self.cards[t.key] = card
        return card

    def _apply_filter(self) -> None:
        zone, kind = self.zone.currentData(), self.kind.currentData()
        shown_any = False
        for box, templates in self.boxes:
            shown = 0
            for t in templates:
                zones = {z.value for z in FORMAT_ZONES[t.format]}
                ok = (zone is None or zone in zones) and (kind is None or t.kind.value == kind)
                self.cards[t.key].setVisible(ok)
                shown += ok
            box.setVisible(shown > 0)
            shown_any |= shown > 0
        self.empty.setVisible(not shown_any)

    def choose(self, key: str) -> None:
        """Pick a template (the card click); applied at once when the engagement exists."""
        if self.engagement_id is not None and key != self.chosen:
            asked = confirm(
                self,
                f"Start again from “{template(key).name}”?",
                "The engagement's format and its studio design are replaced by the template's. "
                "You can undo it with Ctrl+Z.",
                "Use this template",
            )
            if not asked:
                if self.chosen in self.cards:
                    self.cards[self.chosen].setChecked(True)
                return
            self.set(f"Use template {template(key).name}", **template_fields(template(key)))
        self.chosen = key
        self.cards[key].setChecked(True)
        self.problem_changed.emit()

    def _on_card(self, index: int) -> None:
        self.choose(TEMPLATES[index].key)

    def load(self, s: Session, e: Engagement) -> None:
        self.chosen = e.template or None
        if self.chosen in self.cards:
            self.cards[self.chosen].setChecked(True)

    def problem(self) -> str | None:
        return (
            None if self.chosen else "Pick a template in the gallery first: click one of the cards."
        )
