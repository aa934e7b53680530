# make run / make test / make bench: each sets up what it needs on a fresh machine.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= offscreen
export QTWEBENGINE_CHROMIUM_FLAGS ?= --no-sandbox --disable-gpu

.PHONY: run test test-clock bench lint system clean

system:
	@bash scripts/system-packages.sh

$(STAMP): pyproject.toml scripts/system-packages.sh
	@bash scripts/system-packages.sh
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display: starting the app under Xvfb."; \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m designer.cli; \
	else QT_QPA_PLATFORM= $(PY) -m designer.cli; fi

lint: $(STAMP)
	$(VENV)/bin/ruff check designer tests
	$(VENV)/bin/ruff format --check designer tests
	$(VENV)/bin/lint-imports

test: lint
	$(PY) -m pytest -q tests --ignore=tests/bench

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
	rm -rf $(VENV) .pytest_cache
