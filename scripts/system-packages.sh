#!/usr/bin/env bash
# Debian packages the app and its tests need: Chromium for the browser tests,
# Xvfb for `make run` without a display, fonts, and the libraries QtWebEngine loads;
# for the packaged app's test: xdotool and x11-utils (find and drive its window),
# appstream and desktop-file-utils (validate its metainfo and desktop entry);
# faketime (libfaketime) for `make test-clock`, which runs tests with the machine's clock moved;
# PostgreSQL (the tests start a throw-away server of their own for the team store);
# iso-codes (Debian's ISO 4217 list, which the currency list is checked against).
set -euo pipefail
need=(chromium xvfb xauth fonts-dejavu-core fonts-liberation2 libnss3 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
      libegl1 libgl1 libopengl0 libxcomposite1 libxdamage1 libxrandr2 libxtst6
      libxkbfile1 libasound2 libdbus-1-3 libfontconfig1 libglib2.0-0 sqlite3
      xdotool x11-utils appstream desktop-file-utils faketime postgresql iso-codes)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages (run as root or install them): ${missing[*]}" >&2
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
