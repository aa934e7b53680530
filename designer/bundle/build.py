"""The whole bundle in memory, {path: bytes}: what export writes and the preview serves.

`bundle_files` chooses the campaigns, refuses those with error-level
problems, runs the images through the pipeline and renders the manifest,
CSS and install page. No file is touched; `export.py` writes the result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from designer.bundle import files as bf
from designer.bundle.errors import BundleError, ExportCancelled, ExportRefused
from designer.bundle.images import ImageError, pair_sizes, sized_pair
from designer.bundle.manifest import build_manifest, check_exportable, exported_engagements
from designer.bundle.runtime_scripts import runtime_file
from designer.bundle.templating import render
from designer.models.assets import assets_by_sha, sha256_of_ref
from designer.models.campaign import Campaign
from designer.models.design_checks import TextMeasure
from designer.models.engagement import Engagement
from designer.models.formats import FORMATS
from designer.models.store import Store
from designer.models.validation import ERROR, Problem, campaign_problems, validate
from designer.models.vocabulary import CampaignStatus
from designer.models.window_library import linked_id, window_design_of

Progress = Callable[[int, int, str], None]  # (done, total, what is being done)
Cancel = Callable[[], bool]  # True once the user asked to stop
VIEWPORT_META = '<meta name="viewport" content="width=device-width, initial-scale=1">'
FILE_WORDS = {
    "tag": "the engagement tag: loads first and decides what shows",
    "draw": "draws the engagements, loaded with the styles once one is to show",
    "window": "the conversation window, loaded on the first click",
    "engagements.json": "your campaigns and designs (the manifest)",
    "engagements.css": "base styles of engagements and the window",
}


@dataclass
class Bundle:
    """A built bundle: its files and what it holds, for the words shown after an export."""

    files: dict[str, bytes]
    campaigns: list[str] = field(default_factory=list)
    engagements: int = 0
    images: int = 0

    @property
    def manifest_name(self) -> str:
        return next(n for n in self.files if n.startswith("engagements.") and n.endswith(".json"))


def choose_campaigns(
    session: Session,
    names: list[str] | None,
    include_drafts: bool,
    preview_ids: list[int] | None = None,
) -> list[Campaign]:
    """The campaigns to export: the named ones, or every published one (and drafts).

    preview_ids: for a preview, those campaigns (every one when empty), whatever their status.
    """
    query = select(Campaign).options(
        selectinload(Campaign.engagements).selectinload(Engagement.entry_point),
        selectinload(Campaign.engagements).selectinload(Engagement.behavior),
        selectinload(Campaign.audience),
    )
    everything = session.scalars(query.order_by(Campaign.id)).all()
    if preview_ids is not None:
        return [c for c in everything if c.id in preview_ids or not preview_ids]
    statuses = (
        (CampaignStatus.PUBLISHED, CampaignStatus.DRAFT)
        if include_drafts
        else (CampaignStatus.PUBLISHED,)
    )
    if names is None:
        return [c for c in everything if c.status in statuses]
    by_name = {c.name: c for c in everything}
    chosen = []
    for name in dict.fromkeys(names):
        campaign = by_name.get(name)
        if campaign is None:
            known = ", ".join(f"“{c.name}”" for c in everything) or "none"
            raise BundleError(f"There is no campaign named “{name}”; the store has {known}.")
        if campaign.status not in statuses:
            hint = "publish it" if campaign.status == CampaignStatus.DRAFT else "turn it back on"
            raise BundleError(
                f"“{name}” is {campaign.status}, so it is not exported; {hint}, "
                "or export with drafts included."
            )
        chosen.append(campaign)
    return chosen


def refusals(
    session: Session,
    campaigns: list[Campaign],
    include_drafts: bool,
    measure: TextMeasure | None = None,
) -> list[Problem]:
    """The error-level problems of what would be exported (each listed once)."""
    found: dict[str, Problem] = {}
    everything = [p for p in validate(session, measure) if p.severity == ERROR] if campaigns else []
    for c in campaigns:
        exported = exported_engagements(c, include_drafts)
        # an engagement's problems, and a library window design's, count when it is exported
        counted = {("engagement", e.id) for e in exported}
        counted |= {("window", linked_id(e)) for e in exported}
        for p in campaign_problems(session, c, everything):
            if (
                p.where.entity not in ("engagement", "window")
                or (p.where.entity, p.where.id) in counted
            ):
                found.setdefault(str(p), p)
    return list(found.values())


class _Images:
    """Turns image references into bundle files, once per (asset, size)."""

    def __init__(
        self, session: Session, refs: set[str], files: dict[str, bytes], strict: bool
    ) -> None:
        self.assets = assets_by_sha(session, refs)
        self.files = files
        self.strict = strict  # False for a preview: a bad image shows as none
        self.done: dict[tuple[str, tuple], dict[str, str]] = {}

    def __call__(self, value: str, box: tuple[int, int], where: str) -> Any:
        if not value:
            return ""
        sha = sha256_of_ref(value)
        asset = self.assets.get(sha or "")
        if asset is None:
            if not self.strict:
                return ""
            raise BundleError(
                f"{where} uses an image that is not in the store ({value[:60]}); "
                "choose the image again in the studio."
            )
        key = (asset.sha256, pair_sizes(asset.data, box) or box)
        if key not in self.done:
            try:
                one_x, two_x = sized_pair(asset.data, box, asset.name or "An image")
            except ImageError as e:
                if not self.strict:
                    return ""
                raise BundleError(f"{where}: {e}") from None
            h = bf.short_hash(one_x.data)
            src, src2x = f"images/{h}.{one_x.extension}", f"images/{h}@2x.{two_x.extension}"
            self.files[src], self.files[src2x] = one_x.data, two_x.data
            self.done[key] = {"src": src, "src2x": src2x}
        return dict(self.done[key])


def _image_refs(campaigns: list[Campaign]) -> set[str]:
    text = json.dumps(
        [
            [e.designs, window_design_of(Session.object_session(e), e).to_dict()]
            for c in campaigns
            for e in c.engagements
        ]
    )
    found, at = set(), text.find('"asset:')
    while at >= 0:
        end = text.find('"', at + 1)
        found.add(text[at + 7 : end])
        at = text.find('"asset:', end + 1)
    return found


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    text = json.dumps(
        manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )
    return (text + "\n").encode("utf-8")


def _install_page(
    files: dict[str, bytes], manifest: dict[str, Any], names: dict[str, str]
) -> bytes:
    tag, manifest_name = names["tag"], names["manifest"]
    snippet = (
        f'<script async src="{tag}" integrity="{bf.integrity(files[tag])}" '
        f'crossorigin="anonymous" data-manifest="{manifest_name}" '
        f'data-manifest-integrity="{bf.integrity(files[manifest_name])}"></script>'
    )
    images = [n for n in files if n.startswith("images/")]
    listed = [
        {"name": names[key], "size": bf.human_size(len(files[names[key]])), "what": words}
        for key, words in (
            ("tag", FILE_WORDS["tag"]),
            ("draw", FILE_WORDS["draw"]),
            ("window", FILE_WORDS["window"]),
            ("manifest", FILE_WORDS["engagements.json"]),
            ("css", FILE_WORDS["engagements.css"]),
        )
    ]
    if images:
        size = bf.human_size(sum(len(files[n]) for n in images))
        listed.append(
            {"name": "images/", "size": size, "what": f"{len(images) // 2} images, at 1x and 2x"}
        )
    engagements = manifest["engagements"]
    campaigns = [
        {
            "name": c["name"],
            "status": c.get("status", CampaignStatus.PUBLISHED.value),
            "priority": c["priority"],
            "engagements": [
                {
                    "name": e["name"],
                    "format": e["format"].replace("_", " "),
                    "zone": e["zone_key"].replace("embedded:", "page element ")
                    if e["zone"] == "embedded"
                    else f"{e['zone']} zone",
                    "enabled": e.get("enabled", True),
                }
                for e in engagements
                if e["campaign"] == c["id"]
            ],
        }
        for c in manifest["campaigns"]
    ]
    element_ids = sorted({e["element_id"] for e in engagements if e["zone"] == "embedded"})
    page = render(
        "install.html.j2",
        tag=tag,
        snippet=snippet,
        viewport_meta=VIEWPORT_META,
        element_ids=element_ids,
        campaigns=campaigns,
        files=listed,
        phone_sizes=_phone_sizes(),
        not_on_phones=_not_on_phones(),
    )
    return page.encode("utf-8")


def _phone_sizes() -> str:
    """The formats' mobile guidelines in words: "an overlay of 440 × 305 pixels and …"."""
    sizes = [
        f"{f.a_noun} of {g.width} × {g.height} pixels"
        if g.height
        else f"{f.a_noun} {g.width} pixels wide"
        for f in FORMATS.values()
        if (g := f.mobile) is not None
    ]
    return _listed(sizes)


def _listed(words: list[str]) -> str:
    """ "a, b and c"."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


def _not_on_phones() -> str:
    """The formats phones do not show, in words: "A toaster is not accessible on mobile web…"."""
    hidden = [f.a_noun for f in FORMATS.values() if not f.on_phones]
    if not hidden:
        return ""
    names = _listed(hidden)
    verb = "is" if len(hidden) == 1 else "are"
    return (
        f"{names[0].upper()}{names[1:]} {verb} not accessible on mobile web, "
        "so prefer another format there."
    )


def css_bytes() -> bytes:
    text = render(
        "engagements.css.j2",
        focus_width=3,
        focus_color="#1a56db",
        send_color="#1a56db",
    )
    return text.encode("utf-8")


def runtime_files() -> tuple[dict[str, str], dict[str, bytes]]:
    """The files every bundle holds whatever its campaigns: {key: name} for "tag", "draw",
    "window" and "css", and {name: bytes}."""
    data = {key: runtime_file(f"{key}.js") for key in ("tag", "draw", "window")}
    data["css"] = css_bytes()
    names = {
        key: bf.hashed_name(
            "engagements" if key == "css" else key, "css" if key == "css" else "js", b
        )
        for key, b in data.items()
    }
    return names, {names[key]: b for key, b in data.items()}


def manifest_files(names: dict[str, str], files: dict[str, bytes]) -> dict[str, str]:
    """The manifest's `files`: the names and integrity values of what the tag loads later."""
    out = {}
    for key in ("draw", "window", "css"):
        out[key] = names[key]
        out[f"{key}_integrity"] = bf.integrity(files[names[key]])
    return out


def build_bundle(
    store: Store,
    campaign_names: list[str] | None = None,
    include_drafts: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    refuse_problems: bool = True,
    preview_ids: list[int] | None = None,
    measure: TextMeasure | None = None,
) -> Bundle:
    """Build every file of the bundle in memory; raises BundleError (nothing written).

    refuse_problems=False builds despite problems, leaving out images it cannot use.
    measure: the views' text measure; with it, text the browser would cut off is refused.
    """
    names, files = runtime_files()
    with store.read() as session:
        campaigns = choose_campaigns(session, campaign_names, include_drafts, preview_ids)
        if refuse_problems and (problems := refusals(session, campaigns, include_drafts, measure)):
            raise ExportRefused(problems)
        images = _Images(session, _image_refs(campaigns), files, refuse_problems)
        total = sum(len(exported_engagements(c, include_drafts)) for c in campaigns)
        done = 0

        def step(engagement: Engagement) -> None:
            nonlocal done
            if cancel is not None and cancel():
                raise ExportCancelled()
            if progress is not None:
                progress(done, total, f"{engagement.campaign.name} › {engagement.name}")
            done += 1

        manifest = build_manifest(
            session,
            campaigns,
            manifest_files(names, files),
            images,
            include_drafts,
            step,
        )
        if progress is not None:
            progress(total, total, "Writing the manifest")
        if cancel is not None and cancel():
            raise ExportCancelled()
    if refuse_problems:
        check_exportable(manifest)
    data = manifest_bytes(manifest)
    names["manifest"] = bf.hashed_name("engagements", "json", data)
    files[names["manifest"]] = data
    files[bf.INSTALL] = _install_page(files, manifest, names)
    return Bundle(
        dict(sorted(files.items())),
        [c["name"] for c in manifest["campaigns"]],
        len(manifest["engagements"]),
        len(images.done),
    )


def bundle_files(
    store: Store,
    campaign_names: list[str] | None = None,
    include_drafts: bool = False,
    refuse_problems: bool = True,
) -> dict[str, bytes]:
    """{path: bytes} of the whole bundle, for serving from memory (see files.mime_type)."""
    return build_bundle(
        store, campaign_names, include_drafts, refuse_problems=refuse_problems
    ).files
