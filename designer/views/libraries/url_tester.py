"""The URL tester: paste a site's URLs or load its sitemap.xml, see what each page gets.

Entry points are matched as the web tag matches them (designer.models.url_match),
so the answer is the one the site will give.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from designer.models.campaign import Campaign
from designer.models.engagement import Engagement
from designer.models.libraries import EntryPoint
from designer.models.sitemap import SitemapError, sitemap_urls
from designer.models.url_match import UrlAnswer, answer_urls
from designer.views.editing.edit_session import EditSession
from designer.views.shell.icons import set_icon

SAMPLE_TEXT = "/\n/products/shoes\n/cart\n/checkout\n/help/returns"


def _table(headers: list[str], name: str) -> QTreeWidget:
    t = QTreeWidget()
    t.setHeaderLabels(headers)
    t.setRootIsDecorated(False)
    t.setAccessibleName(name)
    t.setUniformRowHeights(True)
    t.setAlternatingRowColors(True)
    t.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, len(headers)):
        t.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return t


def _not_addresses(n: int) -> str:
    if not n:
        return ""
    return " 1 line is not a web address." if n == 1 else f" {n} lines are not web addresses."


NOTHING_YET = (
    "No URLs yet: paste your site's URLs at the left, one a line, or press Load sitemap.xml…. "
    "Each page's entry points and engagements appear here."
)


class UrlTester(QWidget):
    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.answers: list[UrlAnswer] = []
        self.setAccessibleName("URL tester")
        self._make_inputs()
        self._make_results()
        self._lay_out()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)  # one test for a burst of typing
        self._timer.timeout.connect(self.run)
        self.urls.textChanged.connect(self._timer.start)
        self.base.editingFinished.connect(self.run)
        self.load.clicked.connect(self._on_load)
        session.changed.connect(self._on_changed)
        self.run()

    def _make_inputs(self) -> None:
        """The URLs to test, the site address a path is on, and the sitemap button."""
        self.urls = QPlainTextEdit()
        self.urls.setAccessibleName("URLs to test")
        self.urls.setPlaceholderText(SAMPLE_TEXT)
        self.urls.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.base = QLineEdit("https://www.example.com")
        self.base.setAccessibleName("Site address")
        self.base.setToolTip("Paths such as /checkout are tested on this site address")
        self.load = QPushButton("Load sitemap.xml…")
        set_icon(self.load, "url_tester")
        self.load.setAccessibleName("Load a sitemap")
        self.load.setToolTip("Test every page a sitemap.xml file lists")

    def _make_results(self) -> None:
        """Sentences, counts, what each URL gets, and URLs per entry point."""
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("URL tester messages")
        self.summary = QLabel()
        self.summary.setAccessibleName("Counts")
        self.summary.setWordWrap(True)
        self.results = _table(["URL", "Entry points", "Engagements"], "What each URL gets")
        self.results.setRootIsDecorated(True)  # a URL unfolds into its engagements
        self.results.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the path stays in view
        self.counts = _table(["Entry point", "URLs", "Engagements"], "URLs per entry point")

    def _lay_out(self) -> None:
        """Inputs and counts on the left, what each URL gets on the right, under the intro."""
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.urls, 1)
        site_row = QHBoxLayout()
        site_row.addWidget(QLabel("Site:"))
        site_row.addWidget(self.base, 1)
        col.addLayout(site_row)
        col.addWidget(self.load)
        col.addWidget(self.counts, 1)
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        rcol.addWidget(self.summary)
        rcol.addWidget(self.results, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        title = QLabel("URL tester")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(
            "Which entry points and engagements each page of the site gets, matched as the "
            "web tag matches them. Paste URLs (one a line; a path like /cart is on the site "
            "address below) or load the site's sitemap.xml."
        )
        intro.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(intro)
        box.addWidget(self.message)
        box.addWidget(split, 1)

    def set_urls(self, urls: list[str]) -> None:
        self.urls.setPlainText("\n".join(urls))
        self._timer.stop()  # tested now, not again when the typing timer ends
        self.run()

    def load_sitemap(self, path: Path) -> bool:
        """Test every page of the sitemap at path; a sentence says why when it cannot."""
        try:
            urls = sitemap_urls(path)
        except SitemapError as e:
            self.message.setText(str(e))
            return False
        self.set_urls(urls)
        self.message.setText(f"{len(urls)} pages from {path.name}.")
        return True

    def _on_load(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Load a sitemap", "", "Sitemaps (*.xml);;All files (*)"
        )
        if name:
            self.load_sitemap(Path(name))

    def _on_changed(self, entity: str, _id: int) -> None:
        if entity in ("entry_point", "engagement", "campaign") and self.isVisible():
            self._timer.start()

    def run(self) -> None:
        texts = [t.strip() for t in self.urls.toPlainText().splitlines() if t.strip()]
        with self.session.store.read() as s:
            entry_points = [(ep.name, list(ep.rules)) for ep in s.scalars(select(EntryPoint))]
            rows = s.execute(
                select(Campaign.name, Engagement.name, EntryPoint.name, Engagement.enabled)
                .join(Engagement.campaign)
                .join(Engagement.entry_point)
                .order_by(Campaign.name, Engagement.position)
            ).all()
        engagements = [(f"{c} › {e}" + ("" if on else " (disabled)"), ep) for c, e, ep, on in rows]
        self.answers = answer_urls(texts, entry_points, engagements, self.base.text().strip())
        self._show(entry_points, engagements)

    def _show(self, entry_points: list, engagements: list) -> None:
        self.results.clear()
        for a in self.answers:
            if a.url is None:
                item = QTreeWidgetItem([a.text, "not a web address", ""])
            else:
                n = len(a.engagements)
                count = f"{n} engagement{'s' * (n != 1)}" if n else "none"
                item = QTreeWidgetItem([a.text, ", ".join(a.entry_points) or "none", count])
                for name in a.engagements:  # unfolded, each engagement the page may show
                    item.addChild(QTreeWidgetItem([name]))
            item.setToolTip(0, a.url.href if a.url else "Type an address like /cart or https://…")
            item.setToolTip(2, "\n".join(a.engagements) or "No engagement")
            self.results.addTopLevelItem(item)
            for i in range(item.childCount()):  # spanning needs the item in the tree
                item.child(i).setFirstColumnSpanned(True)
        self.counts.clear()
        for name, _rules in entry_points:
            n_urls = sum(name in a.entry_points for a in self.answers)
            n_eng = sum(ep == name for _e, ep in engagements)
            self.counts.addTopLevelItem(QTreeWidgetItem([name, str(n_urls), str(n_eng)]))
        tested = [a for a in self.answers if a.url is not None]
        covered = sum(bool(a.entry_points) for a in tested)
        engaged = sum(bool(a.engagements) for a in tested)
        if not self.answers:  # nothing typed yet: say where to start
            self.summary.setText(NOTHING_YET)
            return
        self.summary.setText(
            f"{len(tested)} URLs: {covered} in an entry point, {engaged} with an engagement, "
            f"{len(tested) - covered} in none." + _not_addresses(len(self.answers) - len(tested))
        )
