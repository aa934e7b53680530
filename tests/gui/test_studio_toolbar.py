"""The studio's toolbar reads as a design tool's: every command an icon with its words and
shortcut in the tooltip, all of them in one row when the studio is 960 px wide (its width
in the 1280 px main window beside the tree), nothing hidden behind "»"."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from tests.gui.studio_driver import open_studio


def overflow_shown(bar) -> bool:
    ext = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    return ext is not None and ext.isVisible()


def test_every_studio_command_has_an_icon_and_fits_in_one_row(qtbot, store):
    studio = open_studio(qtbot, store, "sticky_button")
    studio.resize(960, 700)
    qtbot.wait(10)
    commands = [a for a in studio.toolbar.actions() if not a.isSeparator()]
    assert len(commands) >= 24
    for action in commands:
        assert not action.icon().isNull(), action.text()
        words = action.toolTip().lower()
        assert action.text().split(" ")[0].lower() in words and words.endswith(")"), words
        button = studio.toolbar.widgetForAction(action)
        assert button.isVisible() and button.accessibleName(), action.text()
    assert studio.toolbar.actions()[0].toolTip() == "Select (V)"
    assert not overflow_shown(studio.toolbar)
    assert not overflow_shown(studio.page_bar)
    fit = studio.toolbar.widgetForAction(studio.fit_action)
    assert fit.text() == "Fit text" and fit.width() > fit.height() * 2  # words beside its icon
    for key, action in studio.page_bar.viewport_actions.items():
        assert not action.icon().isNull(), key


def fill(button):
    """The colour a button is filled with, left of its text."""
    image = button.grab().toImage()
    return image.pixelColor(6, image.height() // 2)


def test_the_state_being_edited_reads_at_a_glance_in_dark_and_light(qtbot, store, qapp):
    from designer.models.vocabulary import AgentState
    from designer.views.shell.palette import apply_palette

    before = qapp.palette()
    try:
        for theme in ("dark", "light"):
            apply_palette(qapp, theme)
            studio = open_studio(qtbot, store, "sticky_button")
            buttons = studio.state_bar.state_buttons
            assert buttons[AgentState.ONLINE].isChecked()

            chosen, other = (fill(buttons[s]) for s in (AgentState.ONLINE, AgentState.OFFLINE))
            assert chosen == qapp.palette().highlight().color(), theme
            assert abs(chosen.lightness() - other.lightness()) > 40 or chosen.hue() != other.hue()
    finally:
        qapp.setPalette(before)


def test_the_window_studios_page_bar_fits_at_960_with_its_status_elided(qtbot, store):
    from tests.gui.studio_driver import open_window_studio

    editor = open_window_studio(qtbot, store, (960, 700))
    bar = editor.on_page.bar
    qtbot.wait(10)
    assert not overflow_shown(bar)
    status = bar.status
    assert status.isVisible() and status.toolTip() == status.text() != ""
    assert status.geometry().right() <= bar.width()
