"""First steps: the welcome a designer sees on the first start, the page of an empty store, and
the page of a window with no store open."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from designer.views.shell.icons import set_icon

SEEN_KEY = "welcome/seen"
WELCOME = (
    "<b>Welcome to Engagement Designer.</b> Your campaigns are in the tree at the left: "
    "click an engagement to open it, or add one with <b>Add engagement</b> (Ctrl+E). "
    "Press <b>F5</b> to see it on a page as a visitor would, and <b>Publish</b> (Ctrl+P) "
    "to write the files your site includes."
)


class WelcomeBanner(QWidget):
    """Shown until the designer closes it once; says in three lines what to do first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        self.text = text = QLabel(WELCOME)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.close_button = QPushButton("Got it")
        self.close_button.setToolTip("Close the welcome; it does not come back")
        self.close_button.setAccessibleName("Close the welcome")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(text, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button.clicked.connect(self.dismiss)
        self.setVisible(not QSettings().value(SEEN_KEY, False, type=bool))

    def dismiss(self) -> None:
        QSettings().setValue(SEEN_KEY, True)
        self.hide()


def _centred(page: QWidget, buttons: list[QPushButton]) -> tuple[QLabel, QLabel]:
    """A page's heading and sentence in its middle, its buttons under them; returns both."""
    heading = QLabel()
    heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text = QLabel()
    text.setWordWrap(True)
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        button.setAccessibleName(button.text())
        row.addWidget(button)
    row.addStretch(1)
    box = QVBoxLayout(page)
    box.addStretch(1)
    box.addWidget(heading)
    box.addWidget(text)
    box.addLayout(row)
    box.addStretch(2)
    return heading, text


class EmptyPage(QWidget):
    """What the editor shows when no campaign is chosen: the way to make or pick one."""

    new_campaign_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("No campaign")
        self.new_campaign = QPushButton("New campaign")
        set_icon(self.new_campaign, "new_campaign")
        self.new_campaign.setToolTip("Make an empty campaign and name it (Ctrl+Shift+N)")
        self.sample = QPushButton("Start from the sample")
        set_icon(self.sample, "sample")
        self.sample.setToolTip(
            "Fill the store with the sample shop's campaigns, entry points and behaviors"
        )
        self.heading, self.text = _centred(self, [self.new_campaign, self.sample])
        self.new_campaign.clicked.connect(self.new_campaign_requested)
        self.sample.clicked.connect(self.sample_requested)
        self.set_store_empty(True)

    def set_store_empty(self, empty: bool) -> None:
        """An empty store offers the sample; one with campaigns asks to pick one."""
        self.sample.setVisible(empty)
        if empty:
            self.heading.setText("The store has no campaigns yet")
            self.text.setText(
                "Make a campaign and add engagements to it, or start from the sample shop's "
                "campaigns to see how one is made and change it."
            )
        else:
            self.heading.setText("No campaign is chosen")
            self.text.setText("Click a campaign or an engagement in the tree, or make a new one.")


class NoStorePage(QWidget):
    """What the window shows when no store could be opened: the ways to open or make one."""

    def __init__(self, actions: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("No store is open")
        self.buttons: list[QPushButton] = []
        for name, words in (
            ("open_store", "Open a store…"),
            ("new_store", "New store…"),
            ("connect_store", "Connect to a team store…"),
        ):
            action = actions.get(name)
            if action is None:
                continue
            button = QPushButton(words)
            set_icon(button, name)
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.buttons.append(button)
        self.heading, self.text = _centred(self, self.buttons)
        self.heading.setText("No store is open")
        self.text.setText(
            "Your campaigns live in a store: a file on this computer, or a team store on a "
            "server. Open one, make a new one, or connect to your team's."
        )
