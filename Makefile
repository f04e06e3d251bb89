# One-word targets. `make run` and `make test` work from a clean clone with Python 3.11, pip and make.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test lint typecheck format docs bench bench-browser bench-load proxy browser clean venv

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Start the dashboard on the demo municipality: http://localhost:$(PORT)
run: venv
	$(PY) -m ui.launch --port $(PORT)

# Debian's chromium for the real-browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium missing: run 'sudo apt-get install -y chromium' for the browser tests"; fi; }

test: venv browser
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# mypy on engine/ (configured in pyproject.toml).
typecheck: venv
	$(PY) -m mypy

format: venv
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Rewrite the generated tables of docs/dataset.md (parameters, scenario fields, columns) from the code.
docs: venv
	$(PY) tools/make_docs.py

# Engine speed against the budgets of DESIGN.md §7 (10 ms, 100 ms, 1 s).
bench: venv
	$(PY) benchmarks/engine_speed.py

# In Debian's chromium: first load and slider → figure, against a bare Streamlit page.
bench-browser: venv browser
	$(PY) benchmarks/browser_speed.py

# 30 participants at the protocol level: one process, then two behind nginx.
bench-load: venv proxy
	$(PY) benchmarks/load_test.py

# Debian's nginx, for the two-process load test.
proxy:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null; \
		else echo "nginx missing: run 'sudo apt-get install -y nginx-light' for the two-process load test"; fi; }

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis
