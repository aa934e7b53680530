"""Writes the AppStream metainfo: the app's description, its screenshots and the release
notes of every version in release-notes.md (the version pyproject.toml declares first).

python packaging/metainfo.py OUT.xml SCREENSHOT.png...
Screenshot images are written as @SCREENSHOTS@/NAME; install.sh puts in where it
installed them.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.engagementdesigner.EngagementDesigner"
CAPTIONS = {
    "main-window": "A campaign, its engagements and the store's problems",
    "wizard-gallery": "Starting an engagement from the gallery's templates",
}
DEFAULT = ' type="default"'
_SECTION = re.compile(r"^## (\S+) \((\d{4}-\d{2}-\d{2})\)\n(.*?)(?=^## |\Z)", re.M | re.S)


def releases(notes: str) -> list[tuple[str, str, list[str]]]:
    """(version, date, bullet points) for each section, in the file's order."""
    found = []
    for version, date, body in _SECTION.findall(notes):
        items = [" ".join(item.split()) for item in re.split(r"^- ", body, flags=re.M)[1:]]
        found.append((version, date, items))
    return found


def metainfo(version: str, notes: str, screenshots: list[str]) -> str:
    known = releases(notes)
    if not known or known[0][0] != version:
        raise SystemExit(
            f"packaging/release-notes.md has no notes for {version} (the version in "
            "pyproject.toml) at its top: add a '## {version} (YYYY-MM-DD)' section."
        )
    release_xml = "".join(
        f'    <release version="{v}" date="{d}">\n      <description>\n        <ul>\n'
        + "".join(f"          <li>{escape(i)}</li>\n" for i in items)
        + "        </ul>\n      </description>\n    </release>\n"
        for v, d, items in known
    )
    shots_xml = "".join(
        f"    <screenshot{DEFAULT if i == 0 else ''}>\n"
        f"      <caption>{escape(CAPTIONS.get(Path(name).stem, Path(name).stem))}</caption>\n"
        f"      <image>@SCREENSHOTS@/{escape(Path(name).name)}</image>\n    </screenshot>\n"
        for i, name in enumerate(screenshots)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APP_ID}</id>
  <name>Engagement Designer</name>
  <summary>Design website messaging campaigns offline</summary>
  <metadata_license>CC0-1.0</metadata_license>
  <project_license>LicenseRef-proprietary</project_license>
  <description>
    <p>
      Engagement Designer is where designers draft the buttons, banners and conversation
      windows that invite a website's visitors to message the brand's agents, without
      being online.
    </p>
    <ul>
      <li>Campaigns with goals, target audiences, time frames and control groups</li>
      <li>A studio for each engagement's design, online, offline and busy</li>
      <li>A live preview in a real browser engine on desktop, tablet and phone that
        explains why each engagement shows or not</li>
      <li>A small, safe engagement bundle that any website includes</li>
    </ul>
  </description>
  <launchable type="desktop-id">engagement-designer.desktop</launchable>
  <provides>
    <binary>engagement-designer</binary>
  </provides>
  <categories>
    <category>Development</category>
    <category>WebDevelopment</category>
  </categories>
  <content_rating type="oars-1.1"/>
  <screenshots>
{shots_xml}  </screenshots>
  <releases>
{release_xml}  </releases>
</component>
"""


if __name__ == "__main__":
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    notes = (ROOT / "packaging" / "release-notes.md").read_text("utf-8")
    out = Path(sys.argv[1])
    out.write_text(metainfo(pyproject["project"]["version"], notes, sys.argv[2:]), "utf-8")
    print(out)
