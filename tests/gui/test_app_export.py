"""File > Export…: folder or zip, all published or chosen campaigns, progress, cancel, remembered."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtWidgets import QProgressDialog

from designer.bundle.export import export
from designer.views.publishing.export_dialog import ExportDialog
from tests.gui.app_driver import click, drive_dialog


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    """The URLs the app asks the desktop to open, kept instead of starting a file browser."""
    urls: list[QUrl] = []
    monkeypatch.setattr(ExportDialog, "open_url", urls.append)
    return urls


def run_export_dialog(window, fill: Callable[[ExportDialog], None]) -> None:
    """File > Export…, with fill(dialog) doing what the designer does in it."""

    def act(dialog: ExportDialog) -> None:
        fill(dialog)
        if dialog.isVisible():  # the export did not go through: the designer closes it
            dialog.reject()

    drive_dialog(ExportDialog, act, window.actions_by_name["export"].trigger)


def manifest_names(files: dict[str, bytes]) -> list[str]:
    name = next(n for n in files if n.startswith("engagements.") and n.endswith(".json"))
    return [c["name"] for c in json.loads(files[name])["campaigns"]]


def test_export_all_published_to_a_folder_writes_what_the_cli_writes_and_opens_it(
    main_window, tmp_path, opened
):
    window = main_window(tmp_path / "s.sqlite")
    out = tmp_path / "bundle"

    def fill(dialog: ExportDialog) -> None:
        assert dialog.all_published.isChecked() and not dialog.drafts.isChecked()
        dialog.path.setText(str(out))
        click(dialog.export_button)

    run_export_dialog(window, fill)
    cli = Path(export(window.store, None, tmp_path / "cli").out)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert files == {
        p.relative_to(cli).as_posix(): p.read_bytes() for p in cli.rglob("*") if p.is_file()
    }
    assert manifest_names(files) == ["Winter sale"]
    assert opened == [QUrl.fromLocalFile(str(out))]
    assert window.statusBar().currentMessage().startswith("Exported 5 engagements of “Winter sale”")


def test_export_chosen_drafts_to_a_zip_and_the_destination_is_remembered(
    main_window, tmp_path, opened
):
    window = main_window(tmp_path / "s.sqlite")
    out = tmp_path / "care"

    def fill(dialog: ExportDialog) -> None:
        dialog.as_zip.setChecked(True)
        dialog.path.setText(str(out))  # ".zip" is added
        dialog.chosen.setChecked(True)
        item = dialog.campaigns.findItems("Customer care (draft)", Qt.MatchFlag.MatchExactly)[0]
        item.setCheckState(Qt.CheckState.Checked)
        dialog.drafts.setChecked(True)
        click(dialog.export_button)

    run_export_dialog(window, fill)
    with zipfile.ZipFile(tmp_path / "care.zip") as z:
        files = {n: z.read(n) for n in z.namelist()}
    assert manifest_names(files) == ["Customer care"]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]  # the folder holding the zip
    seen = []
    run_export_dialog(window, lambda d: seen.append((d.path.text(), d.as_zip.isChecked())))
    assert seen == [(str(tmp_path / "care.zip"), True)]


def test_cancelling_an_export_writes_nothing(main_window, tmp_path, opened):
    window = main_window(tmp_path / "s.sqlite")
    out = tmp_path / "bundle"
    said = []

    def fill(dialog: ExportDialog) -> None:
        def cancel_progress() -> (
            None
        ):  # the progress is the export dialog's own, whichever window is active
            progress = dialog.findChild(QProgressDialog, "bundle_progress")
            if progress is not None:
                progress.cancel()  # as the designer presses Cancel while it builds

        dialog.path.setText(str(out))
        canceller = QTimer()
        canceller.setInterval(0)
        canceller.timeout.connect(cancel_progress)
        canceller.start()
        said.append(dialog.run())
        canceller.stop()
        said.append(dialog.last_message)

    run_export_dialog(window, fill)
    assert said == [False, "Export cancelled; nothing was written."]
    assert not out.exists() and opened == []
