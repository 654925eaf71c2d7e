"""The /proposer/ page's data: every control generated from the schema, nothing listed by
hand; the branch and repository from mkdocs.yml (see tests/browser/test_proposal_form.py for
the form in Chromium, tests/security/test_proposal_payloads.py for its payloads)."""

from __future__ import annotations

import re

import pytest

from retex.characters import _FORBIDDEN_OR_TAB_RE, _FORBIDDEN_RE
from retex.kinds import KINDS
from retex.pages import page_list
from retex.proposal import (
    Contribution,
    ProposalError,
    branch_of,
    form_data,
    js_character_class,
    label_and_hint,
)
from retex.schema import field_docs
from retex.site import load_site
from support import ROOT

GITHUB = Contribution("https://github.com/retex/retex", "main")


@pytest.fixture(scope="module")
def real_site():
    return load_site(ROOT)


def controls_by_name(controls, out=None):
    out = {} if out is None else out
    for control in controls:
        out[control["name"]] = control
        controls_by_name(control.get("children", []), out)
    return out


@pytest.mark.parametrize(
    ("edit_uri", "branch"),
    [
        ("edit/main/", "main"),
        ("edit/main/docs/", "main"),
        ("blob/dev/", "dev"),
        ("tree/release-2/x", "release-2"),
    ],
)
def test_the_branch_comes_from_edit_uri(edit_uri, branch):
    assert branch_of(edit_uri) == branch


@pytest.mark.parametrize("edit_uri", [None, "", "docs/", "https://example.org/edit/"])
def test_an_edit_uri_without_a_branch_is_a_french_error(edit_uri):
    with pytest.raises(ProposalError, match="edit_uri.*branche"):
        branch_of(edit_uri)


def test_without_repo_url_there_is_nowhere_to_propose():
    with pytest.raises(ProposalError, match="repo_url"):
        Contribution.read(None, "edit/main/")
    assert Contribution.read("https://github.com/a/b/", "edit/dev/") == Contribution(
        "https://github.com/a/b", "dev"
    )


def test_the_form_is_in_the_list_of_pages(real_site):
    [spec] = [s for s in page_list(real_site, GITHUB) if s.url == "proposer/"]
    assert spec.template == "proposal.html"
    assert spec.context["proposal"]["script"]["repo_url"] == GITHUB.repo_url
    # It shows the published methods and knows every slug: rebuilt when they change.
    assert spec.entries == real_site.cases + real_site.methods


@pytest.mark.parametrize(
    ("description", "label", "hint"),
    [
        ("Titre de la fiche", "Titre de la fiche", ""),
        ("Région ; omise pour un cas national", "Région", "Omise pour un cas national."),
        ("Thèmes (au moins un)", "Thèmes", "Au moins un."),
        ("Date de fin, si elle a duré", "Date de fin", "Si elle a duré."),
        (
            "Durée en toutes lettres, par exemple « une demi-journée »",
            "Durée en toutes lettres",
            "Par exemple « une demi-journée »",
        ),
        ("Résultats : ce qui s’est passé", "Résultats", "Ce qui s’est passé."),
    ],
)
def test_label_and_hint_come_from_the_description(description, label, hint):
    assert label_and_hint(description) == (label, hint)


def test_every_field_of_the_schema_is_a_control(real_site):
    data = form_data(real_site, GITHUB)
    for kind in KINDS:
        controls = controls_by_name(data["forms"][kind.name]["controls"])
        docs = field_docs(real_site.schema, kind)
        expected = [d for d in docs if d.name not in ("draft", "aliases")]
        assert list(controls) == [d.name for d in expected]
        for doc in expected:
            control = controls[doc.name]
            assert control["need"] == (
                "required" if doc.required else "group" if doc.required_in_group else "optional"
            ), doc.name
            assert tuple(control.get("values", ())) == doc.values, doc.name
            if doc.name not in data["forms"][kind.name]["lessons"]:
                assert doc.description.startswith(control["label"]), doc.name
    case = controls_by_name(data["forms"]["case"]["controls"])
    assert case["territory"]["widget"] == "group"
    assert case["territory.level"]["widget"] == "select"
    assert case["themes"]["widget"] == "checkboxes"
    assert case["methods"]["widget"] == "methods"
    assert case["date"]["widget"] == "date"
    assert case["sources"]["widget"] == "rowgroups"
    assert case["sources.url"]["widget"] == "url"
    assert case["outcomes"]["widget"] == "paragraphs"
    assert case["actors"]["widget"] == "rows"
    assert case["summary"]["widget"] == "textarea" and case["summary"]["max_length"] == 400
    assert case["lessons"]["markdown"] and not case["outcomes"]["markdown"]
    # The lists that make the page's « Enseignements » section carry its headings.
    assert case["lessons"]["label"] == "Ce que l’expérience enseigne"
    method = controls_by_name(data["forms"]["method"]["controls"])
    assert method["duration.min"]["widget"] == "number"
    assert method["related"]["widget"] == "methods"
    assert data["methods"] == [[m.slug, m.title] for m in real_site.methods]


def test_the_sections_are_those_of_retex_new(real_site):
    data = form_data(real_site, GITHUB)
    headings = {k: [s["heading"] for s in f["sections"]] for k, f in data["forms"].items()}
    assert headings == {
        "case": ["Contexte", "Démarche", "Résultats"],
        "method": ["Objectif", "Déroulé", "Conseils", "Pièges à éviter"],
    }
    assert all(s["guidance"] for f in data["forms"].values() for s in f["sections"])


def test_taken_slugs_include_drafts_and_aliases(project):
    pau = "cases/pau-lean-startup-directeurs.md"
    project.edit(pau, "completeness:", "aliases: [pau-2018]\ncompleteness:")
    text = project.read("methods/barcamp.md").replace("---\n", "---\ndraft: true\n", 1)
    project.write("methods/un-brouillon.md", text)
    site = load_site(project.root)
    taken = form_data(site, GITHUB)["script"]["forms"]
    assert "pau-lean-startup-directeurs" in taken["case"]["taken"]
    assert "ancienne adresse" in taken["case"]["taken"]["pau-2018"]
    assert "un-brouillon" in taken["method"]["taken"]
    assert "un-brouillon" not in [slug for slug, _ in form_data(site, GITHUB)["methods"]]


def _python_class(js: str) -> re.Pattern:
    return re.compile(re.sub(r"\\u\{([0-9a-f]+)\}", lambda m: f"\\U{int(m[1], 16):08x}", js))


def test_the_forbidden_characters_are_the_checks_own(real_site):
    points = (
        *range(0, 0x250),
        *range(0x2000, 0x2100),
        *range(0xD7F0, 0xE010),
        *range(0xFDC0, 0xFE00),
        *(0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1FFFD, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF, 0x1F389),
    )
    samples = [chr(c) for c in points]
    for python, tab in ((_FORBIDDEN_RE, True), (_FORBIDDEN_OR_TAB_RE, False)):
        converted = _python_class(js_character_class(python.pattern))
        for char in samples:
            assert bool(converted.match(char)) == bool(python.match(char)), (hex(ord(char)), tab)


def test_the_page_is_built_with_the_repository_and_branch(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    html = (project.root / "site" / "proposer" / "index.html").read_text(encoding="utf-8")
    assert "&#34;repo_url&#34;: &#34;https://github.com/retex/retex&#34;" in html
    assert "&#34;branch&#34;: &#34;main&#34;" in html


def test_a_build_without_a_branch_says_so_in_french(project):
    project.edit("mkdocs.yml", "edit_uri: edit/main/", "edit_uri: ''")
    result = project.build()
    assert result.returncode != 0
    assert "mkdocs.yml : edit_uri, vide, ne dit pas quelle branche" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project.root / "site").exists(), "stopped before MkDocs made anything"
