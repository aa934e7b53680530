"""The command line's headless verbs on a real store."""

from __future__ import annotations

from pathlib import Path

from designer.cli import main


def test_list_shows_sample_campaigns_of_the_default_store(
    _isolated_default_store: Path, capsys
) -> None:
    assert main(["list"]) == 2  # the command line never makes the default store
    assert f"There is no campaign store at {_isolated_default_store}" in capsys.readouterr().err
    assert not _isolated_default_store.exists()
    assert main(["new-store", str(_isolated_default_store), "--sample"]) == 0
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Winter sale\tpublished\tsell\thigh priority\t5 engagements" in out
    assert "Customer care\tdraft" in out


def test_new_store_without_sample_is_empty_and_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    path = tmp_path / "team.sqlite"
    assert main(["new-store", str(path)]) == 0
    assert main(["list", "--store", str(path)]) == 0
    assert "no campaigns yet" in capsys.readouterr().out
    before = path.read_bytes()
    assert main(["new-store", str(path), "--sample"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_validate_exits_1_on_an_error(tmp_path: Path, capsys) -> None:
    from designer.models import Engagement
    from designer.models.store import Store

    path = tmp_path / "s.sqlite"
    store = Store.open(path)
    assert main(["validate", "--store", str(path)]) == 0
    with store.edit() as s:
        e = s.query(Engagement).filter_by(name="Free delivery banner").one()
        e.element_id = ""
    store.close()
    assert main(["validate", "--store", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Free delivery banner: An embedded engagement needs the id of the page element" in out
    assert "1 errors" in out
