# Two commands do everything on a fresh machine: `make extract` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Two stamps: extracting needs the package alone; testing adds the test tools and the OCR
# extra (CI runs the OCR tests; they skip where it is absent).
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
IN ?= samples
OUT ?= extracted
# A quick subset that still runs every stage: the readers, the extractor, the normaliser,
# the writers and the whole pipeline over the samples against their golden files.
FAST_TESTS := tests/test_golden.py tests/test_settings.py tests/test_vocabulary.py tests/test_leads.py \
	tests/test_deadlines.py tests/test_definitions.py tests/test_output_csv.py tests/test_output_data.py \
	tests/test_word_numbering.py tests/test_share_out.py tests/test_formats.py

.PHONY: extract test test-fast test-browser screenshots samples lint bench accuracy clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e '.[dev,ocr]'
	touch $(RUN_STAMP) $(DEV_STAMP)

# IN and OUT are quoted for the shell: folders as analysts name them ("Committee papers 2024",
# "Director's reports") pass whole. An apostrophe is closed, escaped and reopened ('\'').
quote = '$(subst ','\'',$(1))'

extract: $(RUN_STAMP)
	$(PY) -m actionplans extract $(call quote,$(IN)) -o $(call quote,$(OUT))

# The whole suite, then how long it took.
test: $(DEV_STAMP)
	@start=$$(date +%s); status=0; $(PY) -m pytest -q || status=$$?; \
	echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

test-fast: $(DEV_STAMP)
	@start=$$(date +%s); status=0; $(PY) -m pytest -q $(FAST_TESTS) || status=$$?; \
	echo "make test-fast: $$(( $$(date +%s) - start )) s"; exit $$status

# report.html in headless Chromium (Debian's chromium and chromium-driver; skips without them).
# `make test` runs these too.
test-browser: $(DEV_STAMP)
	$(PY) -m pytest -q tests/test_report_browser.py

# The report's screenshots in docs/ (needs Chromium, as test-browser).
screenshots: $(DEV_STAMP)
	$(PY) -m samplegen.screenshots docs

# Rebuild the sample papers from samplegen/ (needs LibreOffice's soffice for the PDFs).
samples: $(DEV_STAMP)
	$(PY) -m samplegen samples
	$(PY) -m samplegen.layouts tests/fixtures/layouts
	$(PY) -m samplegen.families tests/fixtures/families
	$(PY) -m samplegen.layouts12 tests/fixtures/layouts12
	$(PY) -m samplegen.formats tests/fixtures/formats

# Speed and memory on a synthetic batch (300-page packs, 200 papers) next to the naive
# baseline measured in the same run; the figures go in docs/benchmarks.md.
bench: $(DEV_STAMP)
	$(PY) -m bench
	$(PY) -m bench.ocr  # OCR row recall and field accuracy on rasterised test papers (the [ocr] extra)

# mypy reads the package through links laid out as the wheel is: an editable install's
# import finder maps actionplans.ingest to ingest/, which mypy cannot follow.
lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	rm -rf build/typecheck && mkdir -p build/typecheck/actionplans
	for f in actionplans/* ingest extract normalise output; do ln -s "$(CURDIR)/$$f" build/typecheck/actionplans/; done
	ln -s "$(CURDIR)/bench" build/typecheck/bench
	cd build/typecheck && ../../$(PY) -m mypy --config-file ../../pyproject.toml -p actionplans -p bench

clean:
	rm -rf $(VENV) extracted build .pytest_cache *.egg-info

# Recall, precision and field accuracy on ../shared/realworld-examples (set-aside bodies
# printed apart) and on the family test papers.
accuracy: $(DEV_STAMP)
	$(PY) -m bench.accuracy -v
