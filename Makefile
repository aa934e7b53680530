# make run / make test / make bench: each sets up what it needs on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen
export QTWEBENGINE_CHROMIUM_FLAGS ?= --no-sandbox --disable-gpu

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
PACKAGE := dist/engagement-designer-$(VERSION)-linux-$(shell uname -m).tar.gz
PACKAGE_INPUTS := pyproject.toml setup.py $(shell find designer resources packaging -type f -not -name '*.pyc')

.PHONY: run test test-clock bench lint system clean package

system:
	@bash scripts/system-packages.sh

$(STAMP): pyproject.toml setup.py scripts/system-packages.sh
	@bash scripts/system-packages.sh
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,package]'
	@touch $(STAMP)

run: $(STAMP)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display: starting the app under Xvfb."; \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m designer.cli; \
	else QT_QPA_PLATFORM= $(PY) -m designer.cli; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check designer tests packaging setup.py
	$(VENV)/bin/ruff format --check designer tests packaging setup.py
	$(VENV)/bin/lint-imports

# The self-contained app and its .tar.gz (packaging/build.sh); rebuilt when a source changes.
package: $(PACKAGE)

$(PACKAGE): $(STAMP) $(PACKAGE_INPUTS)
	@bash packaging/build.sh

# The package is built first: tests/package installs it and runs it. Then the tests that
# show engagements run again with the machine's clock moved (test-clock).
test: lint package
	$(PY) -m pytest -q tests --ignore=tests/bench
	$(MAKE) --no-print-directory test-clock

# The tests that show engagements, with the machine's clock (Python, QtWebEngine, Chromium)
# moved to 03:00 UTC today and two years on: none may depend on the real date or hour.
CLOCK_TESTS := tests/unit/test_models_seed.py tests/gui/test_preview_sources.py \
  tests/gui/test_preview_shots.py tests/browser/test_exported_bundle.py \
  tests/browser/test_sample_any_day.py tests/browser/test_decision_time.py
test-clock: $(STAMP)
	scripts/at-time.sh '03:00' $(PY) -m pytest -q -p no:cacheprovider $(CLOCK_TESTS)
	scripts/at-time.sh '03:00 2 years' $(PY) -m pytest -q -p no:cacheprovider $(CLOCK_TESTS)

bench: $(STAMP)
	$(PY) -m tests.bench $(ONLY)

clean:
	rm -rf $(VENV) .pytest_cache build dist
