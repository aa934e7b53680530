"""`engagement-designer shots`: a PNG of every published engagement in every viewport, headless."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from designer.cli import main
from designer.preview.profiles import PROFILES

pytestmark = pytest.mark.slow


def test_shots_renders_every_published_engagement_in_every_profile(qapp, store, tmp_path, capsys):
    with store.edit() as s:
        from designer.models.campaign import Campaign

        published = s.query(Campaign).filter_by(status="published").all()
        names = [e.name for c in published for e in c.engagements]
    store.close()
    out = tmp_path / "shots"
    assert main(["shots", "--store", str(store.path), "--out", str(out)]) == 0
    files = sorted(out.glob("*.png"))
    assert len(files) == len(names) * len(PROFILES)
    assert f"Wrote {len(files)} shots" in capsys.readouterr().out
    sizes = {}
    for f in files:
        image = Image.open(io.BytesIO(f.read_bytes()))
        sizes[f.stem.rsplit("--", 1)[1]] = image.size
        darkest, lightest = image.convert("L").getextrema()
        assert lightest - darkest > 100  # a page with text, not a blank one
    # CSS viewport × device pixel ratio
    assert sizes == {
        p.key: (round(p.width * p.device_pixel_ratio), round(p.height * p.device_pixel_ratio))
        for p in PROFILES
    }


def test_shots_refuses_a_file_as_the_folder(qapp, store, tmp_path, capsys):
    target = tmp_path / "not-a-folder.png"
    target.write_bytes(b"x")
    assert main(["shots", "--store", str(store.path), "--out", str(target)]) == 2
    assert "give a folder" in capsys.readouterr().err
