"""The studio's text measure (Qt) agrees with Chromium on what is cut off.

Boxes one pixel either side of the width a text needs on one line, in every font
choice, plain and bold, as text and as a button label: the studio's verdict is
the browser's.
"""

from __future__ import annotations

from math import ceil, floor

from designer.models.design import Element
from designer.models.design_checks import text_cut_off
from designer.models.properties import FONTS
from designer.views.studio.text_fit import measure_text
from tests.browser import manifests as m
from tests.browser.pages import set_preview

MONDAY_10 = "2026-11-23T10:00:00Z"
TEXTS = ("Chat with Sales", "Leave us a message")
VERDICTS = """() => [...document.querySelector('ed-engagement').shadowRoot
  .querySelectorAll('.ed-text, .ed-button')].map(n =>
  n.scrollWidth > n.clientWidth || n.scrollHeight > n.clientHeight)"""


def _cases(qapp) -> list[Element]:
    out = []
    for font in FONTS:
        for bold in (False, True):
            for kind in ("text", "button"):
                for text in TEXTS:
                    size = 15 if bold else 16
                    probe = Element.new("p", kind, text=text, font=font, bold=bold, font_size=size)
                    need_w, need_h = measure_text(probe, None)
                    for width in (floor(need_w) - 1, ceil(need_w) + 1):
                        out.append(
                            Element.new(
                                f"{kind}{len(out) + 1}",
                                kind,
                                text=text,
                                font=font,
                                bold=bold,
                                font_size=size,
                                x=8,
                                y=8 + 40 * len(out),
                                width=width,
                                height=ceil(need_h),
                                color="#000000",
                                fill="#ffffff",
                            )
                        )
    return out


def test_the_studio_and_chromium_cut_off_the_same_texts(site, open_page, qapp):
    cases = _cases(qapp)
    design = m.design(*cases, width=400, height=16 + 40 * len(cases), background_color="#ffffff")
    e = m.engagement(1, "promo-banner")
    e["designs"] = {"online": design, "offline": design, "busy": design}
    page = open_page(site.publish(m.manifest(e), '<div id="slot"></div>'))
    set_preview(page, now=MONDAY_10)
    page.wait_for_selector('ed-engagement[data-engagement="1"]')
    chromium = page.evaluate(VERDICTS)
    studio = [text_cut_off(el, measure_text) for el in cases]
    assert len(chromium) == len(cases)
    assert set(studio) == {True, False}  # both sides of the edge are tried
    differ = [
        (el.kind, el.props["font"], el.props["bold"], el.props["text"], el.props["width"])
        for el, a, b in zip(cases, studio, chromium, strict=True)
        if a != b
    ]
    assert not differ, f"the studio and Chromium disagree on {differ}"
