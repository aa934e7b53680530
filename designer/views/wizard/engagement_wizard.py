"""The engagement wizard: Gallery, Settings, Studio, Window, Entry Point, Behavior, Summary.

Every step is saved as it is made: the engagement is created when the gallery
pick is confirmed, each field is saved on change, and Engagement.wizard_stage
records where the draft is, so reopening it resumes there.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget
from sqlalchemy import func, select

from designer.models.design import WindowDesign
from designer.models.engagement import WIZARD_STAGES, Engagement
from designer.models.gallery import template
from designer.models.settings import default_messages
from designer.views.editing.commands import create_row
from designer.views.editing.edit_session import EditSession
from designer.views.wizard.design_stages import StudioStage, WindowStage
from designer.views.wizard.gallery_stage import GalleryStage, template_fields
from designer.views.wizard.settings_stage import SettingsStage
from designer.views.wizard.stage import Stage
from designer.views.wizard.stage_bar import StageBar
from designer.views.wizard.summary_stage import SummaryStage
from designer.views.wizard.targeting_stages import BehaviorStage, EntryPointStage

STAGE_TYPES = (
    GalleryStage,
    SettingsStage,
    StudioStage,
    WindowStage,
    EntryPointStage,
    BehaviorStage,
    SummaryStage,
)


class EngagementWizard(QWidget):
    finished = Signal(int)  # engagement id
    publish_requested = Signal(int)  # campaign id
    closed = Signal()

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.campaign_id: int | None = None
        self.engagement_id: int | None = None
        self.setAccessibleName("Engagement wizard")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setAccessibleName("Where you are")
        self.heading.setToolTip("Click the campaign's name to go back to its page")
        self.heading.linkActivated.connect(lambda _link: self.closed.emit())
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Why the wizard cannot go on")
        self.error.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.stack = QStackedWidget()
        self.stages: list[Stage] = []
        for kind in STAGE_TYPES:
            stage = kind(session)
            stage.problem_changed.connect(self.error.clear)
            self.stages.append(stage)
            self.stack.addWidget(stage)
        self.summary.publish_requested.connect(self._on_publish)
        self.steps = StageBar(self.stages)
        self.steps.chosen.connect(self._on_stage_chosen)
        self.back = QPushButton("&Back")
        self.back.setToolTip("The previous stage (Alt+B)")
        self.next = QPushButton("&Next")
        self.next.setToolTip("Save and go to the next stage (Alt+N or Ctrl+Enter)")
        self.next.setDefault(True)
        self.close_button = QPushButton("&Close wizard")
        self.close_button.setToolTip(
            "Leave the wizard; the draft is saved and resumes where you were"
        )
        for b in (self.back, self.next, self.close_button):
            b.setAccessibleName(b.text().replace("&", ""))
        nav = QHBoxLayout()
        nav.addWidget(self.close_button)
        nav.addStretch(1)
        nav.addWidget(self.back)
        nav.addWidget(self.next)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.steps)
        box.addWidget(self.error)
        box.addWidget(self.stack, 1)
        box.addLayout(nav)
        self.back.clicked.connect(self._on_back)
        self.next.clicked.connect(self._on_next)
        self.close_button.clicked.connect(self.closed)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_next)
        session.changed.connect(self._on_changed)

    @property
    def summary(self) -> SummaryStage:
        return self.stages[-1]

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def stage(self, key: str) -> Stage:
        return next(s for s in self.stages if s.key == key)

    def start(self, campaign_id: int) -> None:
        """A new engagement in campaign: begins at the gallery; nothing is saved until a pick."""
        self.campaign_id, self.engagement_id = campaign_id, None
        for stage in self.stages:
            stage.engagement_id = None
        self.stages[0].chosen = None
        self._show(0)

    def open_engagement(self, engagement_id: int) -> None:
        """Resume a draft at its recorded stage; a finished engagement opens at its summary."""
        with self.session.store.read() as s:
            e = s.get(Engagement, engagement_id)
            if e is None:
                return
            self.campaign_id, stage = e.campaign_id, e.wizard_stage
        self.engagement_id = engagement_id
        for st in self.stages:
            st.engagement_id = engagement_id
        keys = [st.key for st in self.stages]
        self._show(keys.index(stage) if stage in keys else len(keys) - 1)

    def go_to_field(self, engagement_id: int, field: str) -> None:
        self.open_engagement(engagement_id)
        for i, stage in enumerate(self.stages):
            if field.split(".")[0] in stage.fields:  # designs.offline.text1.text: the studio
                self._show(i)
                stage.focus_field(field)
                return

    def _show(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.error.clear()
        self._load_current()
        self.steps.show_stage(index, max(index, self._reached()))
        self.back.setEnabled(index > 0)
        last = index == len(self.stages) - 1
        self.next.setText("&Finish" if last else "&Next")
        self.next.setAccessibleName("Finish" if last else "Next")

    def _load_current(self) -> None:
        stage = self.stages[self.index]
        with self.session.store.read() as s:
            e = s.get(Engagement, self.engagement_id) if self.engagement_id else None
            title = (
                f'<a href="campaign">{escape(e.campaign.name)}</a> › {escape(e.name)}'
                if e
                else "New engagement"
            )
            self.heading.setText(f"{title} — {escape(stage.title)}")
            if e is not None:
                stage.load(s, e)
        if self.error.text() and self.explain() is None:
            self.error.clear()  # fixed in place: the explanation goes

    def _reached(self) -> int:
        """The last stage the engagement got to: a finished one can go anywhere."""
        if self.engagement_id is None:
            return 0
        with self.session.store.read() as s:
            e = s.get(Engagement, self.engagement_id)
            stage = e.wizard_stage if e else "gallery"
        keys = [st.key for st in self.stages]
        return len(keys) - 1 if stage not in keys else keys.index(stage)

    def _on_stage_chosen(self, index: int) -> None:
        if index != self.index:
            self._show(index)

    def explain(self) -> str | None:
        """Why Next cannot go on from the current stage, or None."""
        problem = self.stages[self.index].problem()
        return f"{self.stages[self.index].title}: {problem}" if problem else None

    def _on_next(self) -> None:
        problem = self.explain()
        if problem:
            self.error.setText(problem)
            self.next.setToolTip(problem)
            return
        self.next.setToolTip("Save and go to the next stage (Alt+N or Ctrl+Enter)")
        if self.engagement_id is None and not self._create():
            return
        if self.index == len(self.stages) - 1:
            self._record_stage("done")
            self.finished.emit(self.engagement_id)
            return
        self._record_stage(self.stages[self.index + 1].key)
        self._show(self.index + 1)

    def _on_back(self) -> None:
        if self.index > 0:
            self._show(self.index - 1)

    def _on_publish(self) -> None:
        self._on_next()
        if self.index == len(self.stages) - 1 and not self.error.text():
            self.publish_requested.emit(self.campaign_id)

    def _record_stage(self, key: str) -> None:
        """Where the draft is; a finished engagement stays finished."""
        with self.session.store.read() as s:
            current = s.get(Engagement, self.engagement_id).wizard_stage
        if current == "done":
            return
        if key == "done" or WIZARD_STAGES.index(key) > WIZARD_STAGES.index(current):
            self.stages[0].engagement_id = self.engagement_id
            title = "Finish" if key == "done" else f"Go on to {self.stage(key).title}"
            self.stages[0].set(title, wizard_stage=key)

    def _create(self) -> bool:
        t = template(self.stages[0].chosen)
        with self.session.store.read() as s:
            n = s.scalar(select(func.count()).where(Engagement.campaign_id == self.campaign_id))
        command = create_row(
            Engagement,
            f"Add engagement {t.name}",
            campaign_id=self.campaign_id,
            position=n,
            name=t.name,
            wizard_stage="gallery",
            automatic_messages=default_messages(),
            window_design=WindowDesign().to_dict(),
            **template_fields(t),
        )
        if not self.session.push(command):
            return False
        self.engagement_id = command.row_id
        for stage in self.stages:
            stage.engagement_id = self.engagement_id
        return True

    def _on_changed(self, entity: str, entity_id: int) -> None:
        if self.isVisible() and self.engagement_id is not None and entity != "campaign":
            with self.session.store.read() as s:
                gone = s.get(Engagement, self.engagement_id) is None
            if gone:
                self.engagement_id = None
                self.closed.emit()
                return
            self._load_current()
