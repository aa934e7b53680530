"""Text the browser would cut off is refused by the command line as by the app: `validate`
names it and exits 1, `export` writes nothing. Measured with the studio's own text measure
(Qt's font engine, offscreen), in a real process with no display."""

from __future__ import annotations

from pathlib import Path

from designer.models import Engagement
from designer.models.store import Store
from tests.unit.cli_run import run_cli

CUT = "Message us button: The online design's text is cut off: make the box wider or the text shorter."


def store_with_label(path: Path, label: str) -> None:
    """The sample store, its sticky button's label replaced by label."""
    store = Store.open(path)
    with store.edit() as s:
        e = s.query(Engagement).filter_by(name="Message us button").one()
        designs = e.state_designs()
        text = next(el for el in designs.online.elements if el.kind == "text")
        text.props["text"] = label
        e.set_state_designs(designs)
    store.close()


def test_validate_names_a_label_cut_off_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store_with_label(path, "Chat with Sales")
    result = run_cli("validate", "--store", path, drop=("DISPLAY", "WAYLAND_DISPLAY"))
    assert result.returncode == 1, result.stderr
    assert CUT in result.stdout
    assert "Traceback" not in result.stderr

    store_with_label(path, "Chat")
    result = run_cli("validate", "--store", path, drop=("DISPLAY", "WAYLAND_DISPLAY"))
    assert "cut off" not in result.stdout and result.returncode == 0, result.stdout


def test_export_refuses_a_label_cut_off_and_writes_nothing(tmp_path: Path) -> None:
    path, out = tmp_path / "s.sqlite", tmp_path / "site"
    store_with_label(path, "Chat with Sales")
    result = run_cli("export", "--store", path, "--out", out, drop=("DISPLAY",))
    assert result.returncode == 2 and "text is cut off" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
