"""Publish: validate the campaign, show problems, record a numbered version, export the bundle."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QWidget
from sqlalchemy import func, select

from designer.models.campaign import Campaign, CampaignVersion
from designer.models.validation import ERROR, campaign_problems
from designer.views.commands import columns, create_row
from designer.views.edit_session import EditSession, set_fields
from designer.views.sentences import show_error

SKIPPED = {"created_at", "updated_at"}


def json_safe(values: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v.isoformat() if isinstance(v, datetime | date) else v
        for k, v in values.items()
        if k not in SKIPPED
    }


def version_snapshot(c: Campaign) -> dict[str, Any]:
    """What was published, as plain JSON, to look back at and compare."""
    snap = json_safe(columns(c))
    snap["engagements"] = [json_safe(columns(e)) for e in c.engagements]
    return snap


class Publisher:
    """Runs a publish from a window: every step a sentence when it cannot go on."""

    def __init__(self, session: EditSession, parent: QWidget) -> None:
        self.session, self.parent = session, parent
        self.last_message = ""

    def choose_folder(self, campaign_name: str) -> str:
        return QFileDialog.getExistingDirectory(
            self.parent, f"Export the bundle of “{campaign_name}” to a folder"
        )

    def publish(self, campaign_id: int, folder: str | None = None) -> bool:
        with self.session.store.read() as s:
            c = s.get(Campaign, campaign_id)
            if c is None:
                self._tell("That campaign was deleted meanwhile; select a campaign in the tree.")
                return False
            name = c.name
            errors = [p for p in campaign_problems(s, c) if p.severity == ERROR]
        if errors:
            lines = "\n".join(f"• {p.where}: {p.message}" for p in errors[:8])
            self._tell(
                f"“{name}” cannot be published yet: {len(errors)} problem"
                f"{'s' * (len(errors) != 1)} must be fixed first (see the Problems panel).\n{lines}"
            )
            return False
        folder = folder if folder is not None else self.choose_folder(name)
        if not folder:
            return False
        if not self._record(campaign_id):
            return False
        return self._export(name, Path(folder))

    def _record(self, campaign_id: int) -> bool:
        with self.session.store.read() as s:
            c = s.get(Campaign, campaign_id)
            number = 1 + (
                s.scalar(
                    select(func.max(CampaignVersion.number)).where(
                        CampaignVersion.campaign_id == campaign_id
                    )
                )
                or 0
            )
            snap, status = version_snapshot(c), c.status
            snap["status"] = "published"
        stack = self.session.undo_stack
        stack.beginMacro(f"Publish version {number}")
        ok = self.session.push(
            set_fields(
                Campaign,
                "campaign",
                campaign_id,
                "Publish",
                {"status": status},
                {"status": "published"},
            )
        ) and self.session.push(
            create_row(
                CampaignVersion,
                "campaign",
                f"Version {number}",
                campaign_id=campaign_id,
                number=number,
                snapshot=snap,
            )
        )
        stack.endMacro()
        return ok

    def _export(self, name: str, folder: Path) -> bool:
        from designer.bundle.errors import BundleError
        from designer.bundle.export import export

        dialog = QProgressDialog(f"Exporting “{name}”…", "Cancel", 0, 0, self.parent)
        dialog.setWindowTitle("Publish")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAccessibleName("Export progress")

        def progress(done: int, total: int, what: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            dialog.setLabelText(what)
            QApplication.processEvents()

        try:
            result = export(self.session.store, [name], folder, False, progress, dialog.wasCanceled)
        except BundleError as e:
            self._tell(f"{e}\nThe version was recorded; publish again to export.")
            return False
        finally:
            dialog.close()
            dialog.deleteLater()
        self.last_message = result.in_words()
        return True

    def _tell(self, sentence: str) -> None:
        self.last_message = sentence
        show_error(self.parent, sentence)
