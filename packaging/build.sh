#!/usr/bin/env bash
# Builds the installable program: a wheel (pip install dist/*.whl gives the
# `engagement-designer` command) and, on Linux, the desktop entry beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
rm -rf dist
"$python" -m pip wheel --no-deps --wheel-dir dist . >/dev/null
cp packaging/engagement-designer.desktop dist/
echo "Built:"; ls -1 dist
