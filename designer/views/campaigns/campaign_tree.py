"""The campaign tree: campaigns and their engagements with format, status and zone; search and filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.models.vocabulary import CampaignStatus
from designer.views.shell.icons import icon

if TYPE_CHECKING:
    from designer.views.editing.edit_session import EditSession

ROLE = Qt.ItemDataRole.UserRole
STATUS_FILTERS = (
    ("All campaigns", None),
    ("Drafts", CampaignStatus.DRAFT.value),
    ("Published", CampaignStatus.PUBLISHED.value),
    ("Disabled", CampaignStatus.DISABLED.value),
)


def engagement_status(enabled: bool, stage: str) -> str:
    """The words in the Status column: short, so the names keep the tree's width."""
    if stage != "done":
        return "unfinished"
    return "enabled" if enabled else "disabled"


def status_tip(enabled: bool, stage: str) -> str:
    """The Status column's tooltip: an unfinished engagement says where the wizard resumes."""
    if stage != "done":
        return f"unfinished: the wizard opens at its {stage.replace('_', ' ')} stage"
    return engagement_status(enabled, stage)


def _engagement_item(e) -> QTreeWidgetItem:  # noqa: ANN001 - a row of the tree's query
    """An engagement's row: its format's icon and name, its state's icon and words, its zone."""
    zone = f"#{e.element_id}" if e.zone == "embedded" else e.zone
    status = engagement_status(e.enabled, e.wizard_stage)
    child = QTreeWidgetItem([e.name, status, zone])
    child.setData(0, ROLE, ("engagement", e.id))
    fmt = e.format.replace("_", " ")
    child.setIcon(0, icon(f"format_{e.format}"))
    child.setToolTip(0, f"{e.name}: {fmt}")
    child.setData(1, ROLE, (f"state_{status}", status_tip(e.enabled, e.wizard_stage)))
    child.setToolTip(
        2,
        f"embedded in the page element #{e.element_id}"
        if e.zone == "embedded"
        else f"{e.zone} zone",
    )
    return child


class CampaignTree(QWidget):
    campaign_selected = Signal(int)
    engagement_selected = Signal(int)
    engagement_activated = Signal(int)
    engagement_clicked = Signal(int)

    def __init__(self, session: EditSession | None, parent: QWidget | None = None) -> None:
        """Without a session (the store is still opening) the tree is empty and disabled."""
        super().__init__(parent)
        self.session = session
        self._errors: dict[tuple[str, int | None], list[str]] = {}  # row -> its errors' sentences
        self._problems_panel: QWidget | None = None  # the Problems panel, once a store is open
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search campaigns and engagements")
        self.search.setAccessibleName("Search")
        self.search.setToolTip("Show only names containing these words (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.filter = QComboBox()
        for label, value in STATUS_FILTERS:
            self.filter.addItem(label, value)
        self.filter.setAccessibleName("Status filter")
        self.filter.setToolTip("Show campaigns of one status")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Campaign / engagement", "Status", "Zone"])
        self.tree.setAccessibleName("Campaigns and engagements")
        self.tree.setToolTip("Click an engagement to open it; right-click for more")
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 72)  # a long embedded id is elided; its tooltip says it whole
        header.setMinimumSectionSize(60)
        self.setMinimumWidth(300)  # names stay readable beside the status and zone
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.filter)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(top)
        box.addWidget(self.tree)
        self.search.textChanged.connect(lambda _: self._apply_filter())
        self.filter.currentIndexChanged.connect(lambda _: self._apply_filter())
        self.tree.currentItemChanged.connect(self._on_current)
        self.tree.itemActivated.connect(self._on_activated)
        self.tree.itemClicked.connect(self._on_clicked)
        if session is None:
            self.setEnabled(False)
            return
        session.changed.connect(self._on_changed)

    def reload(self) -> None:
        if self.session is None:
            return
        from sqlalchemy import select  # the ORM loads with the store, after the first paint

        from designer.models.campaign import Campaign
        from designer.models.engagement import Engagement

        current = self.current()
        self.tree.blockSignals(True)
        self.tree.clear()
        with self.session.store.read() as s:
            campaigns = s.execute(
                select(Campaign.id, Campaign.name, Campaign.status).order_by(Campaign.name)
            ).all()
            rows = s.execute(
                select(
                    Engagement.id,
                    Engagement.campaign_id,
                    Engagement.name,
                    Engagement.enabled,
                    Engagement.format,
                    Engagement.zone,
                    Engagement.element_id,
                    Engagement.wizard_stage,
                ).order_by(Engagement.position, Engagement.id)
            ).all()
        by_campaign: dict[int, list] = {}
        for r in rows:
            by_campaign.setdefault(r.campaign_id, []).append(r)
        for c in campaigns:
            item = QTreeWidgetItem([c.name, c.status, ""])
            item.setData(0, ROLE, ("campaign", c.id))
            item.setData(1, ROLE, (f"status_{c.status}", c.status))
            item.setToolTip(0, f"Campaign {c.name} ({c.status})")
            for e in by_campaign.get(c.id, []):
                item.addChild(_engagement_item(e))
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        self._show_errors()
        self._apply_filter()
        if current:  # keep the selection without announcing it again
            self.select(*current)
        self.tree.blockSignals(False)

    def follow_problems(self, panel: QWidget) -> None:
        """Mark the rows again each time panel (the Problems panel) has checked the store; a
        slot of the tree, so the connection goes with it when the store is closed."""
        self._problems_panel = panel
        panel.counted.connect(self._on_counted)

    def _on_counted(self, *_counts: int) -> None:
        self.mark_errors(self._problems_panel.problems)

    def mark_errors(self, problems: list) -> None:  # noqa: ANN001 - validation.Problem
        """Rows whose campaign or engagement has an error that stops its publish: their Status
        shows it (the words stay: the Problems panel says what to fix)."""
        from designer.models.validation import ERROR  # with the store, after the first paint

        self._errors = {}
        for p in problems:
            if p.severity == ERROR and p.where.entity in ("campaign", "engagement"):
                self._errors.setdefault((p.where.entity, p.where.id), []).append(p.message)
        self._show_errors()

    def _show_errors(self) -> None:
        errors = self._errors
        for i in range(self.tree.topLevelItemCount()):
            c = self.tree.topLevelItem(i)
            for item in (c, *(c.child(j) for j in range(c.childCount()))):
                found = errors.get(item.data(0, ROLE), [])
                if found:
                    item.setIcon(1, icon("state_error"))
                    n = len(found)
                    item.setToolTip(
                        1,
                        f"{n} problem{'s' * (n != 1)} to fix before it can be published "
                        f"(see the Problems panel): {found[0]}",
                    )
                else:  # as reload() made it
                    name, tip = item.data(1, ROLE)
                    item.setIcon(1, icon(name))
                    item.setToolTip(1, tip)

    def _apply_filter(self) -> None:
        words = self.search.text().lower().split()
        status = self.filter.currentData()
        for i in range(self.tree.topLevelItemCount()):
            c = self.tree.topLevelItem(i)
            any_child = False
            for j in range(c.childCount()):
                e = c.child(j)
                hit = all(w in e.text(0).lower() for w in words)
                e.setHidden(not hit and not all(w in c.text(0).lower() for w in words))
                any_child |= hit
            name_hit = all(w in c.text(0).lower() for w in words)
            c.setHidden((status is not None and c.text(1) != status) or not (name_hit or any_child))

    def current(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, ROLE) if item else None

    def select(self, entity: str, entity_id: int) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            c = self.tree.topLevelItem(i)
            for item in [c] + [c.child(j) for j in range(c.childCount())]:
                if item.data(0, ROLE) == (entity, entity_id):
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def campaign_count(self) -> int:
        return self.tree.topLevelItemCount()

    def _on_current(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        entity, entity_id = item.data(0, ROLE)
        (self.campaign_selected if entity == "campaign" else self.engagement_selected).emit(
            entity_id
        )

    def _on_activated(self, item: QTreeWidgetItem) -> None:
        entity, entity_id = item.data(0, ROLE)
        if entity == "engagement":
            self.engagement_activated.emit(entity_id)

    def _on_clicked(self, item: QTreeWidgetItem) -> None:
        entity, entity_id = item.data(0, ROLE)
        if entity == "engagement":
            self.engagement_clicked.emit(entity_id)

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in ("campaign", "engagement"):
            self.reload()
