# The whole set-up on a fresh machine is `make demo` or `make test`; both create .venv first.
# `make demo` installs the core alone (a 43 MB .venv); `make test` (and `make install`) adds what the
# tests need: pytest, pytest-xdist, hypothesis and the datatrove and Spark extras (pyspark alone is ~500 MB).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO := corpus_samples/seeds/001_221361826b34e8bf.txt

.PHONY: demo test test-fast install install-core bench devcheck clean

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed-core: setup.cfg pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed: setup.cfg pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e '.[test,datatrove,spark]'
	touch $@ $(VENV)/.installed-core

install-core: $(VENV)/.installed-core

install: $(VENV)/.installed

demo: install-core
	@echo "== cleaner clean --explain $(DEMO)  (removals on stderr, article on stdout)"
	@$(VENV)/bin/cleaner clean --explain $(DEMO)

# `make test` runs every test: those not marked serial on $(TEST_JOBS) pytest-xdist workers, a test
# file to a worker (--dist loadfile: a module's fixtures, such as the Spark session or the datatrove
# records cleaned in-process, are built once; loadgroup's marks do nothing under pytest 9), then the
# serial ones (they measure time or peak memory) alone, in the files that hold them. Both passes
# run; either failing fails.
TEST_JOBS ?= 2
SERIAL_FILES = $(shell grep -l 'pytest.mark.serial' tests/test_*.py)

test: install
	@status=0; \
	echo "== the tests not marked serial, on $(TEST_JOBS) workers"; \
	$(PY) -m pytest -q -n $(TEST_JOBS) --dist loadfile --no-loadscope-reorder -m "not serial" || status=$$?; \
	echo "== the serial tests, alone"; \
	$(PY) -m pytest -q -m serial $(SERIAL_FILES) || status=$$?; \
	exit $$status

test-fast: install  # the suite without its slow integration tests (marked slow): seconds, not minutes
	$(PY) -m pytest -q -m "not slow"

devcheck: install
	$(PY) ../shared/tools/devcheck.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
