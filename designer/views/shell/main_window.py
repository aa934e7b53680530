"""The main window: the campaign tree, the page of what is selected, problems and the preview."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget
from sqlalchemy import select

from designer.models.engagement import Engagement
from designer.models.store import Store
from designer.models.validation import Where
from designer.views.campaigns.campaign_tree import CampaignTree
from designer.views.editing.edit_session import EditSession
from designer.views.publishing.bundle_state import BundleState
from designer.views.shell.main_menus import build_menus, connect_stack
from designer.views.shell.pages import LIBRARY_KINDS, Pages
from designer.views.shell.problems_panel import ProblemsPanel
from designer.views.shell.sentences import show_error
from designer.views.shell.welcome import WelcomeBanner
from designer.views.shell.window_edits import WindowEdits
from designer.views.shell.workspace import Workspace
from designer.views.store.live_refresh import LiveRefresh
from designer.views.store.store_lock import StoreLock
from designer.views.store.waiting_banner import WaitingBanner

if TYPE_CHECKING:  # made on first use (pages.py), named here for the properties' types
    from designer.views.account.account_page import AccountPage
    from designer.views.libraries.library_pages import LibraryPage
    from designer.views.publishing.publish import Publisher
    from designer.views.wizard.engagement_wizard import EngagementWizard

FIRST_PAINT_MS = 120


class MainWindow(WindowEdits, QMainWindow):
    def __init__(
        self, store: Store, lock: StoreLock | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAccessibleName("Engagement Designer")
        self.preview = None  # made on first use, so QtWebEngine starts only then
        self.workspace = Workspace(self)
        self.welcome = WelcomeBanner(self.workspace)
        self.workspace.layout().insertWidget(0, self.welcome)
        self.setCentralWidget(self.workspace)
        self.tree_dock = QDockWidget("Campaigns", self)
        self.tree_dock.setObjectName("campaigns_dock")
        self.problems_dock = QDockWidget("Problems", self)
        self.problems_dock.setObjectName("problems_dock")
        self.problems_dock.hide()  # until the first check finds something
        for dock, area in (
            (self.tree_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.problems_dock, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            self.addDockWidget(area, dock)
        self.problem_count = QLabel()
        self.problem_count.setAccessibleName("Problem count")
        self.statusBar().addPermanentWidget(self.problem_count)
        self.session: EditSession | None = None
        self.bundle_state: BundleState | None = None
        self.actions_by_name: dict = {}
        self.set_store(store, lock, read_only)
        self.actions_by_name = build_menus(self)
        self.resize(1280, 820)
        settings = QSettings()
        if geometry := settings.value("main_window/geometry"):
            self.restoreGeometry(geometry)
        if state := settings.value("main_window/state"):
            self.restoreState(state)
            self.problems_dock.hide()  # shown again by the first check when there are problems
        else:  # first start: docks sized once the window has its real size
            QTimer.singleShot(0, self, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        self.resizeDocks([self.tree_dock], [340], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [120], Qt.Orientation.Vertical)

    # The store and the pages that show it

    def set_store(
        self, store: Store, lock: StoreLock | None = None, read_only: bool = False
    ) -> None:
        """Show store (closing the one shown before); everything is rebuilt on its session."""
        if self.session is not None:
            self.close_store()
        self.store, self.lock = store, lock or StoreLock(store.path)
        self.session = EditSession(store, self)
        self.session.read_only = read_only
        self.session.failed.connect(lambda sentence: show_error(self, sentence))
        # Others' changes, as the session's own: every view follows them.
        self.live = LiveRefresh(store, self)
        self.live.changed.connect(self.session.changed)
        self.live.noticed.connect(self._on_others_changed)
        self.banner = WaitingBanner(self.session.waiting, self.workspace)
        self.session.waiting.waiting_changed.connect(self._on_waiting)
        self.session.waiting.saved.connect(self._on_waiting_saved)
        self.workspace.layout().insertWidget(0, self.banner)
        self.tree = CampaignTree(self.session)
        self.tree_dock.setWidget(self.tree)
        self.problems = ProblemsPanel(self.session)
        self.problems_dock.setWidget(self.problems)
        self.problems.counted.connect(self._on_counted)
        self.problems.jump_requested.connect(self.jump_to)
        self.pages = Pages(self.session)
        self.pages.made.connect(self._on_page_made)
        self.pages.empty.new_campaign_requested.connect(self.new_campaign)
        self.pages.empty.sample_requested.connect(self.start_from_sample)
        self.campaign_page = self.pages.page("campaign")
        self.workspace.set_pages(self.pages)
        for w in (self.tree, self.problems, self.pages):
            w.show()  # widgets placed in a shown window after a store switch stay hidden otherwise
        self.tree.campaign_selected.connect(self._on_campaign_selected)
        self.tree.engagement_selected.connect(self._on_engagement_selected)
        self.tree.engagement_activated.connect(self.open_engagement)
        self.tree.engagement_clicked.connect(self._on_engagement_clicked)
        self.campaign_page.publish_requested.connect(self.publish)
        self.campaign_page.add_engagement_requested.connect(self.add_engagement)
        self.campaign_page.preview_requested.connect(self.show_preview)
        self.session.changed.connect(self._on_changed)
        self._publisher: Publisher | None = None
        if self.bundle_state is not None:
            self.statusBar().removeWidget(self.bundle_state)
            self.bundle_state.deleteLater()
        self.bundle_state = BundleState(self.session)
        self.statusBar().insertPermanentWidget(0, self.bundle_state)
        self.tree.reload()
        # Validation reads every design: it runs just after the window first paints.
        QTimer.singleShot(FIRST_PAINT_MS, self.problems, self.problems.refresh)
        mode = " (read-only)" if read_only else ""
        self.setWindowTitle(f"{store.label}{mode} — Engagement Designer")
        if self.tree.campaign_count():
            self.tree.tree.setCurrentItem(self.tree.tree.topLevelItem(0))
        self._say_counts()
        if self.actions_by_name:
            connect_stack(self)

    def close_store(self) -> None:
        if self.preview is not None:
            self.workspace.set_preview(None)  # no empty preview is left behind
            self.preview.deleteLater()
            self.preview = None
        for w in (self.tree, self.problems, self.pages, self.banner):
            w.deleteLater()
        self.live.stop()
        self.live.deleteLater()
        self.session.deleteLater()
        self.lock.release()
        self.store.close()

    def _on_waiting(self, waiting: bool) -> None:
        text = self.banner.label.text() if waiting else "The team store is back."
        self.statusBar().showMessage(text, 0 if waiting else 10_000)

    def _on_waiting_saved(self) -> None:
        self.statusBar().showMessage("The team store is back; your change was saved.", 10_000)

    def _on_others_changed(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, 10_000)

    def _say_counts(self) -> None:
        with self.store.read() as s:
            drafts = s.scalar(
                select(Engagement.id).where(Engagement.wizard_stage != "done").limit(1)
            )
        text = f"{self.tree.campaign_count()} campaigns in {self.store.label}"
        if drafts:
            text += " · an unfinished engagement waits in the tree: double-click it to resume"
        self.statusBar().showMessage(text)

    # Navigation

    def show_page(self, name: str) -> None:
        if name == "campaign" and self.campaign_page.campaign_id is None:
            self.pages.empty.set_store_empty(self.tree.campaign_count() == 0)
            self.pages.setCurrentWidget(self.pages.empty)
        else:
            self.pages.setCurrentWidget(self.pages.page(name))

    def current_page(self) -> str:
        return self.pages.current_name()

    @property
    def account_page(self) -> AccountPage:
        return self.pages.page("account")

    @property
    def wizard(self) -> EngagementWizard:
        return self.pages.page("wizard")

    @property
    def libraries(self) -> dict[str, LibraryPage]:
        return {kind: self.pages.page(kind) for kind in LIBRARY_KINDS}

    def _on_page_made(self, name: str, page: QWidget) -> None:
        if name == "wizard":
            page.finished.connect(self._on_wizard_finished)
            page.closed.connect(self._on_wizard_closed)
            page.publish_requested.connect(self.publish)

    def _on_campaign_selected(self, campaign_id: int) -> None:
        self.campaign_page.show_campaign(campaign_id)
        self.show_page("campaign")
        if self.preview is not None:
            self.preview.show_campaign(campaign_id)

    def _on_engagement_clicked(self, engagement_id: int) -> None:
        """A click opens the engagement (its summary, or where a draft was left)."""
        self.open_engagement(engagement_id)

    def _on_engagement_selected(self, engagement_id: int) -> None:
        with self.store.read() as s:
            e = s.get(Engagement, engagement_id)
            campaign_id = e.campaign_id if e else None
        if campaign_id is not None:
            # Kept on the selection even under the wizard: Enable/Disable acts on it.
            self.campaign_page.show_campaign(campaign_id, engagement_id)
            if self.current_page() != "wizard":
                self.show_page("campaign")
        if self.preview is not None:
            self.preview.show_engagement(engagement_id)

    def open_engagement(self, engagement_id: int) -> None:
        self.wizard.open_engagement(engagement_id)
        self.show_page("wizard")

    def go_to(self, name: str) -> None:
        """Show a page of the editor (from the Go menu), leaving the preview-only view."""
        if self.workspace.mode == "preview":
            self.workspace.set_mode("editor")
        self.show_page(name)

    def show_url_tester(self) -> None:
        """Go > URL tester: which entry points and engagements the site's pages get."""
        self.go_to("url_tester")
        self.pages.page("url_tester").run()

    def jump_to(self, where: Where) -> None:
        """Go to the page and field a problem concerns."""
        if self.workspace.mode == "preview":
            self.workspace.set_mode("editor")
        if where.entity == "campaign":
            self.tree.select("campaign", where.id)
            self._on_campaign_selected(where.id)
            w = self.campaign_page.bind.widget_for(where.field)
            if where.field == "engagements":  # "no engagements yet": the way to add one
                w = self.campaign_page.add_engagement
            if w is not None:
                self.campaign_page.ensureWidgetVisible(w)
                w.setFocus()
        elif where.entity == "engagement":
            self.wizard.go_to_field(where.id, where.field)
            self.show_page("wizard")
        elif where.entity in LIBRARY_KINDS:
            self.libraries[where.entity].select(where.id)
            self.show_page(where.entity)
            self.libraries[where.entity].rules.setFocus()
        elif where.entity == "account":
            self.show_page("account")
            w = self.account_page.bind.widget_for(where.field)
            if w is not None:
                w.setFocus()

    @property
    def publisher(self) -> Publisher:
        """Made on the first publish: the bundle's modules load only then, not at start."""
        if self._publisher is None:
            from designer.views.publishing.publish import Publisher

            self._publisher = Publisher(self.session, self)
        return self._publisher

    def publish(self, campaign_id: int | None = None, folder: str | None = None) -> bool:
        """Publish the selected campaign (or campaign_id) and write the site's whole bundle."""
        campaign_id = campaign_id or self.selected_campaign()
        return self._publish(campaign_id, folder)

    def publish_site(self, folder: str | None = None) -> bool:
        """Write the site bundle as the store is now, publishing no other campaign."""
        return self._publish(None, folder)

    def _publish(self, campaign_id: int | None, folder: str | None) -> bool:
        ok = self.publisher.publish(campaign_id, folder)
        self.problems.refresh()
        if self.publisher.last_message:
            self.statusBar().showMessage(self.publisher.last_message.split("\n")[0])
        self.bundle_state.refresh()
        return ok

    def export_bundle(self) -> None:
        """File > Export…: a bundle of published (or chosen) campaigns to a folder or .zip."""
        from designer.views.publishing.export_dialog import ExportDialog

        dialog = ExportDialog(self.store, self)
        dialog.exec()
        if dialog.last_message:
            self.statusBar().showMessage(dialog.last_message)
        dialog.deleteLater()

    def show_preview(self, campaign_id: int | None = None) -> None:
        """Open (making it the first time) the live preview beside the page."""
        if self.preview is None:
            from designer.preview.panel import PreviewPanel  # starts QtWebEngine, so only now

            self.preview = PreviewPanel(self.store, self)
            self.workspace.set_preview(self.preview)
            # A bound slot: Qt disconnects it when the panel goes, a lambda would outlive it.
            self.session.changed.connect(self.preview.refresh)
        self.workspace.open_preview()
        campaign_id = campaign_id or self.selected_campaign()
        current = self.tree.current()
        if self.current_page() == "wizard" and self.wizard.engagement_id is not None:
            self.preview.show_engagement(self.wizard.engagement_id)  # beside the studio
        elif current and current[0] == "engagement":
            self.preview.show_engagement(current[1])
        elif campaign_id is not None:
            self.preview.show_campaign(campaign_id)

    # Following the store

    def _on_changed(self, entity: str, _id: int) -> None:
        if (
            entity == "campaign"
            and self.pages.currentWidget() is self.campaign_page
            and self.campaign_page.campaign_id is None
        ):
            self.show_page("campaign")
        self._say_counts()

    def _on_counted(self, errors: int, warnings: int) -> None:
        self.problem_count.setText(
            f"{errors} error{'s' * (errors != 1)} · {warnings} warning{'s' * (warnings != 1)}"
        )
        self.problems_dock.setWindowTitle(f"Problems ({errors + warnings})")
        # The panel takes room only when there is something in it, as much as it needs.
        count = errors + warnings
        was_visible = self.problems_dock.isVisible()
        self.problems_dock.setVisible(count > 0)
        if count and not was_visible:
            rows = min(count, 4) * (self.fontMetrics().height() + 8)
            self.resizeDocks([self.problems_dock], [rows + 12], Qt.Orientation.Vertical)

    def _on_wizard_finished(self, engagement_id: int) -> None:
        self.campaign_page.show_campaign(self.wizard.campaign_id)
        self.show_page("campaign")
        self.tree.select("engagement", engagement_id)
        self.statusBar().showMessage("The engagement is finished and saved.")

    def _on_wizard_closed(self) -> None:
        campaign_id = self.wizard.campaign_id
        self.show_page("campaign")
        if campaign_id is not None:
            self.tree.select("campaign", campaign_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a field being typed in saves on leaving it
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        self.close_store()
        self.session = None
        super().closeEvent(event)
