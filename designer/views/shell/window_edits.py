"""What the main window's commands do to the selection: new, edit, duplicate, delete, sample."""

from __future__ import annotations

from sqlalchemy.orm import Session

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.row_snapshots import copy_changes, unique_name
from designer.views.editing.commands import create_row, delete_row, duplicate_row
from designer.views.editing.edit_session import StoreCommand
from designer.views.shell.sentences import confirm


class StartFromSample(StoreCommand):
    """Fill an empty store with the sample campaigns and libraries; undo takes them away."""

    def __init__(self) -> None:
        super().__init__("Start from the sample", Campaign, 0)
        self.added = None

    def forward(self, s: Session) -> None:
        from designer.models.seed import add_sample  # only a designer who asks needs it

        self.added = add_sample(s)

    def backward(self, s: Session) -> None:
        from designer.models.seed import remove_sample

        remove_sample(s, self.added)


class WindowEdits:
    """Mixed into MainWindow: needs its store, session, tree, campaign_page and wizard."""

    def start_from_sample(self) -> None:
        """The sample campaigns in an empty store, to learn from and change."""
        if self.session.push(StartFromSample()):
            self.tree.reload()
            if self.tree.campaign_count():
                self.tree.tree.setCurrentItem(self.tree.tree.topLevelItem(0))
            self.statusBar().showMessage(
                "The sample campaigns are in the store: click an engagement to open it."
            )

    def edit_selected(self) -> None:
        """Open what is selected: an engagement in the wizard, a campaign's page at its name."""
        current = self.tree.current()
        if current is None:
            return
        entity, row_id = current
        if entity == "engagement":
            self.open_engagement(row_id)
            return
        self._on_campaign_selected(row_id)
        self.campaign_page.bind.widget_for("name").setFocus()

    def selected_campaign(self) -> int | None:
        current = self.tree.current()
        if current is None:
            return None
        if current[0] == "campaign":
            return current[1]
        with self.store.read() as s:
            e = s.get(Engagement, current[1])
            return e.campaign_id if e is not None else None

    def new_campaign(self) -> int | None:
        with self.store.read() as s:
            name = unique_name(s, Campaign, "New campaign")
        command = create_row(Campaign, f"New campaign {name}", name=name)
        if not self.session.push(command):
            return None
        self.tree.select("campaign", command.row_id)
        self._on_campaign_selected(command.row_id)
        self.campaign_page.bind.widget_for("name").setFocus()
        return command.row_id

    def add_engagement(self, campaign_id: int | None = None) -> None:
        campaign_id = campaign_id or self.selected_campaign() or self.new_campaign()
        if campaign_id is None:
            return
        self.wizard.start(campaign_id)
        self.show_page("wizard")

    def _selected_row(self) -> tuple[str, int, type] | None:
        """The tree's selection: its entity, id and model."""
        current = self.tree.current()
        if current is None:
            return None
        entity, row_id = current
        return entity, row_id, Campaign if entity == "campaign" else Engagement

    def duplicate_selected(self) -> None:
        if (selected := self._selected_row()) is None:
            return
        entity, row_id, model = selected
        with self.store.read() as s:
            row = s.get(model, row_id)
            changes = copy_changes(s, row)
            command = duplicate_row(s, model, row_id, f"Duplicate {row.name}", **changes)
        if self.session.push(command):
            self.tree.select(entity, command.row_id)

    def delete_selected(self) -> None:
        if (selected := self._selected_row()) is None:
            return
        entity, row_id, model = selected
        with self.store.read() as s:
            row = s.get(model, row_id)
            name = row.name
            n = len(row.engagements) if entity == "campaign" else 0
            extra = f" and its {n} engagement{'s' * (n != 1)}" if n else ""
            command = delete_row(s, model, row_id, f"Delete {name}")
        if confirm(self, f"Delete “{name}”{extra}?", "You can undo it with Ctrl+Z.", "Delete"):
            self.session.push(command)
            if entity == "campaign":
                self.campaign_page.campaign_id = None
                self.show_page("campaign")
