"""Splitting a content file and reading its YAML front matter safely."""

from __future__ import annotations

import time

import pytest
from samples import CASE, assert_french, line_of

from retex.frontmatter import parse_document
from retex.problems import FILE, HEADER

PATH = "cases/x.md"


def refused(raw: str | bytes):
    """The single problem that stops a file from being read."""
    document, problems = parse_document(raw.encode() if isinstance(raw, str) else raw, PATH)
    assert document is None, f"accepted: {document.data if document else None}"
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.path == PATH
    assert_french(problem)
    return problem


def parsed(raw: str | bytes):
    document, problems = parse_document(raw.encode() if isinstance(raw, str) else raw, PATH)
    assert document is not None and not problems, [p.format() for p in problems]
    return document


# --- The file itself -------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "\n\n  \n", "\ufeff"])
def test_empty_file_is_refused_with_the_template_as_fix(raw):
    problem = refused(raw)
    assert (problem.line, problem.field) == (1, FILE)
    assert "vide" in problem.message
    assert "_modele.md" in problem.fix


def test_file_not_in_utf8_names_the_line_of_the_bad_byte():
    raw = "---\ntitle: Café\n---\n\nUne ligne.\nLe café de la mairie.\n".encode("latin-1")
    problem = refused(raw)
    assert (problem.line, problem.field) == (2, FILE)
    assert "UTF-8" in problem.message and "0xe9" in problem.message
    assert "UTF-8" in problem.fix


def test_bad_byte_in_the_body_is_found_on_its_own_line():
    raw = CASE.encode() + b"\nfin du texte \xff\n"
    problem = refused(raw)
    assert problem.line == CASE.count("\n") + 2


def test_nul_byte_is_refused():
    problem = refused("---\ntitle: a\x00b\n---\n")
    assert problem.line == 2


# --- The front matter's frame ---------------------------------------------------------


def test_missing_opening_dashes():
    problem = refused("title: Un cas\n---\n\nTexte.\n")
    assert (problem.line, problem.field) == (1, HEADER)
    assert "---" in problem.message and "---" in problem.fix


def test_unclosed_front_matter():
    problem = refused("---\ntitle: Un cas\nsummary: Résumé.\n\n## Contexte\n")
    assert (problem.line, problem.field) == (1, HEADER)
    assert "pas fermé" in problem.message
    assert "---" in problem.fix


@pytest.mark.parametrize(
    "header, line",
    [
        ("- title\n- summary\n", 2),  # a list
        ("Un cas sur l’accueil\n", 2),  # a bare string
        ("42\n", 2),  # a number
        ("", 1),  # nothing at all between the dashes
    ],
    ids=["list", "string", "number", "empty"],
)
def test_front_matter_must_be_a_mapping(header, line):
    problem = refused(f"---\n{header}---\n\nTexte.\n")
    assert (problem.line, problem.field) == (line, HEADER)
    assert "clé: valeur" in problem.message


def test_three_dots_also_close_the_front_matter():
    document = parsed("---\ntitle: Un cas\n...\n\nTexte.\n")
    assert document.data == {"title": "Un cas"}
    assert document.body_line == 4


# --- Invalid YAML: the line where the fix goes, in French -----------------------------------


@pytest.mark.parametrize(
    "yaml_text, line, words",
    [
        ("title: Un cas\nthemes: [Relation aux usagers\nformat: atelier\n", 3, "crochet"),
        ("title: Un cas\nterritory: {name: Pau\nformat: atelier\n", 3, "accolade"),
        ('title: "Un cas\nformat: atelier\n', 2, "guillemet"),
        ("title: Un cas\nsummary: Pau : une journée\n", 3, "deux-points"),
        ("title: Un cas\n\tsummary: Résumé\n", 3, "tabulation"),
        ("title: Un cas\nsummary\nformat: atelier\n", 3, "deux-points"),
        ("title: Un cas\n  summary: décalé\n", 3, "deux-points"),
        ("title: @mairie\n", 2, "guillemets"),
        ('title: "Un \\q"\n', 2, "barre oblique"),
        ("title: Un cas\n- atelier\n", 3, "indentation"),
    ],
    ids=[
        "unclosed-bracket",
        "unclosed-brace",
        "unclosed-quote",
        "colon-in-value",
        "tab",
        "missing-colon",
        "bad-indent",
        "reserved-character",
        "unknown-escape",
        "list-in-mapping",
    ],
)
def test_invalid_yaml_names_its_line_in_french(yaml_text, line, words):
    problem = refused(f"---\n{yaml_text}---\n\nTexte.\n")
    assert (problem.line, problem.field) == (line, HEADER)
    assert problem.message.startswith("YAML invalide : ")
    assert words in problem.text()
    assert problem.fix


def test_unclosed_bracket_says_where_it_opened():
    problem = refused("---\ntitle: Un cas\nthemes: [Relation aux usagers\nformat: atelier\n---\n")
    assert "ouvert à la ligne 3" in problem.message


# --- No code ever runs from content -------------------------------------------------------


@pytest.mark.parametrize(
    "value, tag",
    [
        ('!!python/object/apply:os.system ["echo hi"]', "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!python/object/new:pathlib.Path [x]", "!!python/object/new:pathlib.Path"),
        ("!!set {a, b}", "!!set"),
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!omap [a: 1]", "!!omap"),
        ("!foo bar", "!foo"),
        ("!foo {name: Pau}", "!foo"),
        ("!foo [a, b]", "!foo"),
    ],
)
def test_yaml_tags_that_build_objects_are_refused(value, tag):
    problem = refused(f"---\ntitle: Un cas\nsummary: {value}\n---\n")
    assert (problem.line, problem.field) == (3, "summary")
    assert f"« {tag} » refusée" in problem.message
    assert "!" in problem.fix


def test_a_nested_tag_names_its_field_and_line():
    problem = refused("---\ntitle: Un cas\nsources:\n  - title: x\n    url: !foo y\n---\n")
    assert (problem.line, problem.field) == (5, "sources[1].url")


def test_no_code_runs_from_a_tag(tmp_path):
    target = tmp_path / "pwned"
    for value in (
        f'!!python/object/apply:os.system ["touch {target}"]',
        "!!python/object/apply:pathlib.Path.touch "
        f'[!!python/object/apply:pathlib.Path ["{target}"]]',
        f'!!python/object/new:subprocess.Popen [["touch", "{target}"]]',
    ):
        refused(f"---\ntitle: {value}\n---\n")
        refused(f"---\ntitle: Un cas\nlessons:\n  - {value}\n---\n")
    assert not target.exists()


def test_plain_tags_for_plain_data_are_accepted():
    document = parsed('---\ntitle: !!str 2019\ncount: !!int "3"\n---\n')
    assert document.data == {"title": "2019", "count": 3}


def test_billion_laughs_is_refused_at_its_first_alias_quickly():
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, 10):
        previous, name = chr(ord("a") + n - 1), chr(ord("a") + n)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    started = time.perf_counter()
    problem = refused("---\n" + "\n".join(levels) + "\n---\n")
    assert time.perf_counter() - started < 2  # expanded, it would be 9**10 strings
    assert (problem.line, problem.field) == (3, "b[1]")
    assert "alias" in problem.message


def test_alias_of_a_scalar_and_merge_keys_are_refused():
    problem = refused("---\ntitle: &t Un cas\nsummary: *t\n---\n")
    assert (problem.line, problem.field) == (3, "summary")
    problem = refused("---\nbase: &b {name: Pau}\nterritory:\n  <<: *b\n---\n")
    assert problem.line in (4, 5)
    assert "alias" in problem.message or "fusion" in problem.message


def test_undefined_alias_is_refused():
    problem = refused("---\ntitle: *nothing\n---\n")
    assert problem.line == 2
    assert "alias" in problem.message


# --- Keys given twice --------------------------------------------------------------------


def test_key_given_twice_points_to_the_second_and_names_the_first():
    raw = "---\ntitle: Un cas\nsummary: Résumé.\ntitle: Un autre titre\n---\n\nTexte.\n"
    document, problems = parse_document(raw.encode(), PATH)
    assert [(p.line, p.field) for p in problems] == [(4, "title")]
    assert "deux fois" in problems[0].message
    assert "ligne 2" in problems[0].message
    assert_french(problems[0])
    # the first value is kept, so that the rest of the file is still checked
    assert document.data["title"] == "Un cas"


def test_nested_key_given_twice():
    raw = "---\nterritory:\n  name: Pau\n  level: commune\n  name: Lescar\n---\n"
    _, problems = parse_document(raw.encode(), PATH)
    assert [(p.line, p.field) for p in problems] == [(5, "territory.name")]
    assert "ligne 3" in problems[0].message


def test_every_key_given_twice_is_reported():
    raw = "---\ntitle: a\nformat: b\ntitle: c\nformat: d\n---\n"
    _, problems = parse_document(raw.encode(), PATH)
    assert [(p.line, p.field) for p in problems] == [(4, "title"), (5, "format")]


def test_complex_keys_are_refused():
    problem = refused("---\n? [a, b]\n: c\n---\n")
    assert problem.line == 2


# --- What is kept: data, lines, body ---------------------------------------------------------


def test_dates_stay_strings_until_the_schema_reads_them():
    document = parsed("---\ndate: 2019-06-27\nend_date: 2019-06-28 10:00:00\nyear: 2019\n---\n")
    assert document.data == {"date": "2019-06-27", "end_date": "2019-06-28 10:00:00", "year": 2019}


def test_line_of_every_key_and_list_item():
    document = parsed(CASE)
    assert document.line_of(("title",)) == 2
    assert document.line_of(("territory", "level")) == line_of(CASE, "level:")
    assert document.line_of(("methods", 0)) == line_of(CASE, "methods:")
    raw = "---\ntitle: x\nsources:\n  - title: a\n  - title: b\n    url: https://a.fr\n---\n"
    document = parsed(raw)
    assert document.line_of(("sources", 1)) == 5
    assert document.line_of(("sources", 1, "url")) == 6
    # a location with no line of its own falls back on its closest parent
    assert document.line_of(("sources", 1, "missing")) == 5
    assert document.line_of(("nowhere",)) == 1


def test_body_and_its_first_line():
    document = parsed(CASE)
    assert document.body.lstrip().startswith("## Contexte")
    assert document.body_line == line_of(CASE, "---", 2) + 1


def test_utf8_bom_and_crlf_are_accepted_with_the_right_lines():
    crlf = "\ufeff" + CASE.replace("\n", "\r\n")
    document = parsed(crlf.encode())
    plain = parsed(CASE)
    assert document.data == plain.data
    assert document.body == plain.body
    assert document.body_line == plain.body_line
    assert document.lines == plain.lines


def test_crlf_file_with_errors_reports_the_same_lines():
    raw = "\ufeff---\r\ntitle: a\r\nsummary: b\r\ntitle: c\r\n---\r\n"
    _, problems = parse_document(raw.encode(), PATH)
    assert [(p.line, p.field) for p in problems] == [(4, "title")]
    problem = refused("\ufeff---\r\ntitle: a\r\nthemes: [x\r\n---\r\n".encode())
    assert problem.line == 3


def test_old_mac_line_endings_count_lines_too():
    problem = refused(b"---\rtitle: a\rsummary: b\rthemes: [x\r---\r")
    assert problem.line == 4


def test_oversized_file_is_refused():
    problem = refused(b"---\ntitle: x\n---\n" + b"x" * 1_000_001)
    assert (problem.line, problem.field) == (1, FILE)
    assert "volumineux" in problem.message
