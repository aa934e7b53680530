"""The forecast's plots: reach per engagement, zone contests, and a week heat map.

Charts are QtCharts; the heat map is a table of coloured cells (7 days x 24
hours) so each figure can be read, selected and copied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from designer.models.forecast_report import uncontested, zone_words
from designer.models.forecast_results import Forecast

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
COLORS = ("#1a56db", "#e3a008", "#0e9f6e", "#e02424", "#7e3af2", "#ff5a1f", "#057a55", "#9061f9")


def _palette(parent: QWidget | None) -> QPalette:
    return parent.palette() if parent is not None else QApplication.palette()


def _chart(title: str, parent: QWidget | None) -> QChart:
    """A chart in the app's light or dark, set before its series are added (they keep the
    colours they are given)."""
    chart = QChart()
    dark = _palette(parent).window().color().lightness() < 128
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(title)
    return chart


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(220)
    return view


def reach_chart(runs: list[tuple[str, Forecast]], parent: QWidget | None = None) -> QChartView:
    """Share of visitors each engagement reaches; one bar set per forecast (published, draft)."""
    names = list(dict.fromkeys(e.name for _, f in runs for e in f.engagements))
    series = QHorizontalBarSeries()
    # a horizontal series draws its first set lowest: the first forecast (published) goes last
    for n, (title, f) in reversed(list(enumerate(runs))):
        bars = QBarSet(title)
        bars.setColor(QColor(COLORS[n % len(COLORS)]))
        by_name = {e.name: round(100 * f.reach(e.id), 1) for e in f.engagements}
        bars.append([by_name.get(name, 0.0) for name in reversed(names)])
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value %")
    # beside each bar, in the text's colour: a thin bar (two forecasts compared, a small
    # share) cannot hold its figure
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
    series.setBarWidth(0.8)
    chart = _chart("Share of visitors reached", parent)
    chart.addSeries(series)
    text = _palette(parent).text().color()
    for bars in series.barSets():
        bars.setLabelColor(text)
    axis_y = QBarCategoryAxis()
    axis_y.append(list(reversed(names)) or ["(no engagement)"])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setRange(0, 100)
    axis_x.setLabelFormat("%d %%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    chart.legend().setVisible(len(runs) > 1)
    chart.legend().setReverseMarkers(True)
    return _view(chart, "Reach per engagement", parent)


def contests_chart(f: Forecast, parent: QWidget | None = None) -> QWidget:
    """For each zone where engagements compete, who wins how often; with none, why not."""
    zones = sorted(f.contests)
    if not zones:
        said = QLabel(uncontested(f), parent)
        said.setAccessibleName("Zone contests")
        said.setWordWrap(True)
        said.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return said
    winners = list(dict.fromkeys(eid for z in zones for eid in f.contests[z]))
    series = QHorizontalPercentBarSeries()
    for n, eid in enumerate(winners):
        bars = QBarSet(f.name(eid))
        bars.setColor(QColor(COLORS[n % len(COLORS)]))
        bars.append([float(f.contests[z].get(eid, 0)) for z in zones])
        series.append(bars)
    series.setLabelsVisible(True)
    chart = _chart("Zone contests: who wins", parent)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([zone_words(z) for z in zones])
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d %%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    return _view(chart, "Zone contests", parent)


class HeatMap(QTableWidget):
    """Impressions by weekday and hour (the account's time), darker for more."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(7, 24, parent)
        self.setAccessibleName("Week heat map of impressions")
        self.setVerticalHeaderLabels(list(DAYS))
        self.setHorizontalHeaderLabels([f"{h:02d}" for h in range(24)])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setMinimumHeight(7 * 26 + 30)

    def show_counts(self, counts: list[int]) -> None:
        top = max(counts) if counts and max(counts) else 1
        for day in range(7):
            for hour in range(24):
                value = counts[day * 24 + hour]
                item = QTableWidgetItem(str(value) if value else "")
                level = value / top
                item.setBackground(
                    QColor.fromRgbF(0.1, 0.34, 0.86, 0.08 + 0.85 * level)
                    if value
                    else QColor(0, 0, 0, 0)
                )
                item.setForeground(
                    QColor("white") if level > 0.5 else self.palette().text().color()
                )
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(f"{DAYS[day]} {hour:02d}:00–{hour:02d}:59: {value:,} impressions")
                self.setItem(day, hour, item)


def header_label(text: str, width: int = 16) -> str:
    """A column's title on two lines when it is long ("Impressions per / visitor reached"),
    broken at the space nearest its middle, so the column is as wide as its numbers need."""
    if len(text) <= width or " " not in text:
        return text
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


def fill_table(table: QTableWidget, rows: list[list[Any]]) -> None:
    """A report table (header row first) into a read-only table widget."""
    head, *body = rows
    table.clear()
    table.setColumnCount(len(head))
    table.setRowCount(len(body))
    table.setHorizontalHeaderLabels([header_label(str(h)) for h in head])
    for r, row in enumerate(body):
        for c, value in enumerate(row):
            text = f"{value:,}" if isinstance(value, int) else str(value)
            item = QTableWidgetItem(text)
            if isinstance(value, int | float):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c), 420))
