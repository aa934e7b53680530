#!/bin/sh
# Installs Engagement Designer for this user: the app under ~/.local/opt, a launcher in
# ~/.local/bin, and its menu entry, icons and metainfo in the user's XDG data folder.
# Installing again replaces an earlier version. Your campaign stores are never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/engagement-designer
bin=$HOME/.local/bin
launcher=$bin/engagement-designer
app_id=org.engagementdesigner.EngagementDesigner

if [ ! -x "$here/app/engagement-designer" ]; then
  echo "install.sh: run it from the unpacked engagement-designer folder." >&2
  exit 1
fi
if [ -x "$opt/uninstall.sh" ]; then
  "$opt/uninstall.sh" --replacing
fi

mkdir -p "$opt" "$bin" "$data/applications" "$data/metainfo"
cp -R "$here/app/." "$opt/"
cp "$here/uninstall.sh" "$here/VERSION" "$opt/"
mkdir -p "$opt/screenshots"
cp "$here/share/screenshots/"*.png "$opt/screenshots/"
record=$opt/installed-files
: > "$record"

printf '#!/bin/sh\nexec "%s/engagement-designer" "$@"\n' "$opt" > "$launcher"
chmod 755 "$launcher"
echo "$launcher" >> "$record"

desktop=$data/applications/engagement-designer.desktop
sed "s|^Exec=.*|Exec=\"$launcher\" %f|" "$here/share/applications/engagement-designer.desktop" \
  > "$desktop"
echo "$desktop" >> "$record"

metainfo=$data/metainfo/$app_id.metainfo.xml
sed "s|@SCREENSHOTS@|file://$opt/screenshots|" "$here/share/metainfo/$app_id.metainfo.xml" \
  > "$metainfo"
echo "$metainfo" >> "$record"

(cd "$here/share/icons" && find hicolor -type f) | while read -r icon; do
  mkdir -p "$(dirname "$data/icons/$icon")"
  cp "$here/share/icons/$icon" "$data/icons/$icon"
  echo "$data/icons/$icon" >> "$record"
done

# Desktops read these caches; where the tools are missing the menu finds the files anyway.
update-desktop-database -q "$data/applications" 2>/dev/null || true
gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true

echo "Installed Engagement Designer $(cat "$here/VERSION") in $opt."
echo "Start it from your desktop's menu, or with: $launcher"
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "($bin is not on your PATH; add it to start the app by name.)" ;;
esac
