#!/bin/sh
# Removes Engagement Designer installed by install.sh: the app, its launcher, menu entry,
# icons and metainfo. Campaign stores and settings stay where they are.
set -eu
data=${XDG_DATA_HOME:-$HOME/.local/share}
opt=$HOME/.local/opt/engagement-designer
record=$opt/installed-files

if [ ! -d "$opt" ]; then
  echo "Engagement Designer is not installed in $opt."
  exit 0
fi
if [ -f "$record" ]; then
  while read -r file; do
    rm -f "$file"
  done < "$record"
fi
rm -rf "$opt"
update-desktop-database -q "$data/applications" 2>/dev/null || true
gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
if [ "${1:-}" != "--replacing" ]; then
  echo "Removed Engagement Designer. Your campaign stores are still in their folders."
fi
