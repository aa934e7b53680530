"""The Forecast window: run the store's draft (and its published version) through the tag.

Opened from Campaign > Forecast. The run happens in blank QtWebEngine pages
(designer/preview/forecast_engine.py) while the window stays responsive,
with a progress bar and Cancel; the results are plots and tables, each
exported as CSV.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer.models import clock
from designer.models import forecast_report as report
from designer.models.forecast_results import Forecast
from designer.models.store import Store
from designer.views.forecast import forecast_words as words
from designer.views.forecast.forecast_widgets import caption, results_table, spin_box
from designer.views.shell.sentences import show_error

# with a byte-order mark: spreadsheet apps then read the curly quotes and names as UTF-8
CSV_ENCODING = "utf-8-sig"


def open_forecast(w) -> QWidget:  # noqa: ANN001 - the MainWindow
    """Show the forecast window of the main window's store (made the first time)."""
    window = getattr(w, "forecast_window", None)
    if window is None:
        window = ForecastPage(lambda: w.store, w)
        w.forecast_window = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window


class ForecastPage(QWidget):
    """Controls, a progress bar and the results of the last forecast."""

    def __init__(self, store_of: Callable[[], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Forecast — who each engagement will reach")
        self.setAccessibleName("Forecast")
        self.store_of = store_of
        self.runs: list[tuple[str, Forecast]] = []  # the forecast shown (and exported)
        self._pending: list[tuple[str, Forecast]] = []  # the runs of the forecast being made
        self._shown_at = ""
        self._queue: list[tuple[str, str]] = []
        self._run: Any = None
        self._done_before = 0
        self._total = 0
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        status = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Forecast progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setFormat("Not run yet")  # a bar with no words looked like a text field
        self.status = QLabel("Choose the period and run the forecast.", self)
        self.status.setWordWrap(True)
        status.addWidget(self.progress, 1)
        status.addWidget(self.status, 2)
        layout.addLayout(status)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self._results_tabs()
        self.resize(1180, 760)

    def _controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start = QDateEdit(clock.now().astimezone().date(), self)
        self.start.setAccessibleName("First day")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("ddd d MMM yyyy")
        self.days = spin_box(self, "Days", 1, 31, 7, "How many days the forecast covers")
        self.visitors = spin_box(
            self, "Visitors", 0, 1_000_000, 0, "Visitors in all; 0 takes the model's visits per day"
        )
        self.visitors.setSpecialValueText("From the model")
        self.seed = spin_box(self, "Seed", 0, 1_000_000, 1, words.SEED)
        self.compare = QCheckBox("Beside the published version", self)
        self.compare.setToolTip("Forecast what was last published too, and show the differences")
        self.model_button = QPushButton("Visitor model…", self)
        self.model_button.setToolTip(
            "The visitors the forecast sends: pages, devices, sources, carts"
        )
        self.model_button.clicked.connect(self._on_edit_model)
        self.run_button = QPushButton("Run forecast", self)
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton("Export CSV…", self)
        self.export_button.setEnabled(False)
        self.export_button.setToolTip(
            "Write every table of the forecast to a folder, one CSV file each"
        )
        self.export_button.clicked.connect(self._on_export)
        for label, widget in (
            ("From", self.start),
            ("Days", self.days),
            ("Visitors", self.visitors),
            ("Seed", self.seed),
        ):
            row.addWidget(QLabel(label, self))
            row.addWidget(widget)
        for widget in (self.compare, self.model_button):
            row.addWidget(widget)
        row.addStretch(1)
        for widget in (self.run_button, self.cancel_button, self.export_button):
            row.addWidget(widget)
        return row

    def _results_tabs(self) -> None:
        from designer.views.forecast.forecast_charts import HeatMap

        self.reach_box = QVBoxLayout()
        self.reach_box.addWidget(caption(self, words.NOT_RUN, centred=True))
        self.engagement_table = results_table(self, "Engagements")
        self._tab("Reach", self.reach_box, self.engagement_table)
        week = QVBoxLayout()
        self.heat_choice = QComboBox(self)
        self.heat_choice.setAccessibleName("Engagement shown in the heat map")
        self.heat_choice.currentIndexChanged.connect(self._on_heat_choice)
        self.heat = HeatMap(self)
        week.addWidget(caption(self, words.HEAT))
        week.addWidget(self.heat_choice)
        week.addWidget(self.heat, 1)
        self.daily_table = results_table(self, "Per day")
        self._tab("Week", week, self.daily_table)
        self.zone_box = QVBoxLayout()
        self.zone_box.addWidget(caption(self, words.NOT_RUN, centred=True))
        self.contests_table = results_table(self, "Zone contests")
        self._tab("Zones", self.zone_box, self.contests_table)
        self.reasons_table = results_table(self, "Why visitors were not reached")
        why = QVBoxLayout()
        why.addWidget(caption(self, words.WHY_NOT))
        self.reasons_table.horizontalHeader().setStretchLastSection(True)  # the tag's sentence
        self._tab("Why not", why, self.reasons_table, grow=0)
        self.devices_table = results_table(self, "Reach by device")
        self.control_table = results_table(self, "Control groups")
        devices = QVBoxLayout()
        devices.addWidget(caption(self, words.DEVICES))
        self._tab(
            "Devices and control groups", devices, self.devices_table, self.control_table, grow=0
        )
        self.compare_table = results_table(self, "Published version and draft")
        self.compare_table.hide()  # until a run with the published version beside the draft
        compare = QVBoxLayout()
        self.compare_hint = caption(self, words.NOT_COMPARED, centred=True)
        compare.addWidget(self.compare_hint)
        self._tab("Published and draft", compare, self.compare_table, grow=0)

    def _tab(
        self, title: str, top: QVBoxLayout | None, *tables: QTableWidget, grow: int = 3
    ) -> None:
        page = QWidget(self)
        box = QVBoxLayout(page)
        if top is not None:
            box.addLayout(top, grow)
        for table in tables:
            box.addWidget(table, 2)
        self.tabs.addTab(page, title)

    # Running

    def run(self) -> None:
        if self._run is not None:
            return
        from designer.bundle.forecast_manifest import DRAFT, PUBLISHED

        self._pending = []  # what is shown stays until the new forecast is whole
        self._queue = (
            [("Published", PUBLISHED), ("Draft", DRAFT)]
            if self.compare.isChecked()
            else [("Draft", DRAFT)]
        )
        self._done_before = 0
        self._total = 0
        self._set_running(True)
        self._next()

    def _plan(self, which: str) -> Any:
        from designer.bundle.errors import BundleError
        from designer.bundle.forecast_plan import plan
        from designer.models.errors import StoreError
        from designer.models.forecast_model import ModelError

        start: date = self.start.date().toPython()
        try:
            return plan(
                self.store_of(),
                start,
                self.days.value(),
                self.visitors.value() or None,
                self.seed.value(),
                which,
            )
        except (BundleError, StoreError, ModelError) as e:
            self._stopped(str(e))
            return None

    def _next(self) -> None:
        from designer.preview.forecast_engine import ForecastRun

        if not self._queue:
            self._set_running(False)
            self.show_results(self._pending)
            return
        title, which = self._queue[0]
        plan = self._plan(which)
        if plan is None:
            return
        self._total = self._done_before + plan.visitor_count * len(self._queue)
        self.status.setText(f"{title}: sending {plan.visitor_count:,} visitors through the tag…")
        self._run = ForecastRun(plan, parent=self)
        self._run.progress.connect(self._on_progress)
        self._run.finished.connect(lambda f, t=title: self._on_finished(t, f))
        self._run.failed.connect(self._stopped)
        self.progress.setRange(0, max(1, self._total))
        self._run.start()

    def cancel(self) -> None:
        if self._run is not None:
            self._run.cancel()

    def _on_progress(self, done: int, _total: int) -> None:
        self.progress.setValue(self._done_before + done)

    def _on_finished(self, title: str, forecast: Forecast) -> None:
        self._done_before += forecast.visitors
        self._pending.append((title, forecast))
        self._queue.pop(0)
        self._run.deleteLater()
        self._run = None
        self._next()

    def _stopped(self, sentence: str) -> None:
        if self._run is not None:
            self._run.deleteLater()
            self._run = None
        self._queue, self._pending = [], []
        self._set_running(False)
        # the tables still show the last whole forecast: the status line says so
        still = f" The results below are those of the forecast made at {self._shown_at}."
        self.status.setText(sentence + (still if self.runs else ""))
        if sentence != "The forecast was cancelled.":
            show_error(self, sentence)

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (
            self.start,
            self.days,
            self.visitors,
            self.seed,
            self.compare,
            self.model_button,
        ):
            widget.setEnabled(not running)
        if running:
            self.progress.setValue(0)
            self.progress.setFormat("%p %")  # with two drafts compared, visitors pass twice

    # Results

    def show_results(self, runs: list[tuple[str, Forecast]]) -> None:
        from designer.views.forecast.forecast_charts import contests_chart, fill_table, reach_chart

        self.runs = runs
        draft = runs[-1][1]
        stamp = self._shown_at = clock.now().astimezone().strftime("%H:%M")
        self.status.setText(
            f"{draft.visitors:,} visitors, {draft.pages:,} pages over {draft.period.days} days from "
            f"{draft.period.label(0)} ({draft.period.time_zone}); forecast at {stamp}."
            + "".join(f" The tag said: {w}" for w in draft.warnings[:2])
        )
        self._replace_chart(self.reach_box, reach_chart(runs, self))
        self._replace_chart(self.zone_box, contests_chart(draft, self))
        fill_table(self.engagement_table, report.engagement_table(draft))
        fill_table(self.daily_table, report.daily_table(draft))
        fill_table(self.contests_table, report.contests_table(draft))
        fill_table(self.reasons_table, report.reasons_table(draft))
        fill_table(self.devices_table, report.devices_table(draft))
        fill_table(self.control_table, report.control_table(draft))
        compared = len(runs) > 1
        if compared:
            fill_table(self.compare_table, report.comparison_table(runs[0][1], draft))
        self.compare_table.setVisible(compared)
        self.compare_hint.setText(words.COMPARED if compared else words.NOT_COMPARED)
        self.compare_hint.setAlignment(
            Qt.AlignmentFlag.AlignLeft if compared else Qt.AlignmentFlag.AlignCenter
        )
        self.heat_choice.blockSignals(True)
        self.heat_choice.clear()
        self.heat_choice.addItem("All engagements", None)
        for e in draft.engagements:
            self.heat_choice.addItem(f"{e.name} ({e.campaign})", e.id)
        self.heat_choice.blockSignals(False)
        self._on_heat_choice()
        self.export_button.setEnabled(True)

    def _replace_chart(self, box: QVBoxLayout, view: QWidget) -> None:
        while box.count():
            old = box.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        box.addWidget(view)

    def _on_heat_choice(self) -> None:
        if not self.runs:
            return
        f = self.runs[-1][1]
        eid = self.heat_choice.currentData()
        ids = [eid] if eid is not None else [e.id for e in f.engagements]
        self.heat.show_counts([sum(f.heat[i][h] for i in ids) for h in range(168)])

    def _on_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export the forecast's tables to a folder")
        if folder:
            self.export_csv(Path(folder))

    def export_csv(self, folder: Path) -> list[Path]:
        """Every table as a CSV file in folder; the published version's prefixed published-."""
        written = []
        try:
            for title, f in self.runs:
                prefix = "published-" if title == "Published" else ""
                for name, make in report.TABLES.items():
                    path = folder / f"{prefix}forecast-{name.replace('_', '-')}.csv"
                    path.write_text(report.csv_text(make(f)), encoding=CSV_ENCODING)
                    written.append(path)
            if len(self.runs) > 1:
                path = folder / "forecast-published-and-draft.csv"
                path.write_text(
                    report.csv_text(report.comparison_table(self.runs[0][1], self.runs[-1][1])),
                    CSV_ENCODING,
                )
                written.append(path)
        except OSError as e:
            show_error(
                self,
                f"The tables could not be written to {folder} ({e.strerror}); choose another folder.",
            )
            return written
        self.status.setText(f"Wrote {len(written)} CSV files to {folder}.")
        return written

    def _on_edit_model(self) -> None:
        from designer.views.forecast.forecast_model_editor import ForecastModelDialog

        ForecastModelDialog(self.store_of(), self).exec()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """A window of its own: Escape or Ctrl+W closes it, as the designer expects."""
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Close):
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.cancel()
        super().closeEvent(event)
