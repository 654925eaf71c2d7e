# Retex — les commandes du projet. Voir README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Material prints an end-of-life banner on every command; the README says what we pinned.
export NO_MKDOCS_2_WARNING := 1
# Compiled Python is read and written outside the checkout only: a .pyc committed in a
# __pycache__ folder (an « unchecked » one is loaded whatever the source says) never runs
# in place of the source that reviewers read.
export PYTHONPYCACHEPREFIX ?= $(HOME)/.cache/retex/pycache
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install serve build test check new modeles bench lint chromium clean

# The virtual environment, reinstalled when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## make serve : installe, construit le site et le sert sur http://127.0.0.1:8000
# --dirty: after a change, only the pages it touches are rebuilt (see hooks/retex/incremental.py).
serve: $(STAMP)
	$(BIN)/mkdocs build
	RETEX_SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## make build : construit le site complet dans site/
build: $(STAMP)
	$(BIN)/mkdocs build

## make check : vérifie les fiches sans construire le site
check: $(STAMP)
	$(BIN)/retex check

## make new TYPE=cas TITRE="Mon titre" : crée une fiche à partir du modèle (TYPE=methode pour une méthode)
new: $(STAMP)
	@test -n "$(TITRE)" || { echo 'Usage : make new TYPE=cas TITRE="Titre de la fiche" (ou TYPE=methode)'; exit 2; }
	$(BIN)/retex new "$(or $(TYPE),cas)" "$(TITRE)"

## make modeles : régénère cases/_modele.md et methods/_modele.md depuis le schéma
modeles: $(STAMP)
	$(BIN)/retex modeles

## make test : installe tout (Chromium compris) et lance toute la suite de tests
test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# Debian's Chromium for the browser tests, installed only when missing.
chromium:
	@command -v chromium >/dev/null || { \
	  echo "Installation de Chromium (paquets Debian chromium et chromium-driver)…"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver >/dev/null; }

clean:
	rm -rf site .site.retex-build-* .pytest_cache .ruff_cache

## make bench [N=1000] : mesure le build face à MkDocs seul (voir README, « Performances »)
N ?= 1000
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --cases $(N)
