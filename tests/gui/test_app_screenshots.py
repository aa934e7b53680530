"""Screenshots of the main window, the settings and each wizard stage, into tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

from tests.gui.app_driver import click

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "app"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_of_every_page_and_wizard_stage(main_window, qapp, qtbot, tmp_path, theme):
    from designer.views.shell.palette import apply_palette

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    before = QPalette(qapp.palette())
    apply_palette(qapp, theme)
    window = main_window(tmp_path / "s.sqlite")
    window.setGeometry(0, 0, 1280, 820)
    shots = {}

    def shot(name: str) -> None:
        qapp.processEvents()
        image = window.grab()
        assert not image.isNull() and image.width() >= 1000
        path = ARTIFACTS / f"{theme}-{name}.png"
        assert image.save(str(path))
        shots[name] = path

    qtbot.waitUntil(lambda: window.problems.problems != [])
    shot("main-window")
    for page in ("account", "entry_point", "audience", "behavior"):
        window.show_page(page)
        shot(page)
    window.actions_by_name["add_engagement"].trigger()
    wizard = window.wizard
    shot("wizard-1-gallery")
    click(wizard.stages[0].cards["checkout-overlay"])
    for i, stage in enumerate(wizard.stages[1:], 2):
        click(wizard.next)
        if stage.key == "entry_point":
            click(wizard.next)  # refused: nothing chosen yet
            assert wizard.error.text().startswith("Entry Point: Choose an entry point")
            shot(f"wizard-{i}-{stage.key}-refused")
            stage.page.list.itemClicked.emit(stage.page.list.item(1))
            qapp.processEvents()
        assert wizard.stack.currentWidget() is stage, wizard.error.text()
        shot(f"wizard-{i}-{stage.key}")
    qapp.setPalette(before)  # other tests see the palette they started with
    assert all(p.stat().st_size > 10_000 for p in shots.values())
