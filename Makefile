# Two commands on a fresh machine (Python 3.11 + pip, no conda):
#   make reports   build every HTML report into reports/ (the main job)
#   make test      run the whole test suite (data checks, library, doctests, notebooks with nbval)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: reports test lab bench check clean mutants

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

reports: $(STAMP)
	$(BIN)/ipanalysis report

test: $(STAMP)
	@bash tools/ensure_chromium.sh
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q tests ipanalysis
	$(BIN)/python -m pytest -q --nbval --nbval-current-env -p no:xdist notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg

check: $(STAMP)
	$(BIN)/ipanalysis check

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

bench: $(STAMP)
	$(BIN)/python benchmarks/library_bench.py
	$(BIN)/python benchmarks/extract_bench.py
	$(BIN)/python benchmarks/report_bench.py

# Mutation testing (mutmut; slow, outside CI and `make test`): the score per module, the survivors named.
# Narrow it with MUTATE (file globs) and MUTANT_TESTS (pytest selection), e.g.
#   make mutants MUTATE=ipanalysis/units.py MUTANT_TESTS="tests/test_units.py tests/test_properties.py ipanalysis/units.py"
MUTATE ?=
MUTANT_TESTS ?=
mutants: $(STAMP)
	@$(BIN)/python -c "import mutmut" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	$(BIN)/python tools/mutants.py $(if $(MUTATE),--only $(MUTATE)) $(if $(MUTANT_TESTS),--tests $(MUTANT_TESTS))

clean:
	rm -rf reports .pytest_cache
