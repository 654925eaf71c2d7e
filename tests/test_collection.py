"""Loading cases/ and methods/: file names, cross-references, links, drafts, templates,
and every problem of every file reported at once."""

from __future__ import annotations

import pytest
from samples import CASE, METHOD, PNG, ROOT, Content, assert_french, case, line_of, method

from retex import kinds
from retex.problems import BODY, FILE, report
from retex.site import check_content

CASE_PATH = "cases/pau-accueil.md"
METHOD_PATH = "methods/entretien-usager.md"


@pytest.fixture
def content(tmp_path):
    return Content(tmp_path).valid()


def test_the_real_content_is_valid():
    site, problems = check_content(ROOT)
    assert problems == [], report(problems)
    assert len(site.collection.cases) >= 4
    assert len(site.collection.methods) >= 10


# --- File names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, suggestion",
    [
        ("Mon Cas.md", "mon-cas.md"),
        ("Expérimentation à Évry.md", "experimentation-a-evry.md"),
        ("pau_accueil.md", "pau-accueil.md"),
        ("Pau-Accueil.MD", "pau-accueil.md"),
    ],
)
def test_file_name_must_be_a_slug(content, name, suggestion):
    content.write(f"cases/{name}", CASE)
    problem = content.only(f"cases/{name}")
    assert (problem.line, problem.field) == (1, FILE)
    assert problem.fix == f"renommez-le « cases/{suggestion} »"
    assert_french(problem)


def test_images_beside_the_content_are_accepted(content):
    content.write("cases/images/schema.png", PNG)
    content.write("methods/images/photo.jpg", b"\xff\xd8\xff\xe0" + bytes(12))
    assert content.check() == []


def test_other_files_are_refused(content):
    """Every file beside the Markdown is published: only images (tests/security/ has the
    dangerous ones)."""
    content.write("cases/notes.txt", "pas du Markdown")
    [problem] = content.check()
    assert (problem.path, problem.line) == ("cases/notes.txt", 1)
    assert "seules des images" in problem.message


# --- Templates and drafts --------------------------------------------------------------------


def test_files_starting_with_an_underscore_are_never_validated_nor_published(content):
    content.write("cases/_modele.md", "---\ntitle: [à compléter\n---\n")
    content.write("methods/_modele.md", "")
    site = content.site()
    assert [e.path for e in site.collection.all(kinds.CASE, drafts=True)] == [CASE_PATH]
    assert [e.path for e in site.collection.all(kinds.METHOD, drafts=True)] == [METHOD_PATH]


def test_a_draft_is_validated_but_not_published(content):
    content.write("cases/brouillon.md", case(draft="true"))
    site = content.site()
    assert [e.slug for e in site.cases] == ["pau-accueil"]
    assert {e.slug for e in site.collection.all(kinds.CASE, drafts=True)} == {
        "pau-accueil",
        "brouillon",
    }


def test_an_invalid_draft_still_fails(content):
    text = CASE.replace("format: atelier", "format: residense\ndraft: true")
    content.write("cases/brouillon.md", text)
    problem = content.only()
    assert (problem.path, problem.line, problem.field) == (
        "cases/brouillon.md",
        line_of(text, "format:"),
        "format",
    )


# --- Cross-references ---------------------------------------------------------------------


def test_unknown_method_suggests_the_nearest_slug(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: [entretien-usagers]")
    content.write(CASE_PATH, text)
    problem = content.only()
    assert problem.format() == (
        f"{CASE_PATH}:{line_of(text, 'methods:')}: methods[1]: "
        "méthode inconnue « entretien-usagers » — vouliez-vous dire « entretien-usager » ?"
    )


def test_unknown_method_with_no_near_slug_suggests_creating_it(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: [entretien-usager, world-cafe]")
    content.write(CASE_PATH, text)
    problem = content.only()
    assert problem.field == "methods[2]"
    assert problem.fix == "créez methods/world-cafe.md ou corrigez l’identifiant"


def test_methods_listed_one_per_line_are_reported_on_their_line(content):
    text = CASE.replace(
        "methods: [entretien-usager]", "methods:\n  - entretien-usager\n  - debat-mouvent"
    )
    content.write(CASE_PATH, text)
    content.write("methods/debat-mouvant.md", method("Débat mouvant"))
    problem = content.only()
    assert (problem.line, problem.field) == (line_of(text, "- debat-mouvent"), "methods[2]")
    assert problem.fix == "vouliez-vous dire « debat-mouvant » ?"


def test_a_case_cannot_name_a_case_as_a_method(content):
    content.write(
        "cases/autre.md", CASE.replace("methods: [entretien-usager]", "methods: [pau-accueil]")
    )
    assert content.only().message == "méthode inconnue « pau-accueil »"


def test_a_published_case_cannot_name_a_draft_method(content):
    content.write(METHOD_PATH, method("Entretien usager", draft="true"))
    reference, link = content.check()
    assert (reference.path, reference.field) == (CASE_PATH, "methods[1]")
    assert "brouillon" in reference.message
    assert reference.fix == f"publiez {METHOD_PATH} ou retirez ce renvoi"
    # the body's link to it too
    assert (link.path, link.line, link.field) == (CASE_PATH, line_of(CASE, "entretiens]"), BODY)
    assert "brouillon" in link.message


def test_a_draft_case_may_name_a_draft_method(content):
    content.write(METHOD_PATH, method("Entretien usager", draft="true"))
    content.write(CASE_PATH, case(draft="true"))
    assert content.check() == []


def test_a_method_related_to_itself(content):
    text = method("Entretien usager", related="[entretien-usager]")
    content.write(METHOD_PATH, text)
    problem = content.only()
    assert (problem.path, problem.line, problem.field) == (
        METHOD_PATH,
        line_of(text, "related:"),
        "related[1]",
    )
    assert problem.message == "une méthode ne peut être liée à elle-même"


def test_related_methods_must_exist_and_be_published(content):
    content.write("methods/debat-mouvant.md", method("Débat mouvant", draft="true"))
    content.write(METHOD_PATH, method("Entretien usager", related="[debat-mouvant, tour-de-tabl]"))
    problems = content.check()
    assert [(p.path, p.field) for p in problems] == [
        (METHOD_PATH, "related[1]"),
        (METHOD_PATH, "related[2]"),
    ]
    assert "brouillon" in problems[0].message
    assert problems[1].message == "méthode inconnue « tour-de-tabl »"


def test_a_method_that_exists_but_is_invalid_is_reported_once(content):
    content.write(METHOD_PATH, METHOD.replace("difficulty: facile", "difficulty: dure"))
    problems = content.check()
    assert [(p.path, p.field) for p in problems] == [(METHOD_PATH, "difficulty")]


# --- Slugs and aliases ----------------------------------------------------------------


def test_alias_equal_to_another_files_slug(content):
    content.write("cases/autre.md", case(aliases="[pau-accueil]"))
    problem = content.only()
    assert (problem.path, problem.field) == ("cases/autre.md", "aliases[1]")
    assert problem.message == f"« pau-accueil » est déjà l’identifiant de {CASE_PATH}"


def test_same_alias_in_two_files(content):
    content.write("cases/autre.md", case(aliases="[ancien-nom]"))
    content.write("cases/troisieme.md", case(aliases="[ancien-nom]"))
    problem = content.only()
    assert (problem.path, problem.field) == ("cases/troisieme.md", "aliases[1]")
    assert problem.message == "« ancien-nom » est déjà un ancien identifiant de cases/autre.md"
    assert problem.fix


def test_alias_of_a_method_may_equal_a_case_slug(content):
    # /cas/x/ and /methodes/x/ do not collide
    content.write(METHOD_PATH, method("Entretien usager", aliases="[pau-accueil]"))
    assert content.check() == []


# --- Links between content files ---------------------------------------------------------


def test_link_to_a_missing_content_file_suggests_the_nearest(content):
    text = CASE + "\nVoir le [débat](../methods/entretien-usagers.md).\n"
    content.write(CASE_PATH, text)
    problem = content.only()
    assert (problem.line, problem.field) == (line_of(text, "entretien-usagers.md"), BODY)
    assert problem.message == "lien vers un fichier inexistant « ../methods/entretien-usagers.md »"
    assert problem.fix == "vouliez-vous dire « methods/entretien-usager.md » ?"


def test_link_to_a_draft_from_a_published_page(content):
    content.write("cases/brouillon.md", case(draft="true"))
    text = CASE + "\nVoir aussi [ce cas](brouillon.md).\n"
    content.write(CASE_PATH, text)
    problem = content.only()
    assert (problem.path, problem.line) == (CASE_PATH, line_of(text, "brouillon.md"))
    assert "brouillon" in problem.message
    assert problem.fix == "publiez cases/brouillon.md ou retirez ce lien"


def test_links_between_drafts_are_accepted(content):
    content.write("cases/brouillon.md", case(draft="true"))
    content.write("cases/autre.md", case(draft="true") + "\n[Voir](brouillon.md)\n")
    assert content.check() == []


def test_link_in_a_field_is_checked_on_its_line(content):
    text = case(lessons='["Voir [la fiche](../methods/entretien.md)."]')
    content.write(CASE_PATH, text)
    problem = content.only()
    assert (problem.line, problem.field) == (line_of(text, "lessons:"), "lessons[1]")


@pytest.mark.parametrize(
    "link",
    [
        "../methods/entretien-usager.md",
        "../methods/entretien-usager.md#objectif",
        "#contexte",
        "pau-accueil.md",
        "https://example.org/page.md",
        "images/schema.png",
    ],
)
def test_valid_links(content, link):
    content.write("cases/images/schema.png", PNG)
    content.write(CASE_PATH, CASE + f"\n[lien]({link})\n")
    assert content.check() == []


@pytest.mark.parametrize(
    "link, words",
    [
        ("/methods/entretien-usager.md", "lien absolu"),
        ("images/absente.png", "ne mène à aucun fichier"),
        ("../docs/index.md", "inexistant"),
        ("_modele.md", "inexistant"),
    ],
)
def test_invalid_links(content, link, words):
    content.write("cases/_modele.md", CASE)
    content.write(CASE_PATH, CASE + f"\n[lien]({link})\n")
    problem = content.only()
    assert words in problem.message
    assert_french(problem)


# --- Every error of every file, at once ------------------------------------------------------


def test_every_problem_of_every_file_is_reported_in_one_run(content):
    content.write("cases/a-date.md", CASE.replace('"2019-06-27"', '"2019-02-30"'))
    content.write(
        "cases/b-plusieurs.md",
        CASE.replace("format: atelier", "format: residense\ntheme: x")
        + "\n<script>alert(1)</script>\n",
    )
    content.write("cases/c-vide.md", "")
    content.write("methods/d-yaml.md", "---\ntitle: [x\n---\n")
    content.write("methods/e-duree.md", METHOD.replace("max: 90", "max: 9"))
    content.write("Cases-ignored.md", "")  # not in a content folder
    problems = content.check()
    lines = report(problems).split("\n")
    assert [p.path for p in problems] == [
        "cases/a-date.md",
        "cases/b-plusieurs.md",
        "cases/b-plusieurs.md",
        "cases/b-plusieurs.md",
        "cases/c-vide.md",
        "methods/d-yaml.md",
        "methods/e-duree.md",
    ]
    assert lines == [p.format() for p in problems]
    assert lines == sorted(lines, key=lambda s: (s.split(":")[0], int(s.split(":")[1])))
    assert lines[1].startswith("cases/b-plusieurs.md:8: format: valeur inconnue « residense »")
    for problem in problems:
        assert_french(problem)


def test_a_file_with_a_schema_error_still_has_its_references_and_links_checked(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: [entretien-usagers]")
    text = text.replace('"2019-06-27"', '"2019-02-30"') + "\n[x](../methods/absente.md)\n"
    content.write(CASE_PATH, text)
    assert [(p.line, p.field) for p in content.check()] == [
        (line_of(text, "methods:"), "methods[1]"),
        (line_of(text, "date:"), "date"),
        (line_of(text, "absente.md"), BODY),
    ]


def test_bom_and_crlf_give_the_same_problems_on_the_same_lines(content):
    text = CASE.replace("format: atelier", "format: residense") + "\n<iframe></iframe>\n"
    content.write("cases/lf.md", text)
    content.write("cases/crlf.md", ("\ufeff" + text).replace("\n", "\r\n").encode())
    problems = content.check()
    by_file = {}
    for p in problems:
        by_file.setdefault(p.path, []).append((p.line, p.field, p.message))
    assert by_file["cases/crlf.md"] == by_file["cases/lf.md"]
    assert [line for line, _, _ in by_file["cases/lf.md"]] == [
        line_of(text, "format:"),
        line_of(text, "<iframe>"),
    ]


def test_a_valid_bom_crlf_file_is_accepted(content):
    content.write(CASE_PATH, ("\ufeff" + CASE).replace("\n", "\r\n").encode())
    [entry] = content.site().cases
    assert entry.data.title == "Un atelier d’accueil à la mairie de Pau"
