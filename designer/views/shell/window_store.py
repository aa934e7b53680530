"""The views made on a store's session when the main window shows a store.

The window's frame (menus, toolbar, docks) shows before this module loads: it brings
SQLAlchemy's ORM, the models and the editing session, which the first paint need not wait for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from sqlalchemy import select

from designer.models.engagement import Engagement
from designer.views.campaigns.campaign_tree import CampaignTree
from designer.views.editing.edit_session import EditSession
from designer.views.publishing.bundle_state import BundleState
from designer.views.shell.main_menus import connect_stack
from designer.views.shell.pages import Pages
from designer.views.shell.problems_panel import ProblemsPanel
from designer.views.shell.sentences import show_error
from designer.views.store.live_refresh import LiveRefresh
from designer.views.store.store_lock import StoreLock
from designer.views.store.waiting_banner import WaitingBanner

if TYPE_CHECKING:
    from designer.models.store import Store
    from designer.views.shell.main_window import MainWindow

FIRST_PAINT_MS = 120


def show_store(w: MainWindow, store: Store, lock: StoreLock | None, read_only: bool) -> None:
    """Make the window's views on store; the old store was closed by the caller."""
    w.store, w.lock = store, lock or StoreLock(store.path)
    w.session = EditSession(store, w)
    w.session.read_only = read_only
    w.session.failed.connect(lambda sentence: show_error(w, sentence))
    # Others' changes, as the session's own: every view follows them.
    w.live = LiveRefresh(store, w)
    w.live.changed.connect(w.session.changed)
    w.live.noticed.connect(w._on_others_changed)
    w.banner = WaitingBanner(w.session.waiting, w.workspace)
    w.session.waiting.waiting_changed.connect(w._on_waiting)
    w.session.waiting.saved.connect(w._on_waiting_saved)
    w.workspace.layout().insertWidget(0, w.banner)
    _make_views(w)
    w._publisher = None
    if w.bundle_state is not None:
        w.statusBar().removeWidget(w.bundle_state)
        w.bundle_state.deleteLater()
    w.bundle_state = BundleState(w.session)
    w.statusBar().insertPermanentWidget(0, w.bundle_state)
    w.tree.reload()
    # Validation reads every design: it runs just after the window first paints.
    QTimer.singleShot(FIRST_PAINT_MS, w.problems, w.problems.refresh)
    mode = " (read-only)" if read_only else ""
    w.setWindowTitle(f"{store.label}{mode} — Engagement Designer")
    if w.tree.campaign_count():
        w.tree.tree.setCurrentItem(w.tree.tree.topLevelItem(0))
    say_counts(w)
    if w.actions_by_name:
        connect_stack(w)


def _make_views(w: MainWindow) -> None:
    """The campaign tree, the problems and the pages on the window's session, wired."""
    if w.tree is not None:  # the empty tree shown while the store was opening
        w.tree.deleteLater()
    w.tree = CampaignTree(w.session)
    w.tree_dock.setWidget(w.tree)
    w.problems = ProblemsPanel(w.session)
    w.problems_dock.setWidget(w.problems)
    w.problems.counted.connect(w._on_counted)
    w.tree.follow_problems(w.problems)
    w.problems.jump_requested.connect(w.jump_to)
    w.pages = Pages(w.session)
    w.pages.made.connect(w._on_page_made)
    w.pages.empty.new_campaign_requested.connect(w.new_campaign)
    w.pages.empty.sample_requested.connect(w.start_from_sample)
    w.campaign_page = w.pages.page("campaign")
    w.workspace.set_pages(w.pages)
    for view in (w.tree, w.problems, w.pages):
        view.show()  # widgets placed in a shown window after a store switch stay hidden otherwise
    w.tree.campaign_selected.connect(w._on_campaign_selected)
    w.tree.engagement_selected.connect(w._on_engagement_selected)
    w.tree.engagement_activated.connect(w.open_engagement)
    w.tree.engagement_clicked.connect(w._on_engagement_clicked)
    w.campaign_page.publish_requested.connect(w.publish)
    w.campaign_page.add_engagement_requested.connect(w.add_engagement)
    w.campaign_page.preview_requested.connect(w.show_preview)
    w.session.changed.connect(w._on_changed)


def say_counts(w: MainWindow) -> None:
    """The status: how many campaigns, and whether an unfinished engagement waits."""
    with w.store.read() as s:
        drafts = s.scalar(select(Engagement.id).where(Engagement.wizard_stage != "done").limit(1))
    text = f"{w.tree.campaign_count()} campaigns in {w.store.label}"
    if drafts:
        text += " · an unfinished engagement waits in the tree: double-click it to resume"
    w.statusBar().showMessage(text)


def campaign_of(w: MainWindow, engagement_id: int) -> int | None:
    """The campaign an engagement belongs to; None when it is gone."""
    with w.store.read() as s:
        e = s.get(Engagement, engagement_id)
        return e.campaign_id if e else None
