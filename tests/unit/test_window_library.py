"""The engagement window library: named window designs shared by engagements, resolved on export."""

from __future__ import annotations

import json

from sqlalchemy import select

from designer.bundle.build import build_bundle
from designer.bundle.importer import import_bundle
from designer.models import Engagement, LibraryWindow
from designer.models.design import WindowDesign
from designer.models.store import Store
from designer.models.window_library import (
    link,
    linked_id,
    window_design_of,
)


def _manifest(files: dict[str, bytes]) -> dict:
    name = next(n for n in files if n.startswith("engagements.") and n.endswith(".json"))
    return json.loads(files[name])


def _shared(store: Store, names: tuple[str, ...]) -> int:
    """A library design "Brand window" linked by the engagements called names."""
    with store.edit() as s:
        design = WindowDesign()
        design.props.update(header_text="Talk to Northwind", theme="dark", header_color="#0b3a9e")
        item = LibraryWindow(name="Brand window", design=design.to_dict())
        s.add(item)
        s.flush()
        for e in s.scalars(select(Engagement).where(Engagement.name.in_(names))):
            link(e, item)
        return item.id


def _imported_rescue(files: dict[str, bytes], tmp_path) -> WindowDesign:
    """The window design "Checkout rescue" shows once the bundle files are imported anew."""
    folder = tmp_path / "site"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    other = Store.open(tmp_path / "other.sqlite", seed=False)
    import_bundle(other, folder)
    with other.read() as s:
        e = s.scalars(select(Engagement).where(Engagement.name == "Checkout rescue")).one()
        design = window_design_of(s, e)
    other.close()
    return design


def test_engagements_linking_a_design_show_it_and_are_its_users(store: Store) -> None:
    item_id = _shared(store, ("Checkout rescue", "Product expert"))
    with store.read() as s:
        item = s.get(LibraryWindow, item_id)
        assert [e.name for e in item.used_by()] == ["Checkout rescue", "Product expert"]
        for e in item.used_by():
            assert window_design_of(s, e).props["header_text"] == "Talk to Northwind"
        other = s.scalars(select(Engagement).where(Engagement.name == "Cart toaster")).one()
        assert linked_id(other) is None  # keeps its own
        assert window_design_of(s, other).props["header_text"] != "Talk to Northwind"


def test_export_writes_the_library_design_into_each_engagement_as_before(store: Store) -> None:
    _shared(store, ("Checkout rescue",))
    with store.edit() as s:  # a change to the library design reaches the engagement's export
        item = s.scalars(select(LibraryWindow)).one()
        item.design = WindowDesign.from_dict(
            {"props": item.design["props"] | {"header_text": "Ask Ana"}}
        ).to_dict()
    manifest = _manifest(build_bundle(store, include_drafts=True).files)
    windows = {e["name"]: e["window"] for e in manifest["engagements"]}
    assert windows["Checkout rescue"]["header_text"] == "Ask Ana"
    assert windows["Checkout rescue"]["theme"] == "dark"
    assert "library" not in windows["Checkout rescue"]  # the runtime's format is unchanged


def test_a_bundle_with_a_library_design_imports_back_with_the_design(
    store: Store, tmp_path
) -> None:
    _shared(store, ("Checkout rescue",))
    design = _imported_rescue(build_bundle(store, include_drafts=True).files, tmp_path)
    assert design.props["header_text"] == "Talk to Northwind"


def test_window_elements_are_kept_checked_exported_and_imported_back(
    store: Store, tmp_path
) -> None:
    raw = {
        "props": {"header_text": "Talk to Northwind"},
        "elements": [
            {"id": "text1", "kind": "text", "props": {"text": "Open 9 to 17", "x": 24, "y": 380}},
            {"id": "close1", "kind": "close", "props": {}},  # not a kind the window takes
            "not an element",
        ],
    }
    design = WindowDesign.from_dict(raw)
    assert [(e.id, e.props["text"], e.props["y"]) for e in design.elements] == [
        ("text1", "Open 9 to 17", 380)
    ]
    assert "elements" not in WindowDesign().to_dict()  # a design without any keeps its record
    item_id = _shared(store, ("Checkout rescue",))
    with store.edit() as s:
        s.get(LibraryWindow, item_id).design = design.to_dict()
        assert "1 added element" in s.get(LibraryWindow, item_id).in_words()
    files = build_bundle(store, include_drafts=True).files
    engagements = {e["name"]: e for e in _manifest(files)["engagements"]}
    (added,) = engagements["Checkout rescue"]["window_elements"]
    assert (added["kind"], added["props"]["text"], added["props"]["x"]) == (
        "text",
        "Open 9 to 17",
        24,
    )
    assert engagements["Cart toaster"]["window_elements"] == []
    design = _imported_rescue(files, tmp_path)
    assert [el.props["text"] for el in design.elements] == ["Open 9 to 17"]
