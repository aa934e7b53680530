"""Publish: the site's whole bundle, shown as changes, confirmed, written, then kept as versions.

Wherever Publish is pressed, the bundle written holds every published
campaign of the store: exactly what `engagement-designer export` writes.
Publishing a campaign makes it published first (put back if the publish
does not go through). A publish is not an edit on the undo stack: Undo after
it takes back the edit before, never the version or the published status.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from designer.bundle.build import build_bundle
from designer.bundle.bundle_changes import BundleChanges
from designer.bundle.errors import BundleError, ExportCancelled
from designer.bundle.export import ExportResult, export
from designer.models.campaign import Campaign
from designer.models.changes import entity_of
from designer.models.errors import StoreError
from designer.models.validation import ERROR, campaign_problems
from designer.models.versions import deleted_on_site, record_publish, site_list
from designer.models.vocabulary import CampaignStatus
from designer.views.editing.edit_session import EditSession
from designer.views.publishing.bundle_memory import (
    last_destination,
    last_site,
    remember_destination,
    remember_site,
)
from designer.views.publishing.bundle_progress import bundle_progress
from designer.views.publishing.publish_dialog import confirm_publish
from designer.views.shell.sentences import show_error
from designer.views.studio.text_fit import measure_text


class Publisher:
    """Runs a publish from a window: every step a sentence when it cannot go on."""

    def __init__(self, session: EditSession, parent: QWidget) -> None:
        self.session, self.parent = session, parent
        self.last_message = ""
        self.last_changes: BundleChanges | None = None

    def choose_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(
            self.parent, "Write the site bundle to a folder", start
        )

    def publish(self, campaign_id: int | None, folder: str | None = None) -> bool:
        """Publish campaign_id (None: the site bundle as it is) and write the whole bundle."""
        self.last_message, self.last_changes = "", None
        if self.session.read_only:
            self._tell(self.session.read_only_sentence())
            return False
        name = None
        if campaign_id is None and not self._has_campaigns():
            self._tell(
                "The store has no campaigns yet, so there is nothing to publish: make one "
                "(Campaign › New campaign) or start from the sample, then publish it."
            )
            return False
        if campaign_id is not None:
            name = self._check(campaign_id)
            if name is None:
                return False
        # The folder last published to (the summary offers another), or asked the first time.
        folder = (
            folder
            or last_destination(self.session.store, "publish")
            or self.choose_folder(str(Path.home()))
        )
        if not folder:
            return False
        result = None
        try:
            restore = self._mark_published(campaign_id)
            try:
                result = self._write(name, Path(folder).expanduser())
            finally:
                if result is None:
                    restore()
            if result is not None:
                self._record(campaign_id, self.last_changes, result.bundle.campaigns)
        except StoreError as e:
            self._tell(str(e))
            return False
        if result is None:
            return False
        remember_destination(self.session.store, "publish", str(result.out))
        self.last_message = result.in_words()
        return True

    def _has_campaigns(self) -> bool:
        with self.session.store.read() as s:
            return s.query(Campaign.id).first() is not None

    def _check(self, campaign_id: int) -> str | None:
        with self.session.store.read() as s:
            c = s.get(Campaign, campaign_id)
            if c is None:
                self._tell("That campaign was deleted meanwhile; select a campaign in the tree.")
                return None
            name = c.name
            errors = [
                p for p in campaign_problems(s, c, measure=measure_text) if p.severity == ERROR
            ]
        if errors:
            lines = "\n".join(f"• {p.where}: {p.message}" for p in errors[:8])
            self._tell(
                f"“{name}” cannot be published yet: {len(errors)} problem"
                f"{'s' * (len(errors) != 1)} must be fixed first (see the Problems panel).\n{lines}"
            )
            return None
        return name

    def _mark_published(self, campaign_id: int | None):  # noqa: ANN202 - the undo of it
        """Make the campaign published so the bundle holds it; returns what puts it back."""
        if campaign_id is None:
            return lambda: None
        with self.session.store.edit() as s:
            c = s.get(Campaign, campaign_id)
            if c is None:
                raise StoreError("That campaign was deleted meanwhile; nothing was published.")
            old, c.status = c.status, CampaignStatus.PUBLISHED.value

        def restore() -> None:
            with self.session.store.edit() as s:
                c = s.get(Campaign, campaign_id)
                if c is not None:
                    c.status = old

        return restore

    def _write(self, name: str | None, folder: Path) -> ExportResult | None:
        store = self.session.store
        title = (
            f"Publish “{name}” and write the site bundle"
            if name
            else "Publish the site bundle as it is"
        )
        try:
            with bundle_progress(self.parent, "Publish", "Building the site bundle…") as p:
                bundle = build_bundle(
                    store, None, False, p.progress, p.cancelled, measure=measure_text
                )
            changes = confirm_publish(self.parent, title, bundle, str(folder))
            if changes is None:
                self.last_message = "Publish cancelled; nothing was written or recorded."
                return None
            with bundle_progress(self.parent, "Publish", "Writing the site bundle…") as p:
                result = export(
                    store, None, changes.folder, False, p.progress, p.cancelled, measure_text
                )
        except ExportCancelled:
            self.last_message = "Publish cancelled; nothing was written or recorded."
            return None
        except BundleError as e:
            self._tell(
                f"{e}\nNothing was published: the folder and the campaigns are as they were."
            )
            return None
        self.last_changes = changes
        return result

    def _record(self, pressed: int | None, changes: BundleChanges, on_site: list[str]) -> None:
        summary = {**changes.to_json(), "sentences": changes.sentences()}
        store = self.session.store
        with store.edit() as s:
            gone = deleted_on_site(s, last_site(store))
            recorded = record_publish(s, pressed, on_site, changes.headline(), summary, gone)
            site = site_list(s, on_site)
        remember_site(store, site)
        for campaign_id in recorded:
            self.session.changed.emit(entity_of(Campaign), campaign_id)

    def _tell(self, sentence: str) -> None:
        self.last_message = sentence
        show_error(self.parent, sentence)
