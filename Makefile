# The whole set-up on a fresh machine is `make demo` or `make test`; both create .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO := corpus_samples/seeds/001_221361826b34e8bf.txt

.PHONY: demo test install bench devcheck clean

$(VENV)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,datatrove,spark]'
	touch $@

install: $(VENV)/.installed

demo: install
	@echo "== cleaner clean --explain $(DEMO)  (removals on stderr, article on stdout)"
	@$(VENV)/bin/cleaner clean --explain $(DEMO)

test: install
	$(PY) -m pytest -q

devcheck: install
	$(PY) ../shared/tools/devcheck.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
