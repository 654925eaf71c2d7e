"""The MkDocs plugin (plugin.py, config.py) and the build's stages (build.py): the options of
mkdocs.yml, and what one build does, tested without MkDocs where it can be."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config.base import Config
from samples import CASE, Content

from retex.build import Session, Settings
from retex.config import RetexConfig
from retex.problems import Stop
from retex.proposal import Contribution
from retex.publish.exports import Publisher

# --- The options --------------------------------------------------------------------------


def options(**values) -> tuple[Config, list]:
    config = RetexConfig()
    config.load_dict(values)
    errors, _warnings = config.validate()
    return config, errors


@pytest.mark.parametrize(
    ("value", "expected"),
    [(True, True), (False, False), (1, True), (0, False), ("0", False), ("non", False)]
    + [("off", False), ("NO", False), ("oui", True), ("true", True), (" 1 ", True)],
)
def test_search_is_on_or_off_as_an_environment_variable_says_it(value, expected):
    config, errors = options(search=value)
    assert errors == [] and config.search is expected


def test_search_is_on_unless_said_otherwise_and_a_typo_is_refused_in_french():
    assert options()[0].search is True
    _, [(name, error)] = options(search="peut-être")
    assert name == "search" and "« peut-être » : écrivez true ou false" in str(error)


def test_a_directive_that_yaml_turned_into_a_mapping_is_refused_with_the_reason():
    _, [(name, error)] = options(csp=["default-src 'none'", {"img-src 'self' data": None}])
    assert name == "csp" and "une valeur qui finit par « : »" in str(error)
    assert options(csp=["default-src 'none'"])[0].csp == ["default-src 'none'"]


def test_the_publisher_falls_back_on_the_site_and_its_licence_on_the_licence_ouverte():
    config = options()[0]
    mkdocs = {
        "config_file_path": "/projet/mkdocs.yml",
        "site_dir": "/projet/site",
        "site_name": "Retex",
        "site_url": "https://exemple.fr/retex",
        "docs_dir": "/projet/docs",
        "extra": {"scope": "/"},
        "repo_url": "https://github.com/retex/retex/",
        "edit_uri": "edit/principale/",
    }
    settings = Settings.read(config, mkdocs)
    assert settings.contribution == Contribution("https://github.com/retex/retex", "principale")
    site, name = "https://exemple.fr/retex", "Licence Ouverte 2.0"
    assert settings.publisher == Publisher("Retex", site + "/", "Retex", site, name, "")
    assert settings.placeholders == {
        "scope": "/",
        "publisher": {},
        "license": {"name": "Licence Ouverte 2.0", "url": ""},
        "site_url": "https://exemple.fr/retex/",
    }
    assert (settings.root, settings.docs_folder) == (Path("/projet"), "docs")


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "message"),
    [
        (None, "edit/main/", "repo_url manque ; le formulaire /proposer/"),
        ("https://github.com/retex/retex", "", "ne dit pas quelle branche reçoit"),
    ],
)
def test_a_form_with_nowhere_to_send_a_sheet_stops_the_build_in_french(repo_url, edit_uri, message):
    mkdocs = {
        "config_file_path": "/projet/mkdocs.yml", "site_dir": "/projet/site", "site_name": "Retex",
        "site_url": None, "docs_dir": "/projet/docs", "extra": {},
        "repo_url": repo_url, "edit_uri": edit_uri,
    }
    with pytest.raises(Stop, match=message):
        Settings.read(options()[0], mkdocs)


def test_without_search_the_site_has_no_index(project, tmp_path, built_site):
    result = project.build(tmp_path / "site", env={"RETEX_SEARCH": "0"})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "pagefind").exists()
    assert (tmp_path / "site" / "cas" / "index.html").is_file()
    assert (built_site / "pagefind" / "pagefind.js").is_file(), "the default builds it"


def test_an_unknown_publisher_field_fails_the_strict_build(project):
    project.edit("mkdocs.yml", "      publisher:\n", "      publisher:\n        telephone: 01\n")
    result = project.build()
    assert result.returncode != 0
    assert "telephone" in result.stderr and not (project.root / "site").exists()


# --- The stages of a build ------------------------------------------------------------------


def settings_for(root: Path) -> Settings:
    publisher = Publisher("Retex", "https://exemple.fr/", "Retex", "", "Licence Ouverte 2.0", "")
    contribution = Contribution("https://github.com/retex/retex", "main")
    return Settings(
        root, root / "site", publisher, {}, {"name": "Licence Ouverte 2.0"}, (), False, "docs",
        contribution,
    )


LOG = logging.getLogger("test")


def test_invalid_content_stops_the_build_before_any_folder_is_made(tmp_path, capsys):
    content = Content(tmp_path).valid()
    content.write("cases/pau-accueil.md", CASE.replace("format: atelier", "format: x"))
    with pytest.raises(Stop, match="rien n’a été construit, le dossier site/ n’a pas été modifié"):
        Session("build", False).start(settings_for(tmp_path), LOG)
    assert "cases/pau-accueil.md:8: format: valeur inconnue « x »" in capsys.readouterr().err
    expected = ["cases", "maps", "methods", "vocabulary.yml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == expected


def test_the_preview_keeps_the_last_valid_site_while_an_edit_is_invalid(tmp_path, capsys):
    content = Content(tmp_path).valid()
    session = Session("serve", True)
    first = session.start(settings_for(tmp_path), LOG)
    assert first.problems == [] and first.staged is None
    content.write("cases/pau-accueil.md", CASE.replace("format: atelier", "format: x"))
    second = session.start(settings_for(tmp_path), LOG)
    assert second.site is first.site
    assert [p.field for p in second.problems] == ["format"]
    assert "l’aperçu garde la dernière version valide" in capsys.readouterr().err
    assert second.pages_to_rebuild() is None, "no page changes while the edit is invalid"


def test_a_build_escapes_what_it_hands_to_the_theme(tmp_path):
    Content(tmp_path).valid()
    build = Session("build", False).start(settings_for(tmp_path), LOG)
    try:
        meta = {"title": "<b>Accueil</b>"}
        assert build.page_markdown("index.md", "# Accueil", meta) == "# Accueil"
        assert meta["title"] == "&lt;b&gt;Accueil&lt;/b&gt;"
        meta = {}
        build.page_markdown("cases/pau-accueil.md", "", meta)
        assert meta["template"] == "case.html"
        assert str(meta["title"]) == "Un atelier d’accueil à la mairie de Pau"
        assert build.source_of("cases/pau-accueil.md").lstrip().startswith("## Contexte")
        assert build.source_of("index.md") is None
    finally:
        assert build.finish(success=False) == tmp_path / "site"
    assert not (tmp_path / "site").exists() and list(tmp_path.glob(".site*")) == []
