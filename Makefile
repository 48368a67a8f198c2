# Two commands do everything on a fresh machine: `make extract` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
IN ?= samples
OUT ?= extracted

.PHONY: extract test test-browser screenshots samples lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ocr]'  # ocr: CI runs the OCR tests (they skip where it is absent)
	touch $(STAMP)

# IN and OUT are quoted for the shell: folders as analysts name them ("Committee papers 2024",
# "Director's reports") pass whole. An apostrophe is closed, escaped and reopened ('\'').
quote = '$(subst ','\'',$(1))'

extract: $(STAMP)
	$(PY) -m actionplans extract $(call quote,$(IN)) -o $(call quote,$(OUT))

test: $(STAMP)
	$(PY) -m pytest -q

# report.html in headless Chromium (Debian's chromium and chromium-driver; skips without them).
# `make test` runs these too.
test-browser: $(STAMP)
	$(PY) -m pytest -q tests/test_report_browser.py

# The report's screenshots in docs/ (needs Chromium, as test-browser).
screenshots: $(STAMP)
	$(PY) -m samplegen.screenshots docs

# Rebuild the sample papers from samplegen/ (needs LibreOffice's soffice for the PDFs).
samples: $(STAMP)
	$(PY) -m samplegen samples
	$(PY) -m samplegen.layouts tests/fixtures/layouts
	$(PY) -m samplegen.families tests/fixtures/families
	$(PY) -m samplegen.layouts12 tests/fixtures/layouts12
	$(PY) -m samplegen.formats tests/fixtures/formats

# Speed and memory on a synthetic batch (300-page packs, 200 papers) next to the naive
# baseline measured in the same run; the figures go in docs/benchmarks.md.
bench: $(STAMP)
	$(PY) -m bench
	$(PY) -m bench.ocr  # OCR row recall and field accuracy on rasterised test papers (the [ocr] extra)

# mypy reads the package through links laid out as the wheel is: an editable install's
# import finder maps actionplans.ingest to ingest/, which mypy cannot follow.
lint: $(STAMP)
	$(PY) -m ruff check .
	rm -rf build/typecheck && mkdir -p build/typecheck/actionplans
	for f in actionplans/* ingest extract normalise output; do ln -s "$(CURDIR)/$$f" build/typecheck/actionplans/; done
	ln -s "$(CURDIR)/bench" build/typecheck/bench
	cd build/typecheck && ../../$(PY) -m mypy --config-file ../../pyproject.toml -p actionplans -p bench

clean:
	rm -rf $(VENV) extracted build .pytest_cache *.egg-info
