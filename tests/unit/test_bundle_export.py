"""Export on a real store: files, determinism, drafts, refusals, schema, CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from designer.bundle.build import build_bundle, bundle_files
from designer.bundle.errors import BundleError, ExportCancelled, ExportRefused
from designer.bundle.export import export
from designer.bundle.files import integrity, mime_type
from designer.bundle.manifest import schema_problems
from designer.cli import main
from designer.models import Campaign, Engagement
from designer.models.store import Store
from tests.unit.bundle_samples import add_picture


def manifest_of(files: dict[str, bytes]) -> dict:
    name = next(n for n in files if n.startswith("engagements.") and n.endswith(".json"))
    return json.loads(files[name])


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_export_writes_the_files_of_the_contract_with_hashed_names(
    store: Store, tmp_path: Path
) -> None:
    add_picture(store)
    result = export(store, None, tmp_path / "site")
    names = sorted(tree(tmp_path / "site"))
    assert "install.html" in names
    for pattern in ("tag.", "window.", "engagements."):
        assert any(n.startswith(pattern) for n in names)
    # The photo at three sizes (element, background, window header) and the agent picture.
    assert sum(n.startswith("images/") for n in names) == 8
    manifest = manifest_of(result.bundle.files)
    files = result.bundle.files
    assert files[manifest["files"]["window"]] and files[manifest["files"]["css"]]
    assert manifest["files"]["css_integrity"] == integrity(files[manifest["files"]["css"]])
    page = files["install.html"].decode()
    tag = next(n for n in names if n.startswith("tag."))
    assert (
        f'src="{tag}" integrity="{integrity(files[tag])}" crossorigin="anonymous"'
        in page.replace("&#34;", '"')
    )
    assert "width=device-width, initial-scale=1" in page
    assert "Exported 5 engagements of “Winter sale”" in result.in_words()


def test_image_properties_become_1x_and_2x_bundle_paths(store: Store) -> None:
    add_picture(store)
    files = bundle_files(store)
    rescue = next(e for e in manifest_of(files)["engagements"] if e["name"] == "Checkout rescue")
    image = rescue["designs"]["online"]["elements"][-1]["props"]["src"]
    assert image["src"].startswith("images/") and image["src2x"].endswith("@2x.jpg")
    assert files[image["src"]] != files[image["src2x"]]
    assert rescue["designs"]["online"]["props"]["background_image"]["src"] in files
    assert rescue["window"]["agent_picture"]["src2x"] in files
    assert mime_type(image["src"]) == "image/jpeg"
    assert mime_type("tag.0123456789.js").startswith("text/javascript")


def test_two_exports_are_byte_identical_as_folder_and_zip(store: Store, tmp_path: Path) -> None:
    add_picture(store)
    export(store, None, tmp_path / "a")
    export(store, None, tmp_path / "b")
    assert tree(tmp_path / "a") == tree(tmp_path / "b")
    export(store, None, tmp_path / "a.zip")
    export(store, None, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as z:
        infos = z.infolist()
        assert [i.filename for i in infos] == sorted(tree(tmp_path / "a"))
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert {n: z.read(n) for n in z.namelist()} == tree(tmp_path / "a")


def test_a_second_export_replaces_the_first_bundle_whole(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "site"
    export(store, None, out, include_drafts=True)
    first = set(tree(out))
    export(store, None, out)
    second = set(tree(out))
    assert first != second and len(second) == len(first)  # the old manifest is gone
    (out / "index.html").write_text("the site's own page")
    with pytest.raises(BundleError, match="already holds other files"):
        export(store, None, out)
    assert (out / "index.html").read_text() == "the site's own page"


def test_drafts_and_turned_off_engagements_only_with_include_drafts(store: Store) -> None:
    with store.edit() as s:
        s.query(Engagement).filter_by(name="Cart toaster").one().enabled = False
    plain = manifest_of(bundle_files(store))
    assert [c["name"] for c in plain["campaigns"]] == ["Winter sale"]
    assert "Cart toaster" not in {e["name"] for e in plain["engagements"]}
    assert "Help centre button" not in {e["name"] for e in plain["engagements"]}
    drafts = manifest_of(bundle_files(store, include_drafts=True))
    assert [c["name"] for c in drafts["campaigns"]] == ["Winter sale", "Customer care"]
    assert {"Cart toaster", "Help centre button"} <= {e["name"] for e in drafts["engagements"]}
    with pytest.raises(BundleError, match="“Customer care” is draft, so it is not exported"):
        bundle_files(store, ["Customer care"])
    with pytest.raises(BundleError, match="no campaign named “Summer”"):
        bundle_files(store, ["Summer"])


def test_export_refuses_error_problems_lists_them_and_writes_nothing(
    store: Store, tmp_path: Path
) -> None:
    with store.edit() as s:
        s.query(Engagement).filter_by(name="Free delivery banner").one().element_id = ""
        s.query(Campaign).filter_by(name="Winter sale").one().time_zone = "Mars/Olympus"
    with pytest.raises(ExportRefused) as refused:
        export(store, None, tmp_path / "site.zip")
    message = str(refused.value)
    assert message.startswith("Nothing was exported: 2 problems must be fixed first:")
    assert "Winter sale › Free delivery banner: An embedded engagement needs the id" in message
    assert "“Mars/Olympus” is not a time zone" in message
    assert len(refused.value.problems) == 2
    assert not (tmp_path / "site.zip").exists()


def test_a_problem_of_a_turned_off_engagement_does_not_block(store: Store) -> None:
    with store.edit() as s:
        banner = s.query(Engagement).filter_by(name="Free delivery banner").one()
        banner.element_id, banner.enabled = "", False
    assert "Free delivery banner" not in {
        e["name"] for e in manifest_of(bundle_files(store))["engagements"]
    }


def test_exported_manifest_fits_its_schema(store: Store) -> None:
    add_picture(store)
    manifest = manifest_of(bundle_files(store, include_drafts=True))
    assert schema_problems(manifest) == []
    assert manifest["format"] == "engagement-designer/manifest" and manifest["version"] == 1
    assert [e["id"] for e in manifest["engagements"]] == list(range(1, 7))
    manifest["engagements"][0]["zone"] = "middle"
    del manifest["account"]["currency"]
    problems = schema_problems(manifest)
    assert any("engagements/0/zone" in p for p in problems)
    assert any("'currency' is a required property" in p for p in problems)


def test_an_image_missing_from_the_store_is_a_sentence(store: Store) -> None:
    with store.edit() as s:
        e = s.query(Engagement).filter_by(name="Checkout rescue").one()
        designs = e.state_designs()
        designs.online.props["background_image"] = "C:/Users/me/photo.png"
        e.set_state_designs(designs)
    with pytest.raises(BundleError, match="Checkout rescue uses an image that is not in the store"):
        bundle_files(store)


def test_progress_is_reported_and_cancel_writes_nothing(store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    build_bundle(store, progress=lambda done, total, what: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)
    with pytest.raises(ExportCancelled, match="cancelled; nothing was written"):
        export(store, None, tmp_path / "site", cancel=lambda: True)
    assert not (tmp_path / "site").exists()


def test_a_missing_runtime_file_is_a_sentence() -> None:
    from designer.bundle.build import runtime_file

    assert runtime_file("tag.js")
    with pytest.raises(BundleError, match=r"runtime file panel\.js is missing .* Reinstall"):
        runtime_file("panel.js")


def test_cli_export_prints_what_it_wrote_and_errors_exit_2(
    store_path: Path, tmp_path: Path, capsys
) -> None:
    Store.open(store_path).close()
    out = tmp_path / "bundle.zip"
    assert main(["export", "--store", str(store_path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"to {out}" in printed and "install.html" in printed
    assert out.exists()
    code = main(
        ["export", "--store", str(store_path), "--campaign", "Customer care", "--out", str(out)]
    )
    assert code == 2
    assert "“Customer care” is draft" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                "--store",
                str(store_path),
                "--campaign",
                "Customer care",
                "--include-drafts",
                "--out",
                str(tmp_path / "drafts"),
            ]
        )
        == 0
    )


def test_a_destination_that_cannot_be_a_bundle_is_a_sentence(store: Store, tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    with pytest.raises(BundleError, match="is a file; choose a folder, or a name ending in .zip"):
        export(store, None, a_file)
    with pytest.raises(BundleError, match="could not be written to"):
        export(store, None, a_file / "bundle.zip")
    (tmp_path / "folder.zip").mkdir()
    with pytest.raises(BundleError, match="is a folder; choose a file name ending in .zip"):
        export(store, None, tmp_path / "folder.zip")
    assert a_file.read_text() == "mine"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_preview_files_hold_work_in_progress_with_its_images(store: Store) -> None:
    from designer.preview.store_bundle import preview_bundle as preview_files

    add_picture(store)
    with store.edit() as s:
        s.query(Campaign).filter_by(name="Winter sale").one().status = "disabled"
        banner = s.query(Engagement).filter_by(name="Free delivery banner").one()
        banner.element_id = ""  # an error problem: an export would refuse
        e = s.query(Engagement).filter_by(name="Product expert").one()
        designs = e.state_designs()
        designs.online.props["background_image"] = "asset:" + "0" * 64  # gone from the store
        e.set_state_designs(designs)
        care_id = s.query(Campaign).filter_by(name="Customer care").one().id
    files = preview_files(store)
    manifest = manifest_of(files)
    assert [c["status"] for c in manifest["campaigns"]] == ["disabled", "draft"]
    rescue = next(e for e in manifest["engagements"] if e["name"] == "Checkout rescue")
    assert rescue["designs"]["online"]["props"]["background_image"]["src"] in files
    expert = next(e for e in manifest["engagements"] if e["name"] == "Product expert")
    assert expert["designs"]["online"]["props"]["background_image"] == ""
    assert [c["name"] for c in manifest_of(preview_files(store, [care_id]))["campaigns"]] == [
        "Customer care"
    ]


def test_a_value_outside_the_vocabulary_is_refused_not_exported(store: Store) -> None:
    with store.edit() as s:  # as another tool might have written it
        s.query(Campaign).filter_by(name="Winter sale").one().goal = "revenue"
    with pytest.raises(BundleError) as refused:
        bundle_files(store)
    assert "values a bundle cannot carry" in str(refused.value)
    assert "“Winter sale”, goal: 'revenue' is not one of" in str(refused.value)


EXPORT_IN_A_NEW_PROCESS = """
import sys
from designer.bundle.export import export
from designer.models.store import Store
export(Store.open(sys.argv[1]), None, sys.argv[2], include_drafts=True)
"""


@pytest.mark.slow
def test_exports_from_separate_processes_are_byte_identical(store: Store, tmp_path: Path) -> None:
    """Hash randomisation differs per process; no set or dict order may reach the bytes."""
    add_picture(store)
    store.close()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [
                sys.executable,
                "-c",
                EXPORT_IN_A_NEW_PROCESS,
                str(store.path),
                str(tmp_path / f"{seed}.zip"),
            ],
            check=True,
            env=env,
            cwd=Path(__file__).parents[2],
        )
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
