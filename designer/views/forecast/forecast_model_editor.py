"""The visitor model's editor: every figure of designer/models/forecast_model.py, each explained.

Saved with the store on Save (checked first; a sentence says what is wrong
and nothing is saved); the pages can come from a sitemap.xml or a list of URLs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.models.forecast_model import (
    DEVICES,
    FIELDS,
    LEAVE,
    SOURCES,
    ModelError,
    default_model,
    pages_from_urls,
    urls_from_sitemap,
)
from designer.models.forecast_store import load_model, save_model
from designer.models.store import Store
from designer.views.shell.sentences import show_error

PERCENTS = (
    "returning",
    "without_viewport_meta",
    "cart_abandon",
    "cart_decrease",
    "exit_intent",
    "decline",
)
PAGE_COLUMNS = (
    ("path", "Path"),
    ("name", "Name"),
    ("entry", "Entry share"),
    ("seconds", "Seconds"),
    ("scroll", "Scroll %"),
    ("add_to_cart", "Add to cart %"),
    ("price", "Price"),
    ("element_ids", "Element ids"),
    ("next", "Next pages (path: chance; leave: chance of leaving the site)"),
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _spin(
    parent: QWidget, name: str, high: int, value: float, tip: str, suffix: str = ""
) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setAccessibleName(name)
    spin.setRange(0, high)
    spin.setValue(round(value))
    spin.setToolTip(tip)
    spin.setSuffix(suffix)
    return spin


def _next_text(targets: dict[str, float]) -> str:
    return "; ".join(f"{path or 'leave'}: {chance:g}" for path, chance in targets.items())


def _next_of(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        path, _, chance = part.rpartition(":")
        try:
            out[path.strip() if path.strip() != "leave" else LEAVE] = float(chance)
        except ValueError:
            raise ModelError(f"“{part}” is not a path and a chance, like /cart: 25.") from None
    return out


class ForecastModelDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Visitor model of the forecast")
        self.store = store
        self.model = load_model(store)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self._figures(), 1)
        top.addWidget(self._mixes(), 1)
        layout.addLayout(top)
        layout.addWidget(self._pages_box(), 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 760)

    def _figures(self) -> QGroupBox:
        box = QGroupBox("Visits", self)
        form = QFormLayout(box)
        self.origin = QLineEdit(self.model["origin"], box)
        self.origin.setAccessibleName("Site address")
        self.origin.setToolTip(FIELDS["origin"])
        form.addRow("Site address", self.origin)
        wide = self.origin.fontMetrics().horizontalAdvance("https://www.shop-example.com") + 16
        self.origin.setMinimumWidth(wide)  # a whole address reads at once
        self.per_day = _spin(
            box,
            "Visits per day",
            10_000_000,
            self.model["visits_per_day"],
            FIELDS["visits_per_day"],
        )
        form.addRow("Visits per day", self.per_day)
        self.percents = {}
        for key in PERCENTS:
            words = FIELDS[key].split(" (")[0].rstrip(".").replace("Per cent of ", "")
            spin = _spin(box, words, 100, self.model[key], FIELDS[key], " %")
            self.percents[key] = spin
            form.addRow(words[0].upper() + words[1:], spin)
        self.hours = QLineEdit(", ".join(f"{h:g}" for h in self.model["hours"]), box)
        self.hours.setCursorPosition(0)
        self.hours.setAccessibleName("Visits by hour")
        self.hours.setToolTip(FIELDS["hours"])
        form.addRow("Visits by hour (00–23)", self.hours)
        self.hours.setMinimumWidth(wide)
        return box

    def _mixes(self) -> QGroupBox:
        box = QGroupBox("Who visits", self)
        grid = QGridLayout(box)
        self.devices = self._row(
            grid, 0, "Devices (shares)", DEVICES, self.model["devices"], FIELDS["devices"]
        )
        self.weekdays = self._row(
            grid,
            2,
            "Weekday traffic",
            WEEKDAYS,
            dict(zip(WEEKDAYS, self.model["weekdays"], strict=True)),
            FIELDS["weekdays"],
        )
        words = {s: s.replace("_", " ") for s in SOURCES}
        self.sources = self._row(
            grid,
            4,
            "Marketing sources (shares)",
            tuple(words.values()),
            {words[k]: v for k, v in self.model["sources"].items()},
            FIELDS["sources"],
        )
        return box

    def _row(
        self, grid: QGridLayout, row: int, title: str, keys: tuple, values: dict, tip: str
    ) -> dict[str, QSpinBox]:
        label = QLabel(title, self)
        label.setToolTip(tip)
        grid.addWidget(label, row, 0, 1, 8)
        spins = {}
        for n, key in enumerate(keys):
            spin = _spin(self, f"{title}: {key}", 100_000, values.get(key, 0), tip)  # shares
            cell = QVBoxLayout()
            cell.addWidget(QLabel(key, self))
            cell.addWidget(spin)
            grid.addLayout(cell, row + 1, n)
            spins[key] = spin
        return spins

    def _pages_box(self) -> QGroupBox:
        box = QGroupBox("Pages of the site", self)
        layout = QVBoxLayout(box)
        hint = QLabel(FIELDS["pages"], box)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.pages = QTableWidget(0, len(PAGE_COLUMNS), box)
        self.pages.setAccessibleName("Pages of the site")
        self.pages.setHorizontalHeaderLabels([title for _, title in PAGE_COLUMNS])
        self.pages.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.pages, 1)
        row = QHBoxLayout()
        for text, slot in (
            ("Add a page", self._on_add_page),
            ("Remove the page", self._on_remove_page),
            ("Pages from a sitemap.xml…", self._on_sitemap),
            ("Pages from a list of URLs…", self._on_urls),
            ("The sample site's pages", self._on_defaults),
        ):
            button = QPushButton(text, box)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self._show_pages(self.model["pages"])
        return box

    def _show_pages(self, pages: list[dict[str, Any]]) -> None:
        self.pages.setRowCount(len(pages))
        for r, page in enumerate(pages):
            for c, (key, _) in enumerate(PAGE_COLUMNS):
                value = page.get(key, "")
                if key == "next":
                    value = _next_text(value)
                elif key == "element_ids":
                    value = ", ".join(value)
                elif isinstance(value, float | int):
                    value = f"{value:g}"
                self.pages.setItem(r, c, QTableWidgetItem(str(value)))
        self.pages.resizeColumnsToContents()

    def model_of_form(self) -> dict[str, Any]:
        """The figures as typed; ModelError when one is not a number or a path."""
        model = dict(self.model)
        model["origin"] = self.origin.text().strip()
        model["visits_per_day"] = self.per_day.value()
        model.update({k: s.value() for k, s in self.percents.items()})
        try:
            model["hours"] = [
                float(h) for h in self.hours.text().replace(";", ",").split(",") if h.strip()
            ]
        except ValueError:
            raise ModelError("Visits by hour must be 24 numbers separated by commas.") from None
        model["devices"] = {k: s.value() for k, s in self.devices.items()}
        model["weekdays"] = [s.value() for s in self.weekdays.values()]
        model["sources"] = {k.replace(" ", "_"): s.value() for k, s in self.sources.items()}
        pages = []
        for r in range(self.pages.rowCount()):
            cells = {
                key: (self.pages.item(r, c).text() if self.pages.item(r, c) else "")
                for c, (key, _) in enumerate(PAGE_COLUMNS)
            }
            page: dict[str, Any] = {"path": cells["path"].strip(), "name": cells["name"].strip()}
            for key in ("entry", "seconds", "scroll", "add_to_cart", "price"):
                try:
                    page[key] = float(cells[key] or 0)
                except ValueError:
                    title = dict(PAGE_COLUMNS)[key].removesuffix(" %").lower()
                    raise ModelError(
                        f"The {title} of {page['path'] or 'a page'} must be a number; "
                        f"it is “{cells[key]}”."
                    ) from None
            page["element_ids"] = [i.strip() for i in cells["element_ids"].split(",") if i.strip()]
            page["next"] = _next_of(cells["next"])
            old = next((p for p in self.model["pages"] if p["path"] == page["path"]), {})
            page["product"], page["purchase"] = old.get("product", ""), old.get("purchase", False)
            pages.append(page)
        model["pages"] = pages
        return model

    def _on_save(self) -> None:
        try:
            self.model = save_model(self.store, self.model_of_form())
        except ModelError as e:
            show_error(self, str(e))
            return
        self.accept()

    def _on_add_page(self) -> None:
        self.pages.insertRow(self.pages.rowCount())

    def _on_remove_page(self) -> None:
        if self.pages.currentRow() >= 0:
            self.pages.removeRow(self.pages.currentRow())

    def _on_sitemap(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose the site's sitemap.xml", "", "Sitemaps (*.xml)"
        )
        if not path:
            return
        try:
            with open(path, encoding="utf-8") as f:
                urls = urls_from_sitemap(f.read())
            self._show_pages(pages_from_urls(urls))
        except (OSError, UnicodeDecodeError) as e:
            show_error(self, f"The sitemap could not be read ({e}); choose another file.")
        except ModelError as e:
            show_error(self, str(e))

    def _on_urls(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, "Pages from a list of URLs", "One address a line:"
        )
        if not ok:
            return
        try:
            self._show_pages(pages_from_urls(text.splitlines()))
        except ModelError as e:
            show_error(self, str(e))

    def _on_defaults(self) -> None:
        self.model = default_model()
        self._show_pages(self.model["pages"])
