"""The contributor's path: scaffold, check, annotations, workflows, edit links."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

import yaml

from retex.kinds import KINDS
from retex.scaffold import template_text
from retex.site import load_site
from support import ROOT, copy_project

TITLE = "Expérimentation à Évry : l’accueil d’abord"
SLUG = "experimentation-a-evry-l-accueil-d-abord"


def new(project, *args):
    from support import retex

    return retex(project.root, "new", *args)


def test_new_derives_the_slug_and_writes_the_template(empty_project):
    result = new(empty_project, "cas", TITRE := TITLE)
    assert result.returncode == 0, result.stderr
    path = empty_project.root / "cases" / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith('---\n# Titre de la fiche (obligatoire, texte).\ntitle: "' + TITRE)
    assert f"cases/{SLUG}.md" in result.stdout
    assert f"/cas/{SLUG}/" in result.stdout
    assert "retex check" in result.stdout
    assert "## Contexte" in text and "## Démarche" in text


def test_new_method(empty_project):
    result = new(empty_project, "methode", "Café « pitch » d’œuvres")
    assert result.returncode == 0, result.stderr
    assert (empty_project.root / "methods" / "cafe-pitch-d-oeuvres.md").is_file()


def test_new_refuses_to_overwrite(empty_project):
    assert new(empty_project, "cas", TITLE).returncode == 0
    path = empty_project.root / "cases" / f"{SLUG}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMon texte.\n", encoding="utf-8")
    before = path.read_bytes()
    again = new(empty_project, "cas", TITLE)
    assert again.returncode == 1
    assert "existe déjà" in again.stderr and "rien n’a été écrit" in again.stderr
    assert path.read_bytes() == before


def test_new_refuses_a_slug_used_as_alias(project):
    project.edit(
        "cases/pau-lean-startup-directeurs.md", "\ntitle:", "\naliases: [pau-journee-lean]\ntitle:"
    )
    result = new(project, "cas", "Pau : journée lean")
    assert result.returncode == 1
    assert "ancien identifiant de cases/pau-lean-startup-directeurs.md" in result.stderr
    assert not (project.root / "cases" / "pau-journee-lean.md").exists()


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text, count = re.subn(
            rf"^(\s*){re.escape(key)}:.*$", rf"\g<1>{key}: {value}", text, count=1, flags=re.M
        )
        assert count, key
    return text


def test_scaffold_passes_check_once_required_fields_are_filled(project):
    assert new(project, "cas", TITLE).returncode == 0
    path = f"cases/{SLUG}.md"
    first = project.check(path)
    assert first.returncode == 1
    assert f"{path}:5: summary: champ à compléter" in first.stdout
    assert re.search(
        rf"{re.escape(path)}:\d+: territory.level: champ à compléter — valeurs "
        r"possibles : commune, intercommunalité",
        first.stdout,
    )
    project.write(
        path,
        fill(
            project.read(path),
            {
                "summary": "Une ville teste un nouvel accueil.",
                "name": "Ville d’Évry-Courcouronnes",
                "level": "commune",
                "format": "expérimentation",
                "themes": "[Relation aux usagers]",
                "methods": "[entretien-usager]",
            },
        ),
    )
    second = project.check(path)
    assert second.returncode == 0, second.stdout
    method = "methods/cafe-pitch.md"
    assert new(project, "methode", "Café pitch").returncode == 0
    project.write(
        method,
        fill(
            project.read(method),
            {
                "summary": "Présenter une idée en trois minutes.",
                "phase": "[imaginer]",
                "min": "30",
                "max": "60",
                "difficulty": "facile",
            },
        )
        .replace(
            "participants:\n  # Minimum (obligatoire, nombre entier).\n  min:",
            "participants:\n  # Minimum (obligatoire, nombre entier).\n  min: 5",
        )
        .replace(
            "  # Maximum (obligatoire, nombre entier).\n  max:\n",
            "  # Maximum (obligatoire, nombre entier).\n  max: 20\n",
        ),
    )
    assert project.check(method).returncode == 0, project.check(method).stdout


def test_templates_are_generated_from_the_schema():
    site = load_site(ROOT)
    for kind in KINDS:
        folder = kind.folder
        committed = (ROOT / folder / "_modele.md").read_text(encoding="utf-8")
        assert committed == template_text(site.schema, kind), (
            f"{folder}/_modele.md est périmé : lancez « make modeles »"
        )
    case_template = (ROOT / "cases" / "_modele.md").read_text(encoding="utf-8")
    comments = [line.strip().lstrip("# ") for line in case_template.splitlines()]
    for label in site.vocabulary.labels("themes") + site.vocabulary.labels("regions"):
        assert any(label + "," in line or label + "." in line for line in comments), label


def test_github_annotations_point_at_the_line(project):
    project.edit("cases/pau-lean-startup-directeurs.md", "entretien-usager]", "entretien-usagers]")
    result = project.check("--format", "github")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert lines == [
        "::error file=cases/pau-lean-startup-directeurs.md,line=11,title=Retex %3A methods[2]::"
        "méthode inconnue « entretien-usagers » — vouliez-vous dire « entretien-usager » ?"
    ]


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_workflows_are_valid_and_call_the_readme_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    check = load_yaml(ROOT / ".github" / "workflows" / "verifier.yml")
    job = check["jobs"]["verifier"]
    assert "bookworm" in job["container"]
    steps = job["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make test" in runs and "retex check --format github" in runs
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)
    assert "python3 -m http.server" in runs
    deploy = load_yaml(ROOT / ".github" / "workflows" / "publier.yml")
    assert deploy[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads « on » as True
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["jobs"]["publier"]["steps"])
    hooks = load_yaml(ROOT / ".pre-commit-config.yaml")["repos"][0]
    assert hooks["repo"] == "local" and "retex check" in hooks["hooks"][0]["entry"]


def test_edit_and_report_links(built_site):
    html = (built_site / "cas" / "pau-lean-startup-directeurs" / "index.html").read_text("utf-8")
    assert (
        'href="https://github.com/retex/retex/edit/main/cases/pau-lean-startup-directeurs.md"'
        in html
    )
    assert ">Modifier cette page</a>" in html and ">Signaler une erreur</a>" in html
    when = last_commit_date("cases/pau-lean-startup-directeurs.md")
    assert (
        f'Dernière modification\u00a0: <time datetime="{when:%Y-%m-%d}">{french_date(when)}</time>'
        in html
    )
    method = (built_site / "methodes" / "debat-mouvant" / "index.html").read_text("utf-8")
    assert "edit/main/methods/debat-mouvant.md" in method
    about = (built_site / "a-propos" / "index.html").read_text("utf-8")
    assert "edit/main/docs/a-propos.md" in about


MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def french_date(day: dt.date) -> str:
    """« 1er décembre 2026 », « 22 novembre 2026 »: how a French page writes a date."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS.split()[day.month - 1]} {day.year}"


def last_commit_date(path: str) -> dt.date:
    """The day of the file's last commit (UTC), or today outside Git, as the build dates it."""
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", path],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    stamp = dt.datetime.fromtimestamp(int(out), dt.UTC) if out else dt.datetime.now(dt.UTC)
    return stamp.date()


def test_a_page_last_changed_on_the_first_of_a_month(tmp_path):
    """The date under a sheet reads « 1er décembre 2026 », not « 1 décembre »."""
    project = copy_project(tmp_path / "repo")
    moment = "2026-12-01T09:30:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "Contenu"],
    ):
        subprocess.run(["git", *args], cwd=project.root, env=env, check=True, capture_output=True)
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.root / "site" / "cas" / "pau-lean-startup-directeurs" / "index.html"
    expected = '<time datetime="2026-12-01">1er décembre 2026</time>'
    assert expected in page.read_text(encoding="utf-8")
