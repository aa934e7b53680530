"""Icons on the toolbar, menus, tree and wizard stages, drawn for the light and the dark theme."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from designer.models.formats import EngagementFormat
from designer.views.shell.icons import NAMES, icon
from designer.views.shell.palette import apply_palette


def _ink(qicon) -> float:
    """The mean lightness of the icon's drawn pixels."""
    image = qicon.pixmap(24, 24).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(24)
        for y in range(24)
        if image.pixelColor(x, y).alpha() > 128
    ]
    assert values, "the icon draws nothing"
    return sum(values) / len(values)


def test_every_format_and_state_has_its_own_icon(qapp):
    names = [f"format_{f.value}" for f in EngagementFormat]
    names += ["state_enabled", "state_disabled", "state_unfinished"]
    names += ["status_draft", "status_published", "status_disabled"]
    assert all(n in NAMES for n in names)
    assert len({NAMES[n] for n in names}) == len(names)  # one icon each
    for n in names:
        _ink(icon(n))


def test_commands_the_tree_and_the_stages_show_icons(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    for name in ("undo", "publish", "preview", "new_store", "delete", "url_tester", "go_account"):
        assert not window.actions_by_name[name].icon().isNull(), name
    campaign = window.tree.tree.topLevelItem(0)
    assert not campaign.icon(1).isNull()
    assert all(not campaign.child(i).icon(0).isNull() for i in range(campaign.childCount()))
    window.open_engagement(campaign.child(0).data(0, 0x100)[1])
    assert all(not b.icon().isNull() for b in window.wizard.steps.buttons)


def test_icons_follow_the_theme(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    app = QApplication.instance()
    try:
        window.actions_by_name["theme_light"].trigger()
        light = _ink(window.actions_by_name["publish"].icon())
        window.actions_by_name["theme_dark"].trigger()
        dark = _ink(window.actions_by_name["publish"].icon())
        dark_stage = _ink(window.wizard.steps.buttons[0].icon())
    finally:
        apply_palette(app, "system")
    assert light < 100 < dark  # dark ink on light, light ink on dark
    assert dark_stage > 100
