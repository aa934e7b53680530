"""What the main window's commands do to the selection: new, edit, duplicate, delete, sample.

Each runs only with a store open, so the store's modules (SQLAlchemy's ORM, the models, the
undo commands) are imported where they are used: the window's frame shows before they load.
"""

from __future__ import annotations

from designer.views.shell.sentences import confirm


class WindowEdits:
    """Mixed into MainWindow: needs its store, session, tree, campaign_page and wizard."""

    def start_from_sample(self) -> None:
        """The sample campaigns in an empty store, to learn from and change."""
        from designer.views.editing.commands import StartFromSample

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
        from designer.views.shell.window_store import campaign_of

        return campaign_of(self, current[1])

    def new_campaign(self) -> int | None:
        from designer.models.campaign import Campaign
        from designer.models.row_snapshots import unique_name
        from designer.views.editing.commands import create_row

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
        from designer.models.campaign import Campaign
        from designer.models.engagement import Engagement

        entity, row_id = current
        return entity, row_id, Campaign if entity == "campaign" else Engagement

    def duplicate_selected(self) -> None:
        if (selected := self._selected_row()) is None:
            return
        from designer.models.row_snapshots import copy_changes
        from designer.views.editing.commands import duplicate_row

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
        from designer.views.editing.commands import delete_row

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
