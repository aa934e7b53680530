#!/usr/bin/env bash
# Builds what a designer installs (`make package`):
#   dist/engagement-designer-VERSION-linux-ARCH.tar.gz   the self-contained app (PyInstaller
#       one-folder: Python, Qt and QtWebEngine inside), install.sh and uninstall.sh, the
#       desktop entry, icons (SVG and PNG sizes), AppStream metainfo with screenshots;
#   dist/engagement_designer-VERSION-py3-none-any.whl    for `pip install`.
# The unpacked folder stays in build/package/ beside PyInstaller's cache.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
started=$(date +%s)
version=$("$python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
name=engagement-designer-$version-linux-$(uname -m)
app_id=org.engagementdesigner.EngagementDesigner
work=build/package
stage=$work/$name
rm -rf "$work/dist" "$work"/engagement-designer-*-linux-* dist
mkdir -p dist

"$python" -m PyInstaller --noconfirm --log-level ERROR \
  --distpath "$work/dist" --workpath "$work/work" packaging/engagement-designer.spec
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/screenshots"
mv "$work/dist/engagement-designer" "$stage/app"
# PyInstaller links each Qt library beside the executable too; drop the links whose
# library the spec left out.
find "$stage/app" -xtype l -delete
cp packaging/install.sh packaging/uninstall.sh "$stage/"
echo "$version" > "$stage/VERSION"
cp packaging/engagement-designer.desktop "$stage/share/applications/"
export QT_QPA_PLATFORM=offscreen
"$python" packaging/render_icons.py "$stage/share/icons" > /dev/null
"$python" packaging/screenshots.py "$stage/share/screenshots" > /dev/null 2>&1
"$python" packaging/metainfo.py "$stage/share/metainfo/$app_id.metainfo.xml" \
  "$stage"/share/screenshots/*.png > /dev/null
tar -C "$work" -czf "dist/$name.tar.gz" "$name"
"$python" -m pip wheel --quiet --no-deps --wheel-dir dist . > /dev/null 2>&1

seconds=$(( $(date +%s) - started ))
unpacked=$(du -sm "$stage" | cut -f1)
packed=$(( $(stat -c %s "dist/$name.tar.gz") / 1048576 ))
printf 'build_seconds=%s\nunpacked_mb=%s\ntar_gz_mb=%s\n' "$seconds" "$unpacked" "$packed" \
  > "$work/figures.txt"
echo "Built dist/$name.tar.gz in ${seconds} s: ${unpacked} MB unpacked, ${packed} MB packed."
