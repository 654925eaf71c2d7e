"""The content model: strict Case and Method schemas, with French messages and fixes."""

from __future__ import annotations

import pytest
from samples import CASE, METHOD, Content, assert_french, case, line_of

from retex import kinds
from retex.schema import PartialDate, build_schema, parse_partial_date
from retex.vocabulary import load_vocabulary

CASE_PATH = "cases/pau-accueil.md"
METHOD_PATH = "methods/entretien-usager.md"


@pytest.fixture
def content(tmp_path):
    return Content(tmp_path).valid()


def problem_in(content: Content, path: str, text: str):
    """Write ``text`` to ``path`` and return its single problem, checked for French."""
    content.write(path, text)
    problem = content.only(path)
    assert_french(problem)
    return problem


def test_the_sample_case_and_method_are_valid(content):
    assert content.check() == []
    site = content.site()
    assert [e.slug for e in site.cases] == ["pau-accueil"]
    assert [e.slug for e in site.methods] == ["entretien-usager"]


# --- Unknown and missing keys --------------------------------------------------------------


@pytest.mark.parametrize(
    "typo, field, suggestion",
    [
        ("theme: [Relation aux usagers]", "theme", "themes"),
        ("methode: [entretien-usager]", "methode", "methods"),
        ("sumary: Un résumé.", "sumary", "summary"),
        ("lesson: [Une leçon]", "lesson", "lessons"),
        ("end-date: '2019-06-28'", "end-date", "end_date"),
    ],
)
def test_unknown_key_suggests_the_nearest(content, typo, field, suggestion):
    text = CASE.replace("format: atelier\n", f"format: atelier\n{typo}\n")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, typo), field)
    assert problem.message == "champ inconnu"
    assert problem.fix == f"vouliez-vous dire « {suggestion} » ?"


def test_unknown_nested_key_suggests_the_nearest(content):
    text = CASE.replace("  level: commune\n", "  level: commune\n  levle: commune\n")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "levle"), "territory.levle")
    assert problem.fix == "vouliez-vous dire « level » ?"


def test_unknown_key_far_from_any_lists_the_allowed_ones(content):
    text = CASE.replace("format: atelier\n", "format: atelier\nbudget: 3000\n")
    problem = problem_in(content, CASE_PATH, text)
    assert problem.fix.startswith("champs admis ici : title, summary, territory")


def test_method_fields_are_unknown_in_a_case(content):
    text = CASE.replace("format: atelier\n", "format: atelier\nphase: [comprendre]\n")
    problem = problem_in(content, CASE_PATH, text)
    assert problem.field == "phase" and problem.message == "champ inconnu"


def test_missing_required_fields_of_a_case_are_all_listed(content):
    text = "---\ntitle: Un cas\ndate: '2019'\n---\n\nTexte.\n"
    content.write(CASE_PATH, text)
    problems = content.check()
    assert [(p.path, p.line, p.field) for p in problems] == [
        (CASE_PATH, 1, name) for name in ("format", "methods", "summary", "territory", "themes")
    ]
    for problem in problems:
        assert problem.message == "champ obligatoire manquant"
        assert problem.fix == f"ajoutez une ligne « {problem.field}: … »"


def test_missing_required_fields_of_a_method_are_all_listed(content):
    content.write(METHOD_PATH, "---\ntitle: Entretien usager\n---\n\nTexte.\n")
    problems = [p for p in content.check() if p.path == METHOD_PATH]
    assert [p.field for p in problems] == [
        "difficulty",
        "duration",
        "participants",
        "phase",
        "summary",
    ]


def test_missing_nested_fields_point_at_their_parent(content):
    text = CASE.replace("  level: commune\n", "")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "territory:"), "territory.level")
    text = METHOD.replace("  max: 90\n", "")
    problem = problem_in(content, METHOD_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "duration:"), "duration.max")


# --- Types ---------------------------------------------------------------------------------


def test_themes_written_as_a_string_must_be_a_list(content):
    text = CASE.replace("themes: [Relation aux usagers]", "themes: Inclusion numérique")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "themes:"), "themes")
    assert problem.message == "doit être une liste"
    assert "[valeur 1, valeur 2]" in problem.fix


def test_duration_written_as_a_quoted_string_must_be_a_number(content):
    text = METHOD.replace("  min: 45", '  min: "45"')
    problem = problem_in(content, METHOD_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "min: "), "duration.min")
    assert problem.message == "doit être un nombre entier"


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            "territory:\n  name: Ville de Pau\n  level: commune\n  region: Nouvelle-Aquitaine",
            "territory: Ville de Pau",
            "territory",
            "doit être un groupe de champs",
        ),
        (
            "title: Un atelier d’accueil à la mairie de Pau",
            "title: 2019",
            "title",
            "doit être un texte",
        ),
        ("format: atelier", "format: atelier\ndraft: oui", "draft", "doit être true ou false"),
        (
            "format: atelier",
            "format: atelier\nlessons: Une leçon.",
            "lessons",
            "doit être une liste",
        ),
        (
            "title: Un atelier d’accueil à la mairie de Pau",
            'title: ""',
            "title",
            "ne doit pas être vide",
        ),
        (
            "themes: [Relation aux usagers]",
            "themes: []",
            "themes",
            "au moins une valeur est requise",
        ),
    ],
    ids=["group", "text", "bool", "list", "empty", "empty-list"],
)
def test_wrong_types(content, old, new, field, message):
    text = CASE.replace(old, new)
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.field, problem.message) == (field, message)
    assert problem.line == line_of(text, new.split("\n")[-1])


@pytest.mark.parametrize("field, limit", [("title", 140), ("summary", 400)])
def test_title_and_summary_have_a_length_limit(content, field, limit):
    text = CASE.replace(f"{field}: ", f"{field}: " + "x" * limit, 1)
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, f"{field}: "), field)
    assert problem.message == f"trop long : {limit} caractères au plus"
    assert problem.fix == "raccourcissez ce texte"


def test_a_value_listed_twice(content):
    text = CASE.replace(
        "themes: [Relation aux usagers]", "themes: [Relation aux usagers, relation aux usagers]"
    )
    problem = problem_in(content, CASE_PATH, text)
    assert problem.field == "themes"
    assert "figure deux fois" in problem.message and "position 2" in problem.message


def test_slug_fields_suggest_a_slug(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: [Entretien Usager]")
    problem = problem_in(content, CASE_PATH, text)
    assert problem.field == "methods[1]"
    assert "vouliez-vous dire « entretien-usager » ?" in problem.message


# --- Dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        ('"2019-02-30"', "date impossible : « 2019-02-30 » n’existe pas dans le calendrier"),
        ("2019-02-30", "date impossible : « 2019-02-30 » n’existe pas dans le calendrier"),
        ('"2019-13"', "date impossible : « 2019-13 » n’existe pas dans le calendrier"),
        ('"27/06/2019"', "date « 27/06/2019 » illisible"),
        ('"juin 2019"', "date « juin 2019 » illisible"),
        ('"2019-6-27"', "date « 2019-6-27 » illisible"),
        ("1789", "année « 1789 » invraisemblable"),
        ("yes", "une date s’écrit AAAA, AAAA-MM ou AAAA-MM-JJ"),
    ],
)
def test_invalid_dates(content, value, message):
    text = CASE.replace('date: "2019-06-27"', f"date: {value}")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "date:"), "date")
    assert problem.message.startswith(message)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2019", PartialDate(2019)),
        ('"2019"', PartialDate(2019)),
        ("2019-06", PartialDate(2019, 6)),
        ("2019-06-27", PartialDate(2019, 6, 27)),
        ('"2020-02-29"', PartialDate(2020, 2, 29)),
    ],
)
def test_dates_known_to_the_year_month_or_day(content, value, expected):
    content.write(CASE_PATH, CASE.replace('date: "2019-06-27"', f"date: {value}"))
    assert content.site().cases[0].data.date == expected


def test_date_can_be_left_out(content):
    content.write(CASE_PATH, CASE.replace('date: "2019-06-27"\n', ""))
    assert content.site().cases[0].data.date is None


def test_end_date_before_date(content):
    text = CASE.replace('date: "2019-06-27"', 'date: "2019-06-27"\nend_date: "2019-06-01"')
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "end_date"), "end_date")
    assert problem.message == "la date de fin (2019-06-01) précède la date de début (2019-06-27)"


@pytest.mark.parametrize("start, end", [('"2019-06-27"', "2019"), ("2019", "2019-01-01")])
def test_end_date_less_precise_than_date_is_accepted(content, start, end):
    text = CASE.replace('date: "2019-06-27"', f"date: {start}\nend_date: {end}")
    content.write(CASE_PATH, text)
    assert content.check() == []


def test_partial_dates_read_in_french():
    assert parse_partial_date("2019-06-27").french == "27 juin 2019"
    assert parse_partial_date("2019-06-01").french == "1er juin 2019"
    assert parse_partial_date("2017-11").french == "novembre 2017"
    assert parse_partial_date(2017).french == "2017"
    assert str(parse_partial_date("2019-06")) == "2019-06"


# --- Ranges --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        (
            "  max: 90",
            "  max: 30",
            "duration.max",
            "max (30) doit être supérieur ou égal à min (45)",
        ),
        (
            "  min: 1\n  max: 2",
            "  min: 5\n  max: 2",
            "participants.max",
            "max (2) doit être supérieur ou égal à min (5)",
        ),
        ("  min: 1\n", "  min: 0\n", "participants.min", "doit être supérieur ou égal à 1"),
    ],
)
def test_ranges_must_be_ordered_and_positive(content, old, new, field, message):
    text = METHOD.replace(old, new)
    problem = problem_in(content, METHOD_PATH, text)
    assert (problem.field, problem.message) == (field, message)
    assert problem.line == line_of(text, new.strip().split("\n")[-1])


# --- Vocabularies --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, field, suggestion",
    [
        ("format: atelier", "format: residense", "format", "résidence"),
        (
            "  region: Nouvelle-Aquitaine",
            "  region: Nouvelle Aquitaine",
            "territory.region",
            "Nouvelle-Aquitaine",
        ),
        ("  level: commune", "  level: comune", "territory.level", "commune"),
        (
            "themes: [Relation aux usagers]",
            "themes: [Relation aux usager]",
            "themes[1]",
            "Relation aux usagers",
        ),
    ],
)
def test_unknown_vocabulary_value_suggests_the_nearest_term(content, old, new, field, suggestion):
    text = CASE.replace(old, new)
    problem = problem_in(content, CASE_PATH, text)
    value = new.split(": ", 1)[1].strip("[]")
    assert (problem.line, problem.field) == (line_of(text, new.strip()), field)
    assert problem.message == f"valeur inconnue « {value} » — vouliez-vous dire « {suggestion} » ?"


def test_unknown_vocabulary_value_with_no_near_term(content):
    text = METHOD.replace("difficulty: facile", "difficulty: redoutable")
    problem = problem_in(content, METHOD_PATH, text)
    assert (problem.field, problem.message) == ("difficulty", "valeur inconnue « redoutable »")


@pytest.mark.parametrize(
    "written",
    [
        "Culture de l'innovation",
        "Culture de l’innovation",
        "culture de l'innovation",
        "Culture  de l‘innovation",
    ],
)
def test_apostrophe_style_and_case_are_tolerated_and_stored_as_in_the_vocabulary(content, written):
    content.write(
        CASE_PATH, CASE.replace("themes: [Relation aux usagers]", f'themes: ["{written}"]')
    )
    assert content.site().cases[0].data.themes == ["Culture de l’innovation"]


def test_every_vocabulary_field_is_checked(content):
    text = CASE.replace(
        "format: atelier", "format: atelier\naudience: [agents, élus]\ncompleteness: finie"
    )
    content.write(CASE_PATH, text)
    assert [p.field for p in content.check()] == ["audience[1]", "completeness"]
    text = METHOD.replace("difficulty: facile", "difficulty: facile\nmodality: [sur place]")
    text = text.replace("phase: [comprendre]", "phase: [comprende]")
    content.write(METHOD_PATH, text)
    assert [p.field for p in content.check() if p.path == METHOD_PATH] == [
        "phase[1]",
        "modality[1]",
    ]


# --- Sources ---------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["www.example.org", "example.org/page", "https://", "ftp://a.fr/x"])
def test_source_url_must_be_a_web_address(content, url):
    text = CASE.replace(
        "format: atelier", f"format: atelier\nsources:\n  - title: Compte rendu\n    url: {url}"
    )
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "url:"), "sources[1].url")


def test_source_without_url_is_accepted(content):
    text = CASE.replace(
        "format: atelier",
        "format: atelier\nsources:\n  - title: Compte rendu interne\n"
        "  - title: Site\n    url: https://example.org/cr",
    )
    content.write(CASE_PATH, text)
    [entry] = content.site().cases
    assert [s.url for s in entry.data.sources] == [None, "https://example.org/cr"]


def test_a_complete_case_is_valid(content):
    content.write(
        CASE_PATH,
        case(
            end_date='"2019-06-28"',
            audience="[agents publics, usagers]",
            actors="[Ville de Pau]",
            facilitators="[Une équipe]",
            outcomes="[Un accueil revu.]",
            lessons="[Écouter d’abord.]",
            challenges="[Le calendrier.]",
            success_conditions="[Du temps pour les agents.]",
            follow_up="{date: '2020', text: Le dispositif a été étendu.}",
            testimonial="{quote: C’était utile., author: Une agente, role: Accueil}",
            sources="[{title: Compte rendu, url: 'https://example.org'}]",
            completeness="complète",
            license="CC BY 4.0",
            aliases="[accueil-pau]",
            draft="false",
        ),
    )
    [entry] = content.site().cases
    assert entry.data.testimonial.author == "Une agente"
    assert entry.data.follow_up.date == PartialDate(2020)


# --- JSON Schema for editors ----------------------------------------------------------------


def test_json_schemas_list_required_fields_and_vocabularies():
    from samples import ROOT

    schema = build_schema(load_vocabulary(ROOT / "vocabulary.yml"))
    case_schema = schema.json_schema(kinds.CASE)
    assert set(case_schema["required"]) == {
        "title",
        "summary",
        "territory",
        "format",
        "themes",
        "methods",
    }
    assert case_schema["additionalProperties"] is False
    assert "résidence" in case_schema["properties"]["format"]["enum"]
    method_schema = schema.json_schema(kinds.METHOD)
    assert set(method_schema["required"]) == {
        "title",
        "summary",
        "phase",
        "duration",
        "participants",
        "difficulty",
    }


# --- An ébauche may name no method -------------------------------------------------------


def test_a_case_without_method_must_be_an_ebauche(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: []")
    problem = problem_in(content, CASE_PATH, text)
    assert (problem.line, problem.field) == (line_of(text, "methods: []"), "methods")
    assert "ébauche" in problem.message and "completeness: ébauche" in problem.fix
    partial = text.replace('date: "2019-06-27"', 'date: "2019-06-27"\ncompleteness: partielle')
    problem = problem_in(content, CASE_PATH, partial)
    assert problem.field == "methods" and problem.line == line_of(partial, "methods: []")


def test_an_ebauche_whose_source_names_no_method_lists_none(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: []").replace(
        'date: "2019-06-27"', 'date: "2019-06-27"\ncompleteness: ébauche'
    )
    content.write(CASE_PATH, text)
    assert content.check() == []
    (entry,) = content.site().cases
    assert list(entry.data.methods) == []


def test_the_ebauche_rule_is_reported_with_the_other_problems(content):
    text = CASE.replace("methods: [entretien-usager]", "methods: []").replace(
        "format: atelier", "format: atelierr"
    )
    content.write(CASE_PATH, text)
    assert [p.field for p in content.check()] == ["format", "methods"]


def test_the_json_schema_says_an_empty_method_list_is_for_an_ebauche():
    from samples import ROOT

    schema = build_schema(load_vocabulary(ROOT / "vocabulary.yml")).json_schema(kinds.CASE)
    assert schema["then"] == {"properties": {"methods": {"minItems": 1}}}
    assert schema["if"]["not"]["properties"]["completeness"] == {"const": "ébauche"}
    assert "ébauche" in schema["properties"]["methods"]["description"]
