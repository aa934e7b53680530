"""What writing a bundle to a folder changes there: engagements and files, before they are written.

The bundle already in the folder (if any) is read as import reads one, and
its manifest compared with the new bundle's: engagements added, removed and
changed by name ("Winter sale › Cart toaster"), then the files replaced,
added and removed. The result is plain data, kept with the published version.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from designer.bundle.build import Bundle
from designer.bundle.bundle_reader import read_bundle
from designer.bundle.errors import BundleError
from designer.bundle.files import HASHED

# Manifest keys of an engagement -> the words for them.
ENGAGEMENT_WORDS = {
    "enabled": "switch",
    "format": "format",
    "zone_key": "zone",
    "kind": "kind",
    "skill": "routing",
    "authenticated": "authentication",
    "window_opens_as": "window",
    "language": "language",
    "content_url": "content link",
    "entry_point": "entry point",
    "behavior": "behavior",
    "designs": "design",
    "automatic_messages": "automatic messages",
    "predefined_content": "predefined content",
    "window": "conversation window",
}
CAMPAIGN_WORDS = {
    "goal": "business goal",
    "goal_once_per_visit": "counting once per visit",
    "priority": "priority",
    "control_group_percent": "control group",
    "time_frame": "time frame",
    "audience": "target audience",
}


@dataclass
class BundleChanges:
    folder: str
    earlier: str  # "none", "read" or the sentence saying why it could not be read
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # "“A › B”: its design, its zone"
    campaigns_changed: list[str] = field(default_factory=list)  # "“A”: its priority"
    files_replaced: list[str] = field(default_factory=list)  # "old → new"
    files_added: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    files_kept: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def headline(self) -> str:
        """One line: how many engagements were added, removed and changed."""
        counts = [
            f"{len(items)} engagement{'s' * (len(items) != 1)} {verb}"
            for items, verb in (
                (self.added, "added"),
                (self.removed, "removed"),
                (self.changed, "changed"),
            )
            if items
        ]
        if not counts:
            return "No engagement changed"
        return ", ".join(counts)

    def sentences(self) -> list[str]:
        """The whole summary, a line each, as the designer reads it before confirming."""
        if self.earlier == "none":
            lines = [f"{self.folder} holds no bundle yet: everything is new."]
        elif self.earlier == "read":
            lines = [f"Against the bundle last written to {self.folder}:"]
        else:
            lines = [f"The bundle in {self.folder} could not be read ({self.earlier})."]
        engagements = [f"• Added: {n}" for n in self.added]
        engagements += [f"• Removed: {n}" for n in self.removed]
        engagements += [f"• Changed: {n}" for n in self.changed]
        engagements += [f"• Campaign changed: {n}" for n in self.campaigns_changed]
        if self.earlier == "read" and not engagements:
            engagements.append("• No engagement is added, removed or changed.")
        files = [f"• Replaced: {n}" for n in self.files_replaced]
        files += [f"• Added: {n}" for n in self.files_added]
        files += [f"• Removed: {n}" for n in self.files_removed]
        if self.files_kept:
            files.append(
                f"• {self.files_kept} file{'s' * (self.files_kept != 1)} stay as they are."
            )
        if engagements:
            lines += ["Engagements:", *engagements]
        if files:
            lines += ["Files:", *files]
        return lines


def _manifest(files: dict[str, bytes]) -> dict[str, Any] | None:
    for name, data in files.items():
        if name.startswith("engagements.") and name.endswith(".json"):
            try:
                manifest = json.loads(data)
            except (ValueError, RecursionError):
                return None
            return manifest if isinstance(manifest, dict) else None
    return None


def _engagements(manifest: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    """'Campaign › Engagement' -> the engagement's manifest entry."""
    if manifest is None:
        return {}
    campaigns = {
        c.get("id"): c.get("name", "") for c in manifest.get("campaigns", []) if isinstance(c, dict)
    }
    return {
        f"“{campaigns.get(e.get('campaign'), '')} › {e.get('name', '')}”": e
        for e in manifest.get("engagements", [])
        if isinstance(e, dict)
    }


def _changed_words(old: dict[str, Any], new: dict[str, Any], words: dict[str, str]) -> list[str]:
    return [f"its {w}" for key, w in words.items() if old.get(key) != new.get(key)]


def _campaigns(manifest: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    items = manifest.get("campaigns", []) if manifest else []
    return {f"“{c.get('name', '')}”": c for c in items if isinstance(c, dict)}


def _stem(name: str) -> str:
    """'engagements.1a2b3c4d5e.json' -> 'engagements.json': what a new hash replaces."""
    match = HASHED.search(name)
    if match is None or name.startswith("images/"):
        return name
    return name.replace(f".{match.group(1)}", "", 1)


def _files(changes: BundleChanges, old: dict[str, bytes], new: dict[str, bytes]) -> None:
    gone = {_stem(n): n for n in old if n not in new or old[n] != new[n]}
    for name, data in new.items():
        if old.get(name) == data:
            changes.files_kept += 1
        elif _stem(name) in gone:
            before = gone.pop(_stem(name))
            changes.files_replaced.append(name if before == name else f"{before} → {name}")
        else:
            changes.files_added.append(name)
    changes.files_removed = sorted(gone.values())


def bundle_changes(folder: str | Path, bundle: Bundle) -> BundleChanges:
    """What writing bundle to folder changes, against the bundle already there."""
    folder = Path(folder).expanduser()
    old: dict[str, bytes] = {}
    earlier = "none"
    if folder.exists():
        try:
            old = read_bundle(folder)
        except BundleError as e:
            earlier = str(e).rstrip(".")
        else:
            earlier = "read" if old else "none"
    changes = BundleChanges(str(folder), earlier)
    before, after = _engagements(_manifest(old)), _engagements(_manifest(bundle.files))
    changes.added = [n for n in after if n not in before]
    changes.removed = [n for n in before if n not in after]
    for name, entry in after.items():
        if name in before and (words := _changed_words(before[name], entry, ENGAGEMENT_WORDS)):
            changes.changed.append(f"{name}: {', '.join(words)}")
    old_campaigns = _campaigns(_manifest(old))
    for name, entry in _campaigns(_manifest(bundle.files)).items():
        if name in old_campaigns and (
            words := _changed_words(old_campaigns[name], entry, CAMPAIGN_WORDS)
        ):
            changes.campaigns_changed.append(f"{name}: {', '.join(words)}")
    _files(changes, old, bundle.files)
    return changes
