"""The preview panel: the host page in viewport profiles, the visitor simulator, the decisions.

Importing this module is what starts QtWebEngine's widgets; the app imports it
only when a preview is first shown. Views embed `PreviewPanel(store)` and call
`show_campaign`, `show_engagement` and `refresh` (after each edit).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QBoxLayout,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer.models.account import account_row
from designer.models.engagement import Engagement
from designer.models.store import Store
from designer.preview.browser import PreviewBrowser
from designer.preview.decision_list import DecisionList
from designer.preview.engine import PreviewEngine
from designer.preview.preview_toolbar import (
    LAYOUTS,
    LOCAL_FILE,
    SAMPLE,
    WEB_ADDRESS,
    build_toolbar,
)
from designer.preview.profiles import ViewportProfile
from designer.preview.served_files import (
    LOCAL_HOST,
    NO_META_HOST,
    SAMPLE_PAGES,
    SITE_HOST,
    page_for_rules,
    page_url,
    tag_loader_script,
)
from designer.preview.simulator import VisitorSimulator
from designer.preview.visitor import Visitor

log = logging.getLogger(__name__)

NARROW = 900  # below this width the panel stacks its parts
DECISIONS_JS = "JSON.stringify(window.EngagementTag && EngagementTag.decisions ? EngagementTag.decisions() : null)"
NEW_VISIT_JS = "try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}"
# The tag's preview hook takes the new manifest in place; false when the page has no tag
# (yet) to take it, and the page is loaded again instead.
HAND_OVER_JS = (
    "(function (m) { var t = window.EngagementTag;"
    " if (!t || !t.preview_manifest) return false; t.preview_manifest(m); return true; })(%s)"
)


class PreviewPanel(QWidget):
    """Live preview of the store's campaigns on a host page, with a simulated visitor."""

    def __init__(
        self, store: Store, parent: QWidget | None = None, engine: PreviewEngine | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.engine = engine or PreviewEngine(store, self)
        self.visitor = Visitor()
        self.browsers: list[PreviewBrowser] = []
        self.source, self.local_file, self.web_address = SAMPLE, None, ""
        build_toolbar(self)
        self.stage = QWidget()
        self.stage_layout = QHBoxLayout(self.stage)
        self.stage_layout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.stage)
        self.scroll.setWidgetResizable(True)
        self.simulator = VisitorSimulator(self._time_zone(), self)
        self.simulator.visitor_changed.connect(self._on_visitor_changed)
        simulator_scroll = QScrollArea(self)
        simulator_scroll.setWidget(self.simulator)
        simulator_scroll.setWidgetResizable(True)
        self.decisions = DecisionList(self)
        self.decisions.viewport.currentIndexChanged.connect(lambda _index: self._on_poll())
        side = QTabWidget(self)
        side.addTab(self.decisions, "Decisions")
        side.addTab(simulator_scroll, "Visitor")
        self.splitter = splitter = QSplitter(self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        self.side = side
        self.narrow: bool | None = None
        self._fit_layout()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Preview messages")
        layout = QVBoxLayout(self)
        layout.addLayout(self.tool_rows)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.engine.rebuilt.connect(self._on_rebuilt)
        self.poll = QTimer(self)
        self.poll.setInterval(1000)
        self.poll.timeout.connect(self._on_poll)
        self.poll.start()
        self.fit_timer = QTimer(self)
        self.fit_timer.setSingleShot(True)
        self.fit_timer.setInterval(250)
        self.fit_timer.timeout.connect(self._on_fit)
        self._build_browsers()
        if self.engine.parent() is self:
            # Children are deleted in order: the pages must go before their web profile.
            self.engine.setParent(None)
            self.engine.setParent(self)

    # --- the interface views use ---------------------------------------------

    def show_campaign(self, campaign_id: int) -> None:
        """Preview this campaign's engagements (drafts included)."""
        self.engine.focus([campaign_id])
        self.reload()

    def show_engagement(self, engagement_id: int) -> None:
        """Preview the engagement's campaign on a sample page its entry point lets in."""
        with self.store.read() as s:
            e = s.get(Engagement, engagement_id)
            if e is None:
                return
            campaign_id = e.campaign_id
            rules = list(e.entry_point.rules) if e.entry_point else []
        if self.source == SAMPLE and rules:
            index = self.page_box.findData(page_for_rules(rules).key)
            self.page_box.blockSignals(True)
            self.page_box.setCurrentIndex(index)
            self.page_box.blockSignals(False)
        self.show_campaign(campaign_id)

    def refresh(self) -> None:
        """Rebuild the bundle from the store and show it (call after each edit).

        The running pages are handed the new manifest in place: no reload, so the
        simulated visitor's state, the page's scroll and an open conversation stay.
        A change of the tag's own code or styles loads the pages again.
        """
        code = self.engine.files.code_names()
        if not self.engine.rebuild():
            return
        manifest = self.engine.files.manifest_text()
        if self.engine.files.code_names() != code or not manifest:
            self.reload()
            return
        for browser in self.browsers:
            self._prepare(browser)  # a later load (a typed address) fetches this bundle
            browser.run_js(
                HAND_OVER_JS % manifest, lambda taken, b=browser: self._on_handed(b, taken)
            )

    def _on_handed(self, browser: PreviewBrowser, taken: object) -> None:
        if taken is not True and browser in self.browsers:
            self._prepare(browser)
            browser.load(self._url_for(browser.profile))

    def reload(self) -> None:
        for browser in self.browsers:
            self._prepare(browser)
            browser.load(self._url_for(browser.profile))

    def new_visit(self) -> None:
        for browser in self.browsers:
            browser.run_js(NEW_VISIT_JS)
        self.reload()

    # --- building ---------------------------------------------------------------

    def _time_zone(self) -> str:
        with self.store.read() as s:
            account = account_row(s)
            return account.time_zone if account else "UTC"

    def _profiles(self) -> tuple[ViewportProfile, ...]:
        return LAYOUTS[self.layout_box.currentData()][1]

    def _zoom(self, profiles: tuple[ViewportProfile, ...]) -> float:
        """How small desktop pages are shown: the chosen zoom, or what fits the room."""
        chosen = self.zoom_box.currentData()
        if chosen != "fit":
            return float(chosen)
        room = self.scroll.viewport().size()
        fixed = sum(p.width + 24 for p in profiles if p.mobile)
        desktops = [p for p in profiles if not p.mobile]
        if not desktops:
            return 1.0
        across = (room.width() - fixed - 24 * len(desktops)) / sum(p.width for p in desktops)
        down = (room.height() - 48) / max(p.height for p in desktops)
        return max(0.3, min(1.0, across, down))

    def _build_browsers(self) -> None:
        for browser in self.browsers:
            browser.close_popups()
            browser.setParent(None)
            browser.deleteLater()
        self.browsers = []
        profiles = self._profiles()
        self.decisions.set_viewports([p.label for p in profiles])
        zoom = self._zoom(profiles)
        for profile in profiles:
            browser = PreviewBrowser(self.engine, profile, zoom, parent=self.stage)
            browser.window_opened.connect(self._on_window_opened)
            browser.loaded.connect(lambda ok, b=browser: self._on_loaded(b, ok))
            browser.stopped.connect(self._on_stopped)
            self.stage_layout.addWidget(browser)
            self.browsers.append(browser)
        self.reload()

    def _prepare(self, browser: PreviewBrowser) -> None:
        browser.set_visitor_script(self.visitor.script())
        loader = tag_loader_script(self.engine.files) if self.source == WEB_ADDRESS else ""
        browser.set_tag_loader(loader)

    def _url_for(self, profile: ViewportProfile) -> str:
        if self.source == LOCAL_FILE and self.local_file is not None:
            return page_url(LOCAL_HOST, "/" + self.local_file.name)
        if self.source == WEB_ADDRESS and self.web_address:
            return self.web_address
        page = SAMPLE_PAGES[max(self.page_box.currentIndex(), 0)]
        return page_url(SITE_HOST if profile.meta_tag else NO_META_HOST, page.path)

    # --- slots ------------------------------------------------------------------

    def _on_source_chosen(self, _index: int) -> None:
        source = self.source_box.currentData()
        if source == LOCAL_FILE:
            name, _filter = QFileDialog.getOpenFileName(
                self, "Preview on a local page", "", "Web pages (*.html *.htm)"
            )
            if not name:
                self.source_box.setCurrentIndex(self.source_box.findData(self.source))
                return
            self.open_local_file(Path(name))
            return
        self.source = source
        self.page_box.setVisible(source == SAMPLE)
        self.address.setVisible(source == WEB_ADDRESS)
        if source == SAMPLE:
            self.reload()

    def open_local_file(self, path: Path) -> None:
        """Show the engagements on a page from the designer's disk."""
        if not path.is_file():
            self.status.setText(f"{path} is not a file; choose an HTML page to preview on.")
            return
        self.engine.files.local_file = path
        self.source, self.local_file = LOCAL_FILE, path
        self.source_box.setCurrentIndex(self.source_box.findData(LOCAL_FILE))
        self.page_box.hide()
        self.address.hide()
        self.status.setText(f"Previewing on {path.name}.")
        self.reload()

    def open_address(self, address: str) -> None:
        """Show the engagements on a page at a web address the designer typed."""
        address = address.strip()
        if "://" not in address:
            address = "http://" + address
        if not address.startswith(("http://", "https://")):
            self.status.setText("Type a web address starting with http:// or https://.")
            return
        self.source, self.web_address = WEB_ADDRESS, address
        self.source_box.setCurrentIndex(self.source_box.findData(WEB_ADDRESS))
        self.address.setText(address)
        self.address.show()
        self.page_box.hide()
        self.reload()

    def _on_address_entered(self) -> None:
        self.open_address(self.address.text())

    def _on_page_chosen(self, _index: int) -> None:
        self.reload()

    def _on_layout_chosen(self, _index: int) -> None:
        self._build_browsers()

    def _on_zoom_chosen(self, _index: int) -> None:
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        zoom = self._zoom(self._profiles())
        for browser in self.browsers:
            if not browser.profile.mobile and abs(browser.zoom - zoom) > 0.02:
                browser.set_profile(browser.profile, zoom)

    def _fit_layout(self) -> None:
        """Narrow: the tools in two rows and the decisions under the page; wide: beside it."""
        narrow = self.width() < NARROW
        if narrow == self.narrow:
            return
        self.narrow = narrow
        self.tool_rows.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )
        if narrow:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16777215)
            self.splitter.setSizes([600, 260])
        else:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.side.setMinimumWidth(280)
            self.side.setMaximumWidth(460)
            self.splitter.setSizes([900, 360])

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._fit_layout()
        if self.zoom_box.currentData() == "fit":
            self.fit_timer.start()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        if self.zoom_box.currentData() == "fit":
            self.fit_timer.start()

    def _on_fit(self) -> None:
        self._apply_zoom()

    def _on_visitor_changed(self, visitor: Visitor) -> None:
        self.visitor = visitor
        for browser in self.browsers:
            self._prepare(browser)
            browser.run_js(visitor.script())
        self._on_poll()

    def _on_poll(self) -> None:
        if not self.browsers or not self.isVisible():
            return
        chosen = self.browsers[
            max(0, min(self.decisions.viewport.currentIndex(), len(self.browsers) - 1))
        ]
        chosen.run_js(DECISIONS_JS, lambda text: self._on_decisions(chosen, text))

    def _on_decisions(self, browser: PreviewBrowser, text: object) -> None:
        if browser not in self.browsers or not isinstance(text, str):
            return
        decisions = json.loads(text)
        if decisions is not None:
            self.decisions.show_decisions(decisions, browser.profile.label)

    def _on_loaded(self, browser: PreviewBrowser, ok: bool) -> None:
        if not ok and browser.url():
            self.status.setText(
                f"The page {browser.url()} could not be loaded. Check the address, "
                "or that the site is running, and press Reload."
            )

    def _on_stopped(self) -> None:
        self.status.setText(
            "The preview's page stopped unexpectedly. Press Reload to show it again."
        )

    def _on_window_opened(self, mode: str) -> None:
        if mode == "tab":
            self.status.setText(
                "The conversation window opened as a new tab: phones do that when the page "
                "has no viewport meta tag."
            )
        else:
            self.status.setText("The conversation window opened as a separate window.")

    def _on_rebuilt(self, problem: str) -> None:
        if problem or self.status.text().startswith("The preview shows the last good version"):
            self.status.setText(problem)
