"""The preview panel's tools: the host page (sample store, local file, web address) and the viewport."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QLineEdit, QPushButton

from designer.preview.profiles import DESKTOP, PHONE, PHONE_NO_META, TABLET, ViewportProfile
from designer.preview.served_files import SAMPLE_PAGES

LAYOUTS: dict[str, tuple[str, tuple[ViewportProfile, ...]]] = {
    "desktop": (DESKTOP.label, (DESKTOP,)),
    "tablet": (TABLET.label, (TABLET,)),
    "phone": (PHONE.label, (PHONE,)),
    "phone-no-meta": (PHONE_NO_META.label, (PHONE_NO_META,)),
    "side-by-side": ("Phone and desktop side by side", (PHONE, DESKTOP)),
}
ZOOMS = {"fit": "Fit", "1": "100 %", "0.75": "75 %", "0.5": "50 %"}
SAMPLE, LOCAL_FILE, WEB_ADDRESS = "sample", "file", "url"


def build_toolbar(panel) -> None:  # noqa: ANN001 - the PreviewPanel being built
    """The panel's page and viewport choices, as `tool_rows`: one row, or two when narrow."""
    pages, views = QHBoxLayout(), QHBoxLayout()
    panel.tool_rows = QBoxLayout(QBoxLayout.Direction.LeftToRight)
    panel.tool_rows.addLayout(pages, 1)
    panel.tool_rows.addLayout(views)
    panel.source_box = QComboBox(panel)
    panel.source_box.setAccessibleName("Host page source")
    for key, label in (
        (SAMPLE, "Sample store"),
        (LOCAL_FILE, "Local HTML file…"),
        (WEB_ADDRESS, "Web address"),
    ):
        panel.source_box.addItem(label, key)
    panel.source_box.activated.connect(panel._on_source_chosen)
    panel.page_box = QComboBox(panel)
    panel.page_box.setAccessibleName("Page of the sample store")
    for page in SAMPLE_PAGES:
        panel.page_box.addItem(page.label, page.key)
    panel.page_box.currentIndexChanged.connect(panel._on_page_chosen)
    panel.address = QLineEdit(panel)
    panel.address.setAccessibleName("Web address of the host page")
    panel.address.setPlaceholderText("http://127.0.0.1:8000/ and Enter")
    panel.address.returnPressed.connect(panel._on_address_entered)
    panel.address.hide()
    panel.layout_box = QComboBox(panel)
    panel.layout_box.setAccessibleName("Viewport")
    for key, (label, _profiles) in LAYOUTS.items():
        panel.layout_box.addItem(label, key)
    panel.layout_box.currentIndexChanged.connect(panel._on_layout_chosen)
    panel.zoom_box = QComboBox(panel)
    panel.zoom_box.setAccessibleName("Desktop zoom")
    panel.zoom_box.setToolTip(
        "How small the desktop page is shown; phones and tablets stay actual size"
    )
    for key, label in ZOOMS.items():
        panel.zoom_box.addItem(label, key)
    panel.zoom_box.currentIndexChanged.connect(panel._on_zoom_chosen)
    reload_button = QPushButton("Reload", panel)
    reload_button.setToolTip("Load the page again, as the same visitor")
    reload_button.clicked.connect(panel.reload)
    new_visit = QPushButton("New visit", panel)
    new_visit.setToolTip("Forget the visitor's visit (closed engagements, pages viewed) and reload")
    new_visit.clicked.connect(panel.new_visit)
    for w in (panel.source_box, panel.page_box, panel.address):
        pages.addWidget(w)
    pages.addStretch(1)
    for w in (panel.layout_box, panel.zoom_box, reload_button, new_visit):
        views.addWidget(w)
