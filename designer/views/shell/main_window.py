"""The main window: the campaign tree, the page of what is selected, problems and the preview.

Its frame (menus, toolbar, docks, the page area) needs only Qt, so it shows at once:
`open_later(target)` says "Opening …" under an empty tree and opens the store after the
first paint; window_store.py then makes the views on the store's session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QWidget

from designer.models.store_target import is_url, shown
from designer.views.campaigns.campaign_tree import CampaignTree
from designer.views.shell.main_menus import build_menus
from designer.views.shell.pages import LIBRARY_KINDS
from designer.views.shell.welcome import NoStorePage, WelcomeBanner
from designer.views.shell.window_edits import WindowEdits
from designer.views.shell.workspace import Workspace

if TYPE_CHECKING:  # made with the store or on first use, named here for the types
    from designer.models.store import Store
    from designer.models.validation import Where
    from designer.views.account.account_page import AccountPage
    from designer.views.libraries.library_pages import LibraryPage
    from designer.views.publishing.publish import Publisher
    from designer.views.store.store_lock import StoreLock
    from designer.views.wizard.engagement_wizard import EngagementWizard

# A window that is not painted by then (started minimised) opens its store all the same.
UNPAINTED_MS = 1000
NO_STORE = "No store is open: open one, or make a new one, from the File menu."


def store_name(target: str | Path) -> str:
    """A store as the status names it: a file's name, or a server's URL without its password."""
    return shown(target) if is_url(target) else Path(target).name


class AfterFirstPaint(QObject):
    """Calls then() once, on the event loop's turn after watched is first painted."""

    def __init__(self, watched: QWidget, then: Callable[[], None]) -> None:
        super().__init__(watched)
        self.then: Callable[[], None] | None = then
        watched.installEventFilter(self)
        QTimer.singleShot(UNPAINTED_MS, self, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._go)  # after the frame is painted and shown
        return False

    def _go(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            self.deleteLater()
            then()


class MainWindow(WindowEdits, QMainWindow):
    """On store (already open), or on none until `open_later` or File > Open gives one."""

    store_shown = Signal()  # a store's views are made: its campaigns are in the tree

    def __init__(
        self, store: Store | None = None, lock: StoreLock | None = None, read_only: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAccessibleName("Engagement Designer")
        self.setWindowTitle("Engagement Designer")
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
        # Made on the store's session (window_store.py); none until a store is open.
        self.store: Store | None = None
        self.session = self.live = self.banner = self.problems = self.pages = None
        self.bundle_state = self.campaign_page = self._publisher = None
        self.tree = CampaignTree(None)  # empty, until the store's campaigns fill its own
        self.tree_dock.setWidget(self.tree)
        self._opening: str | Path | None = None
        self.no_store_page: NoStorePage | None = None  # shown while no store could be opened
        self.actions_by_name: dict = {}
        if store is not None:
            self.set_store(store, lock, read_only)
        self.actions_by_name = build_menus(self)
        # 1280 x 820, but never taller than the screen leaves room for (a 1280 x 800 screen
        # would hide the status bar, where Publish says what it did)
        room = self.screen().availableGeometry().height() if self.screen() else 820
        self.resize(1280, min(820, room))
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

    def open_later(self, target: str | Path) -> None:
        """Open the store at target once the window is painted: the frame shows first, the
        store's modules load (and a migration runs) while the designer sees it opening."""
        self._opening = target
        self.setWindowTitle(f"{store_name(target)} — Engagement Designer")
        self.statusBar().showMessage(f"Opening {store_name(target)}…")
        AfterFirstPaint(self, self._open_pending)

    def _open_pending(self) -> None:
        target, self._opening = self._opening, None
        if target is None:  # the window closed, or another store was chosen meanwhile
            return
        from designer.views.store.store_files import open_locked

        opened = open_locked(self, target)  # a store that cannot be opened says why
        if opened is None:
            self.setWindowTitle("Engagement Designer")
            self.statusBar().showMessage(NO_STORE)
            self.welcome.hide()  # it points at campaigns there are none of
            self.no_store_page = NoStorePage(self.actions_by_name)
            self.workspace.set_pages(self.no_store_page)
            return
        self.set_store(*opened)

    def set_store(
        self, store: Store, lock: StoreLock | None = None, read_only: bool = False
    ) -> None:
        """Show store (closing the one shown before); everything is rebuilt on its session."""
        from designer.views.shell.window_store import show_store

        self._opening = None
        if self.session is not None:
            self.close_store()
        if self.no_store_page is not None:
            self.no_store_page.deleteLater()
            self.no_store_page = None
        show_store(self, store, lock, read_only)
        self.store_shown.emit()

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
        from designer.views.shell.window_store import campaign_of

        campaign_id = campaign_of(self, engagement_id)
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
        elif where.entity == "window":  # a design of the window library
            page = self.pages.page("window")
            page.select(where.id)
            self.show_page("window")
            page.go_to_field(where.field)
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
        from designer.views.shell.window_store import say_counts

        say_counts(self)

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
        self._opening = None
        if self.session is not None:
            self.close_store()
        self.session = None
        super().closeEvent(event)
