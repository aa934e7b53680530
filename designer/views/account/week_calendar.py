"""The week calendar: shifts drawn as blocks on seven days, edited by drag or by the list.

Shifts are plain dicts {"weekday": 0-6, "start": minute, "end": minute} in
5-minute steps. Drag down a day to add a shift; double-click a block to
remove it; the list beside it does the same with the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from designer.models.vocabulary import WEEKDAYS

STEP = 5
DAY_NAMES = [d[:3].capitalize() for d in WEEKDAYS]


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def shift_words(shift: dict, every_day: bool = False) -> str:
    day = "Every day" if every_day else WEEKDAYS[shift.get("weekday", 0)].capitalize()
    return f"{day} {clock(shift['start'])}–{clock(shift['end'])}"


class WeekCalendar(QWidget):
    """Paints the shifts; a drag on a day adds one (reported by shift_drawn)."""

    shift_drawn = Signal(int, int, int)  # weekday, start, end
    shift_removed = Signal(int)  # index in shifts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shifts: list[dict] = []
        self.every_day = False
        self._drag: tuple[int, int, int] | None = None
        self.setMinimumSize(420, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Week calendar of shifts")
        self.setToolTip("Drag down a day to add a shift; double-click a shift to remove it.")

    def set_shifts(self, shifts: list[dict], every_day: bool = False) -> None:
        self.shifts, self.every_day = list(shifts), every_day
        self.update()

    def _grid(self) -> QRectF:
        return QRectF(44, 22, self.width() - 50, self.height() - 28)

    def _at(self, x: float, y: float) -> tuple[int, int]:
        g = self._grid()
        day = int((x - g.left()) / (g.width() / 7))
        minute = int((y - g.top()) / g.height() * 1440 / STEP) * STEP
        return max(0, min(6, day)), max(0, min(1440, minute))

    def _block(self, day: int, start: int, end: int) -> QRectF:
        g = self._grid()
        w = g.width() / 7
        return QRectF(
            g.left() + day * w + 2,
            g.top() + start / 1440 * g.height(),
            w - 4,
            max(2.0, (end - start) / 1440 * g.height()),
        )

    def _days_of(self, shift: dict) -> range:
        return range(7) if self.every_day else range(shift["weekday"], shift["weekday"] + 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        g = self._grid()
        p.setPen(pal.color(QPalette.ColorRole.Mid))
        for hour in range(0, 25, 3):
            y = g.top() + hour / 24 * g.height()
            p.drawLine(int(g.left()), int(y), int(g.right()), int(y))
            p.setPen(pal.color(QPalette.ColorRole.Text))
            p.drawText(2, int(y) + 4, f"{hour:02d}:00")
            p.setPen(pal.color(QPalette.ColorRole.Mid))
        w = g.width() / 7
        for day in range(8):
            p.drawLine(
                int(g.left() + day * w), int(g.top()), int(g.left() + day * w), int(g.bottom())
            )
        p.setPen(pal.color(QPalette.ColorRole.Text))
        for day, name in enumerate(DAY_NAMES):
            p.drawText(QRectF(g.left() + day * w, 2, w, 18), Qt.AlignmentFlag.AlignCenter, name)
        fill = pal.color(QPalette.ColorRole.Highlight)
        for shift in self.shifts:
            for day in self._days_of(shift):
                p.fillRect(self._block(day, shift["start"], shift["end"]), fill)
        if self._drag:
            day, a, b = self._drag
            p.fillRect(
                self._block(day, min(a, b), max(a, b)),
                QColor(fill.red(), fill.green(), fill.blue(), 110),
            )
        p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day, minute = self._at(event.position().x(), event.position().y())
        self._drag = (day, minute, minute)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag:
            _, minute = self._at(event.position().x(), event.position().y())
            self._drag = (self._drag[0], self._drag[1], minute)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag:
            day, a, _ = self._drag
            _, b = self._at(event.position().x(), event.position().y())  # where the button went up
            self._drag = None
            self.update()
            if abs(b - a) >= STEP:
                self.shift_drawn.emit(day, min(a, b), max(a, b))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        for i, shift in enumerate(self.shifts):
            for day in self._days_of(shift):
                if self._block(day, shift["start"], shift["end"]).contains(event.position()):
                    self.shift_removed.emit(i)
                    return


class ShiftEditor(QWidget):
    """The calendar with a keyboard-friendly list; `edited` carries the whole new list."""

    edited = Signal(list)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calendar = WeekCalendar()
        self.list = QListWidget()
        self.list.setAccessibleName(f"{label}: list of shifts")
        self.list.setMaximumWidth(230)
        self.day = QComboBox()
        self.day.addItems([d.capitalize() for d in WEEKDAYS])
        self.day.setAccessibleName("Day of the new shift")
        self.start, self.end = QTimeEdit(QTime(9, 0)), QTimeEdit(QTime(17, 0))
        for edit, name in ((self.start, "Start"), (self.end, "End")):
            edit.setDisplayFormat("HH:mm")
            edit.setAccessibleName(f"{name} of the new shift")
            edit.setToolTip(f"{name} time, in 5-minute steps")
        self.add = QPushButton("Add shift")
        self.add.setToolTip("Add the shift on the chosen day")
        self.remove = QPushButton("Remove shift")
        self.remove.setToolTip("Remove the shift selected in the list")
        side = QVBoxLayout()
        side.addWidget(self.list)
        for w in (self.day, self.start, self.end, self.add, self.remove):
            side.addWidget(w)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.calendar, 1)
        row.addLayout(side)
        self.setAccessibleName(label)
        self.add.clicked.connect(self._on_add)
        self.remove.clicked.connect(self._on_remove)
        self.calendar.shift_drawn.connect(self._on_drawn)
        self.calendar.shift_removed.connect(self._on_removed)

    def set_shifts(self, shifts: list[dict], every_day: bool = False) -> None:
        self.calendar.set_shifts(shifts, every_day)
        self.day.setEnabled(not every_day)
        self.list.clear()
        self.list.addItems([shift_words(s, every_day) for s in shifts])
        if not shifts:
            hint = QListWidgetItem(
                "No shifts yet: drag down a day on the calendar, or use Add shift."
            )
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(hint)
        self.list.setWordWrap(True)

    def _minutes(self, edit: QTimeEdit) -> int:
        t = edit.time()
        return (t.hour() * 60 + t.minute()) // STEP * STEP

    def _on_add(self) -> None:
        start, end = self._minutes(self.start), self._minutes(self.end)
        if end == 0 and start > 0:
            end = 1440  # 00:00 as an end means midnight
        self._on_drawn(self.day.currentIndex(), start, end)

    def _on_drawn(self, day: int, start: int, end: int) -> None:
        shift = {"weekday": day, "start": start, "end": end}
        self.edited.emit(self.calendar.shifts + [shift])

    def _on_remove(self) -> None:
        if self.list.currentRow() >= 0:
            self._on_removed(self.list.currentRow())

    def _on_removed(self, index: int) -> None:
        if not 0 <= index < len(self.calendar.shifts):
            return
        shifts = list(self.calendar.shifts)
        del shifts[index]
        self.edited.emit(shifts)
