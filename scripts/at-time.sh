#!/usr/bin/env bash
# Run a command with the machine's clock moved to a given moment (UTC), for it and every
# process it starts (Python, QtWebEngine, Chromium), through Debian's libfaketime.
#   scripts/at-time.sh '2028-11-27 03:00:00' .venv/bin/python -m pytest -q tests/unit
# The clock runs on from that moment: FAKETIME is an offset from the real time, so processes
# started later agree with it. libfaketime shares a semaphore between the processes it runs;
# one killed by SIGKILL while holding it hangs the rest, so tests/store/test_crash.py (which
# SIGKILLs store writers, and reads no clock) cannot run under it.
set -euo pipefail
when="$1"
shift
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
[ -e "$lib" ] || lib="$(dpkg -L libfaketime | grep '/libfaketime\.so\.1$' | head -1)"
offset=$(( $(TZ=UTC date -d "$when" +%s) - $(date +%s) ))
export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
export FAKETIME="$(printf '%+d' "$offset")"
exec "$@"
