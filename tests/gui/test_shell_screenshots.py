"""Screenshots of the main window, the preview view and the URL tester at 1280×800 and 1600×1000."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPalette

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "shell"
SITEMAP = "".join(
    f"<url><loc>https://shop.example.com{p}</loc></url>"
    for p in ("/", "/jackets", "/jackets/alpine-shell", "/cart", "/checkout", "/checkout/payment")
    + ("/help", "/help/returns", "/about", "/blog/winter-layers")
)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize(("width", "height"), [(1280, 800), (1600, 1000)])
def test_screenshots_at_both_sizes(main_window, qapp, qtbot, tmp_path, theme, width, height):
    from designer.views.shell.palette import apply_palette

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    before = QPalette(qapp.palette())
    apply_palette(qapp, theme)
    try:
        window = main_window(tmp_path / "s.sqlite")
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width and window.problems.problems != [])

        def shot(name: str) -> None:
            qtbot.wait(200)
            assert window.width() == width  # nothing made the window wider
            path = ARTIFACTS / f"{theme}-{width}x{height}-{name}.png"
            assert window.grab().save(str(path))

        shot("main-window")
        window.tree.select("engagement", 1)
        window.actions_by_name["preview"].trigger()
        qtbot.waitUntil(lambda: window.preview.decisions.list.count() > 0, timeout=20000)
        shot("preview")
        sitemap = tmp_path / "sitemap.xml"
        sitemap.write_text(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{SITEMAP}</urlset>'
        )
        window.show_url_tester()
        tester = window.pages.page("url_tester")
        assert tester.load_sitemap(sitemap)
        tester.results.expandItem(tester.results.topLevelItem(4))
        shot("url-tester")
    finally:
        qapp.setPalette(before)
