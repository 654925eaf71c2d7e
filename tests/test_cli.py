"""``retex check``: the build's validation without the build, for contributors and CI."""

from __future__ import annotations

import re

import pytest
from samples import CASE, METHOD, ROOT, Content, line_of

from retex.cli import main
from retex.kinds import BY_COMMAND
from retex.problems import Problem, report
from retex.site import check_content
from support import retex


@pytest.fixture
def content(tmp_path):
    """A project with two broken files and a valid one."""
    content = Content(tmp_path).valid()
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    content.write("cases/date.md", CASE.replace('"2019-06-27"', '"2019-02-30"'))
    content.write(
        "methods/duree.md",
        METHOD.replace("max: 90", "max: 9").replace("difficulty: facile", "difficulty: dur"),
    )
    return content


def run(monkeypatch, capsys, cwd, *args):
    monkeypatch.chdir(cwd)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


# --- The console script --------------------------------------------------------------------


def test_real_content_passes():
    result = retex(ROOT, "check")
    site, _ = check_content(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.fullmatch(
        rf"Tout est valide : {len(site.collection.cases)} cas et "
        rf"{len(site.collection.methods)} méthodes publiés, vérifiés en \d+\.\d\d s\.\n",
        result.stdout,
    )
    assert result.stderr == ""


def test_problems_exit_1_with_every_problem_sorted(content):
    result = retex(content.root, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines() == report(content.check()).splitlines()
    assert result.stdout.splitlines() == [
        f"cases/date.md:{line_of(CASE, 'date:')}: date: date impossible : « 2019-02-30 » "
        "n’existe pas dans le calendrier",
        f"methods/duree.md:{line_of(METHOD, 'max: 90')}: duration.max: max (9) doit être "
        "supérieur ou égal à min (45)",
        f"methods/duree.md:{line_of(METHOD, 'difficulty')}: difficulty: valeur inconnue « dur »",
    ]
    assert "3 erreurs dans 2 fichiers" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_path_exits_2(content):
    result = retex(content.root, "check", "cases/absent.md")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "« cases/absent.md » n’existe pas dans le projet" in result.stderr


def test_path_outside_the_project_exits_2(content, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("ailleurs") / "x.md"
    elsewhere.write_text(CASE, encoding="utf-8")
    result = retex(content.root, "check", str(elsewhere))
    assert result.returncode == 2


def test_github_format_prints_annotations(content):
    result = retex(content.root, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=cases/date.md,line={line_of(CASE, 'date:')},title=Retex %3A date::"
        "date impossible : « 2019-02-30 » n’existe pas dans le calendrier",
        f"::error file=methods/duree.md,line={line_of(METHOD, 'max: 90')},"
        "title=Retex %3A duration.max::max (9) doit être supérieur ou égal à min (45)",
        f"::error file=methods/duree.md,line={line_of(METHOD, 'difficulty')},"
        "title=Retex %3A difficulty::valeur inconnue « dur »",
    ]
    assert result.stderr == ""


# --- Paths --------------------------------------------------------------------------------


def test_one_file_reports_only_its_problems(monkeypatch, capsys, content):
    code, out, _ = run(monkeypatch, capsys, content.root, "cases/date.md")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["cases/date.md"]


def test_a_folder_reports_its_files_problems(monkeypatch, capsys, content):
    code, out, _ = run(monkeypatch, capsys, content.root, "methods")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["methods/duree.md"] * 2


def test_a_valid_file_among_broken_ones(monkeypatch, capsys, content):
    code, out, _ = run(monkeypatch, capsys, content.root, "cases/pau-accueil.md")
    assert code == 0
    assert out == "Aucune erreur dans les fichiers demandés (d’autres fichiers en ont).\n"


def test_paths_are_relative_to_the_current_folder(monkeypatch, capsys, content):
    code, out, _ = run(monkeypatch, capsys, content.root / "cases", "date.md")
    assert code == 1
    assert out.startswith("cases/date.md:")


def test_several_paths(monkeypatch, capsys, content):
    code, out, _ = run(
        monkeypatch, capsys, content.root, "cases/date.md", "methods/duree.md", "--format", "text"
    )
    assert code == 1
    assert len(out.splitlines()) == 3


def test_github_format_on_valid_content_prints_nothing(monkeypatch, capsys, tmp_path):
    Content(tmp_path).valid()
    code, out, err = run(monkeypatch, capsys, tmp_path, "--format", "github")
    assert (code, out, err) == (0, "", "")


def test_text_format_on_valid_content(monkeypatch, capsys, tmp_path):
    Content(tmp_path).valid()
    code, out, _ = run(monkeypatch, capsys, tmp_path)
    assert code == 0
    assert out.startswith("Tout est valide : 1 cas et 1 méthodes publiés")


REQUIRED = {
    "cas": "summary, territory, format, themes, methods",
    "methode": "summary, phase, duration, participants, difficulty",
}


@pytest.mark.parametrize("name", sorted(BY_COMMAND))
def test_new_accepts_every_name_of_each_kind(monkeypatch, capsys, tmp_path, name):
    Content(tmp_path).valid()
    monkeypatch.chdir(tmp_path)
    kind = BY_COMMAND[name]
    assert main(["new", name, "Un essai"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / kind.folder / "un-essai.md").is_file()
    assert f"Elle sera publiée à l’adresse /{kind.prefix}/un-essai/." in out
    required = REQUIRED[kind.command_names[0]]
    assert f"remplissez les champs obligatoires ({required})" in out


# --- The message formats -------------------------------------------------------------------


def test_text_format():
    problem = Problem(
        "cases/x.md", 12, "themes[1]", "valeur inconnue « x »", "vouliez-vous dire « y » ?"
    )
    assert problem.format() == (
        "cases/x.md:12: themes[1]: valeur inconnue « x » — vouliez-vous dire « y » ?"
    )
    assert Problem("cases/x.md", 1, "fichier", "le fichier est vide").format() == (
        "cases/x.md:1: fichier: le fichier est vide"
    )


def test_github_format_escapes_properties_and_data():
    problem = Problem(
        "cases/a,b:c.md", 3, "sources[1].url", "100 % refusé\nligne 2\r", "voir : ici, là"
    )
    assert problem.format_github() == (
        "::error file=cases/a%2Cb%3Ac.md,line=3,title=Retex %3A sources[1].url::"
        "100 %25 refusé%0Aligne 2%0D — voir : ici, là"
    )


def test_report_sorts_by_file_then_line():
    problems = [
        Problem("methods/a.md", 2, "x", "m"),
        Problem("cases/b.md", 10, "x", "m"),
        Problem("cases/b.md", 9, "x", "m"),
        Problem("cases/a.md", 30, "x", "m"),
    ]
    assert [line.rsplit(":", 2)[0] for line in report(problems).splitlines()] == [
        "cases/a.md:30",
        "cases/b.md:9",
        "cases/b.md:10",
        "methods/a.md:2",
    ]
