"""Import: round trips into real stores, and bad bundles refused with the store unchanged."""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from designer.bundle.build import bundle_files
from designer.bundle.errors import BundleError, ImportCancelled
from designer.bundle.export import export
from designer.bundle.files import hashed_name, zip_bytes
from designer.bundle.importer import check_bundle, import_bundle
from designer.cli import main
from designer.models import Behavior, Campaign, Engagement, EntryPoint, Holiday, Skill
from designer.models.store import Store
from tests.unit.bundle_samples import add_picture, encoded, jpeg_with_gps, picture
from tests.unit.hostile_bundles import (
    edited,
    lying_sizes,
    manifest_name,
    with_manifest,
    zip_with,
)


@pytest.fixture(scope="module")
def good_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The sample store's bundle, drafts and images included (built once for the module)."""
    store = Store.open(tmp_path_factory.mktemp("source") / "source.sqlite")
    add_picture(store)
    with store.edit() as s:  # the rarer parts of a store, so the round trip covers them
        sales = s.query(Skill).filter_by(name="Sales").one()
        s.add(Holiday(day=date(2026, 12, 26), name="Boxing Day", skill_id=sales.id))
        s.add(Holiday(day=date(2027, 1, 1), name="New Year"))
        s.query(Behavior).filter_by(name="Lingering at checkout").one().conditions = [
            {"type": "visited_entry_point", "entry_point": "Help centre", "mode": "visited"}
        ]
        s.query(Campaign).filter_by(name="Customer care").one().audience = None
        toaster = s.query(Engagement).filter_by(name="Cart toaster").one()
        toaster.enabled = False
        designs = toaster.state_designs()
        designs.busy = designs.online.copy()
        designs.busy.props["background_color"] = "#444444"
        toaster.set_state_designs(designs)
    files = bundle_files(store, include_drafts=True)
    store.close()
    return files


def rows(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one()
            for t in store.table_names()
        }


def test_round_trip_gives_identical_bytes(good_files: dict, tmp_path: Path) -> None:
    (tmp_path / "bundle.zip").write_bytes(zip_bytes(good_files))
    target = Store.open(tmp_path / "new.sqlite", seed=False)
    result = import_bundle(target, tmp_path / "bundle.zip")
    assert result.campaigns == ["Winter sale", "Customer care"]
    assert result.engagements == 6 and result.images == 4
    assert "Imported “Winter sale”, “Customer care” (6 engagements, 4 images)" in result.in_words(
        "x"
    )
    assert bundle_files(target, include_drafts=True) == good_files
    with target.read() as s:
        assert s.query(Campaign).filter_by(name="Customer care").one().status == "draft"
        assert s.query(Engagement).filter_by(name="Cart toaster").one().enabled is False
        assert {h.name for h in s.query(Holiday)} == {"Boxing Day", "New Year"}
        assert s.query(EntryPoint).filter_by(name="Help centre").one()  # named by a behavior
    export(target, None, tmp_path / "again")
    assert import_bundle(Store.open(tmp_path / "third.sqlite", seed=False), tmp_path / "again")


def test_import_into_a_store_with_the_same_names_adds_beside_them(
    good_files: dict, store: Store, tmp_path: Path
) -> None:
    (tmp_path / "b.zip").write_bytes(zip_bytes(good_files))
    with store.edit() as s:
        s.query(EntryPoint).filter_by(name="Cart").one().rules = [
            {"match": "equals", "value": "/basket", "exclude": False}
        ]
    before = rows(store)
    result = import_bundle(store, tmp_path / "b.zip")
    assert result.campaigns == ["Winter sale (imported)", "Customer care (imported)"]
    words = result.in_words(store.label)
    assert "account settings and shift scheduler were kept" in words
    assert "“Cart” already differs in this store, so it was added as “Cart (imported)”" in words
    after = rows(store)
    assert after["campaigns"] == before["campaigns"] + 2
    assert after["entry_points"] == before["entry_points"] + 1  # the same ones are shared
    assert after["working_shifts"] == before["working_shifts"]


def test_two_stores_with_the_same_campaigns_export_the_same_bytes(tmp_path: Path) -> None:
    first = Store.open(tmp_path / "first.sqlite")
    second = Store.open(tmp_path / "second.sqlite")
    with second.edit() as s:  # a record made and deleted leaves gaps in the store ids
        s.add(EntryPoint(name="Old", rules=[]))
    with second.edit() as s:
        s.delete(s.query(EntryPoint).filter_by(name="Old").one())
    assert bundle_files(first) == bundle_files(second)


def test_import_reports_progress_and_cancel_leaves_the_store_as_it_was(
    good_files: dict, target: Store, tmp_path: Path
) -> None:
    (tmp_path / "b.zip").write_bytes(zip_bytes(good_files))
    before = rows(target)
    seen: list[tuple[int, int, str]] = []

    def cancel_at_the_fourth() -> bool:
        return len(seen) >= 4

    with pytest.raises(ImportCancelled, match="the store is as it was before"):
        import_bundle(target, tmp_path / "b.zip", lambda *a: seen.append(a), cancel_at_the_fourth)
    assert rows(target) == before
    assert seen[0] == (0, 6, "Winter sale (imported) › Message us button")


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = 0o120777 << 16
    return info


def _bad_bundles(good: dict[str, bytes]) -> dict[str, tuple]:
    """name -> (a maker of zip bytes or a files dict, words the refusal must hold)."""
    window = next(n for n in good if n.startswith("window."))
    image = next(n for n in good if n.startswith("images/") and "@2x" in n)
    listed = list(good.items())
    changed_window = dict(good)
    changed_window[window] = good[window] + b"\n// changed"
    other_window = hashed_name("window", "js", good[window] + b" ")
    renamed_window = edited(good, lambda m: m["files"].update(window=other_window))
    renamed_window[other_window] = good[window] + b" "  # named right, integrity value stale
    gps_image = dict(good)
    gps_image[image] = jpeg_with_gps()
    many = [(f"images/{i:010x}.png", os.urandom(64)) for i in range(11)]
    return {
        "path traversal": (
            lambda: zip_with([*listed, ("../../evil.js", b"alert(1)")]),
            "points outside",
        ),
        "absolute path": (lambda: zip_with([*listed, ("/etc/cron.d/x", b"x")]), "points outside"),
        "windows drive": (lambda: zip_with([*listed, ("C:/evil.js", b"x")]), "points outside"),
        "backslashes": (lambda: zip_with([*listed, ("..\\evil.js", b"x")]), "points outside"),
        "symlink": (
            lambda: zip_with([*listed, (_symlink("images/0123456789.png"), b"/etc/passwd")]),
            "is a link",
        ),
        "zip bomb": (
            lambda: zip_with([*listed, ("images/0123456789.png", bytes(26 * 1024 * 1024))]),
            "zip bomb",
        ),
        # zipfile stops at the declared size; the cut member then fails its CRC check.
        "lying sizes": (lambda: lying_sizes(zip_with(listed), 100), "is damaged"),
        "declared total": (lambda: lying_sizes(zip_with(many), 24 * 1024 * 1024), "zip bomb"),
        "not a zip": (lambda: os.urandom(2048), "not a zip file"),
        "cut short": (lambda: zip_bytes(good)[:5000], "not a zip file"),
        "no manifest": (
            lambda: {n: d for n, d in good.items() if n != manifest_name(good)},
            "no engagements",
        ),
        "malformed json": (
            lambda: with_manifest(good, b'{"format": "engagement-designer/manifest",'),
            "not valid JSON",
        ),
        "not utf-8": (lambda: with_manifest(good, b"\xff\xfe{}"), "not UTF-8"),
        "deep json": (
            lambda: with_manifest(good, b"[" * 100000 + b"]" * 100000),
            "nested 100,000 levels deep in its manifest",
        ),
        "wrong format": (
            lambda: edited(good, lambda m: m.update(format="other/app")),
            "not an Engagement Designer bundle",
        ),
        "newer version": (
            lambda: edited(good, lambda m: m.update(version=2)),
            "newer version of Engagement Designer",
        ),
        "schema": (
            lambda: edited(good, lambda m: m["engagements"][0].update(zone="middle")),
            "engagements/0/zone",
        ),
        "unknown campaign": (
            lambda: edited(good, lambda m: m["engagements"][0].update(campaign=99)),
            "names a campaign it lacks",
        ),
        "missing window": (
            lambda: {n: d for n, d in good.items() if n != window},
            "which is missing",
        ),
        "missing image": (lambda: {n: d for n, d in good.items() if n != image}, "is missing"),
        "changed file": (lambda: changed_window, "does not match its name"),
        "integrity mismatch": (lambda: renamed_window, "integrity value"),
        "image with metadata": (lambda: gps_image, "not an image Engagement Designer writes"),
    }


BAD = [
    "path traversal",
    "absolute path",
    "windows drive",
    "backslashes",
    "symlink",
    "zip bomb",
    "lying sizes",
    "declared total",
    "not a zip",
    "cut short",
    "no manifest",
    "malformed json",
    "not utf-8",
    "deep json",
    "wrong format",
    "newer version",
    "schema",
    "unknown campaign",
    "missing window",
    "missing image",
    "changed file",
    "integrity mismatch",
    "image with metadata",
]


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A sample store every bad bundle is tried on (each refusal leaves it as it was)."""
    store = Store.open(tmp_path_factory.mktemp("target") / "target.sqlite")
    yield store
    store.close()


@pytest.mark.parametrize("case", BAD)
def test_bad_bundle_is_refused_with_a_sentence_and_the_store_unchanged(
    case: str, good_files: dict, target: Store, tmp_path: Path
) -> None:
    make, words = _bad_bundles(good_files)[case]
    bundle = make()
    path = tmp_path / "bad.zip"
    path.write_bytes(bundle if isinstance(bundle, bytes) else zip_bytes(bundle))
    before = rows(target)
    with pytest.raises(BundleError) as refused:
        import_bundle(target, path)
    assert words in str(refused.value)
    assert str(refused.value).rstrip().endswith(".")
    assert rows(target) == before


def test_a_bundle_image_carrying_metadata_under_its_own_name_is_refused(
    good_files: dict, store: Store, tmp_path: Path
) -> None:
    sneaky = encoded(picture((40, 30)), "JPEG", comment=b"secret")
    name = f"images/{hashed_name('x', 'jpg', sneaky).split('.')[1]}.jpg"
    files = edited(
        {**good_files, name: sneaky, name.replace(".jpg", "@2x.jpg"): sneaky},
        lambda m: m["engagements"][0]["designs"]["online"]["props"].update(
            background_image={"src": name, "src2x": name.replace(".jpg", "@2x.jpg")}
        ),
    )
    (tmp_path / "b.zip").write_bytes(zip_bytes(files))
    before = rows(store)
    with pytest.raises(BundleError, match="not an image Engagement Designer writes"):
        import_bundle(store, tmp_path / "b.zip")
    assert rows(store) == before


def test_cli_import(good_files: dict, tmp_path: Path, capsys) -> None:
    (tmp_path / "b.zip").write_bytes(zip_bytes(good_files))
    target = tmp_path / "imported.sqlite"
    assert main(["import", str(tmp_path / "b.zip"), "--store", str(target), "--create"]) == 0
    assert "Imported “Winter sale”, “Customer care”" in capsys.readouterr().out
    assert main(["import", str(tmp_path / "none.zip"), "--store", str(target)]) == 2
    assert "does not exist; choose a bundle folder or .zip file." in capsys.readouterr().err


def test_a_bundle_is_checked_whole_before_a_store_is_needed(
    good_files: dict, tmp_path: Path
) -> None:
    """A caller that makes a new store for an import checks the bundle first, so a refused
    bundle leaves no store file behind; the checked bundle is not used up by an import."""
    bad = edited(good_files, lambda m: m["campaigns"][0].update(name="Winter\x00sale"))
    (tmp_path / "bad.zip").write_bytes(zip_bytes(bad))
    with pytest.raises(BundleError, match=r"U\+0000, which is not text, at campaigns/0/name"):
        check_bundle(tmp_path / "bad.zip")
    (tmp_path / "good.zip").write_bytes(zip_bytes(good_files))
    checked = check_bundle(tmp_path / "good.zip")
    for n in (1, 2):
        store = Store.open(tmp_path / f"new-{n}.sqlite", seed=False)
        assert import_bundle(store, checked).campaigns == ["Winter sale", "Customer care"]
        assert bundle_files(store, include_drafts=True) == good_files
        store.close()


def test_a_pipe_or_a_device_given_as_the_bundle_is_refused_without_reading_it(
    tmp_path: Path,
) -> None:
    pipe = tmp_path / "bundle.zip"
    os.mkfifo(pipe)
    # Held open for writing, so a regression that opened the pipe would fail, not hang.
    writer = os.open(pipe, os.O_RDWR)
    try:
        for path in (pipe, Path("/dev/zero")):
            with pytest.raises(BundleError, match="a device, pipe or socket is never read"):
                check_bundle(path)
    finally:
        os.close(writer)
