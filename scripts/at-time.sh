#!/usr/bin/env bash
# Run a command with the machine's clock moved to a given moment (UTC), for it and every
# process it starts (Python, QtWebEngine, Chromium), through Debian's libfaketime.
#   scripts/at-time.sh '2028-11-27 03:00:00' .venv/bin/python -m pytest -q tests/unit
# The clock runs on from that moment. FAKETIME is an offset from the real time, so processes
# started later agree with it; no shared memory (faketime's wrapper uses one, and a test that
# kills a process with SIGKILL could leave its lock held and hang the others).
set -euo pipefail
when="$1"
shift
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -e "$lib" ] || lib="$(dpkg -L libfaketime | grep '/libfaketime\.so\.1$' | head -1)"
offset=$(( $(TZ=UTC date -d "$when" +%s) - $(date +%s) ))
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export FAKETIME="$(printf '%+d' "$offset")"
unset FAKETIME_SHARED
exec "$@"
