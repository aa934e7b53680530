"""The URL tester: a sitemap's pages, what each gets, and the counts."""

from __future__ import annotations

from sqlalchemy import select

from designer.models.libraries import EntryPoint
from tests.gui.app_driver import answering

PAGES = ["/", "/jackets", "/cart", "/checkout", "/checkout/payment", "/help/returns", "/about"]


def _sitemap(tmp_path, pages):
    locs = "".join(f"<url><loc>https://shop.example.com{p}</loc></url>" for p in pages)
    path = tmp_path / "sitemap.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    )
    return path


def _row(tester, text):
    t = tester.results
    return next(
        t.topLevelItem(i) for i in range(t.topLevelItemCount()) if t.topLevelItem(i).text(0) == text
    )


def _count(tester, entry_point):
    t = tester.counts
    item = next(
        t.topLevelItem(i)
        for i in range(t.topLevelItemCount())
        if t.topLevelItem(i).text(0) == entry_point
    )
    return int(item.text(1)), int(item.text(2))


def test_a_sitemap_shows_each_pages_entry_points_and_engagements(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.actions_by_name["url_tester"].trigger()
    tester = window.pages.page("url_tester")
    assert window.current_page() == "url_tester"
    assert tester.summary.text().startswith("No URLs yet: paste your site's URLs")  # what to do
    assert tester.load_sitemap(_sitemap(tmp_path, PAGES))
    assert tester.message.text() == "7 pages from sitemap.xml."
    checkout = _row(tester, "https://shop.example.com/checkout/payment")
    assert "Checkout" in checkout.text(1) and "Whole site" in checkout.text(1)
    engagements = [checkout.child(i).text(0) for i in range(checkout.childCount())]
    assert any(e.startswith("Winter sale › ") for e in engagements)
    assert checkout.text(2) == f"{len(engagements)} engagements"
    assert _count(tester, "Whole site")[0] == 7
    assert _count(tester, "Checkout")[0] == 2
    assert tester.summary.text().startswith("7 URLs: 7 in an entry point")


def test_pasted_paths_follow_an_entry_point_edit(main_window, qtbot, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.show_url_tester()
    tester = window.pages.page("url_tester")
    tester.set_urls(["/help/returns", "not a page", "/cart"])
    assert "Help centre" in _row(tester, "/help/returns").text(1)
    assert _row(tester, "not a page").text(1) == "not a web address"
    assert tester.summary.text().endswith("1 line is not a web address.")
    with window.store.read() as s:
        help_id = s.scalar(select(EntryPoint.id).where(EntryPoint.name == "Help centre"))
    window.go_to("entry_point")
    library = window.libraries["entry_point"]
    library.select(help_id)
    editor = library.rules
    editor.list.setCurrentRow(0)
    editor.exclude.setChecked(True)  # the help pages are now left out
    with answering("Change it"):  # others use it: the library asks first
        editor.update.click()
    window.show_url_tester()
    qtbot.waitUntil(
        lambda: "Help centre" not in _row(tester, "/help/returns").text(1), timeout=3000
    )


def test_a_bad_sitemap_says_why_and_keeps_the_urls(main_window, tmp_path):
    window = main_window(tmp_path / "s.sqlite")
    window.show_url_tester()
    tester = window.pages.page("url_tester")
    tester.set_urls(["/cart"])
    bad = tmp_path / "bomb.xml"
    bad.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><urlset>&a;</urlset>')
    assert not tester.load_sitemap(bad)
    assert "DTD" in tester.message.text()
    assert tester.urls.toPlainText() == "/cart"
