"""The synthetic corpus generator: valid, complete, deterministic, varied."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from retex.collection import source_files
from retex.kinds import CASE, KINDS, METHOD, Kind
from retex.site import check_content
from retex.vocabulary import load_vocabulary
from tools.corpus import FORBIDDEN_IN_TITLES, SyntheticError, generate

ROOT = Path(__file__).resolve().parent.parent
CASES = 200
SEED = 7
LINK_RE = re.compile(r"\]\(\.\./methods/([a-z0-9-]+)\.md\)")
WORD_RE = re.compile(r"[^\W\d_]+")
DATE_LINE_RE = re.compile(r'^(date|end_date): "(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"$', re.M)


def _real(folder: str) -> set[str]:
    return {p.split("/", 1)[1][:-3] for p in source_files(ROOT) if p.startswith(folder + "/")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("synthetic") / "corpus"
    counts = generate(out, CASES, seed=SEED)
    site, problems = check_content(out)
    return out, counts, site, problems


def _generated(site, kind: Kind):
    real = _real(kind.folder)
    return [e for e in site.collection.all(kind, drafts=True) if e.slug not in real]


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("cases", "methods")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_corpus_passes_the_real_validation(corpus):
    _, _, site, problems = corpus
    assert problems == [], "\n".join(str(p) for p in problems[:20])
    assert site is not None


def test_counts(corpus):
    out, counts, site, _ = corpus
    real_cases, real_methods = _real("cases"), _real("methods")
    assert counts["cases"] == CASES
    assert counts["methods"] == CASES // 10
    assert counts["total_cases"] == CASES + len(real_cases)
    assert counts["total_methods"] == CASES // 10 + len(real_methods)
    assert len(site.collection.all(CASE, drafts=True)) == CASES + len(real_cases)
    assert len(site.collection.all(METHOD, drafts=True)) == CASES // 10 + len(real_methods)
    assert counts["aliases"] == sum(len(e.data.aliases) for e in _generated(site, CASE))


def test_project_is_complete_and_real_content_unchanged(corpus):
    out, *_ = corpus
    for name in ("mkdocs.yml", "vocabulary.yml", "docs", "overrides"):
        assert (out / name).exists(), name
    assert not list(out.rglob("__pycache__"))
    for path in source_files(ROOT):
        assert (out / path).read_bytes() == (ROOT / path).read_bytes(), path


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    generate(tmp_path / "a", 40, seed=3)
    generate(tmp_path / "b", 40, seed=3)
    generate(tmp_path / "c", 40, seed=4)
    first, again, other = (_files(tmp_path / name) for name in "abc")
    assert first == again
    assert first != other


def test_cases_reference_published_methods_and_link_only_to_them(corpus):
    _, _, site, _ = corpus
    published = {m.slug for m in site.collection.methods}
    real_methods = _real("methods")
    used_real = set()
    for case in _generated(site, CASE):
        assert not case.draft
        assert set(case.data.methods) <= published, case.slug
        linked = set(LINK_RE.findall(case.body))
        assert linked and linked <= set(case.data.methods), case.slug
        used_real |= set(case.data.methods) & real_methods
    assert used_real, "generated cases should also use the real method sheets"
    for method in _generated(site, METHOD):
        assert method.slug not in method.data.related
        assert set(method.data.related) <= published, method.slug


def test_some_cases_have_unique_aliases(corpus):
    _, counts, site, _ = corpus
    slugs = {e.slug for kind in KINDS for e in site.collection.all(kind, drafts=True)}
    aliases = [a for e in _generated(site, CASE) for a in e.data.aliases]
    assert 1 <= len(aliases) <= CASES // 20
    assert len(aliases) == len(set(aliases)) == counts["aliases"]
    assert not set(aliases) & slugs


def test_vocabulary_values_are_diverse(corpus):
    out, _, site, _ = corpus
    cases = _generated(site, CASE)
    vocabulary = load_vocabulary(out / "vocabulary.yml")
    themes = {t for c in cases for t in c.data.themes}
    assert len(themes) >= 8
    assert themes <= set(vocabulary.labels("themes"))
    assert len({c.data.format for c in cases}) >= 5
    assert len({c.data.territory.level for c in cases}) >= 5
    assert len({c.data.territory.region for c in cases} - {None}) >= 12
    completeness = {c.data.completeness for c in cases}
    assert completeness - {None} == set(vocabulary.labels("completeness"))
    assert None in completeness  # sometimes left out, as contributors do
    methods = _generated(site, METHOD)
    assert len({p for m in methods for p in m.data.phase}) >= 5


def test_bodies_use_a_natural_varied_vocabulary(corpus):
    _, _, site, _ = corpus
    bodies = [c.body for c in _generated(site, CASE)]
    words = {w for body in bodies for w in WORD_RE.findall(body.lower())}
    assert len(words) > 2000
    # Not one sentence repeated: most first paragraphs are unique.
    openings = {body.split("## Contexte", 1)[1].strip().split(".")[0] for body in bodies}
    assert len(openings) > 0.9 * len(bodies)


def test_case_shape(corpus):
    out, _, site, _ = corpus
    cases = _generated(site, CASE)
    with_end = with_testimonial = with_follow_up = 0
    for case in cases:
        body = case.body
        headings = re.findall(r"^## (.+)$", body, re.M)
        assert headings == ["Contexte", "Démarche", "Résultats"], case.slug
        assert 200 <= len(body.split()) <= 400, (case.slug, len(body.split()))
        assert "'" not in LINK_RE.sub("", body), case.slug  # typographic apostrophes only
        assert not any(p in case.title.casefold() for p in FORBIDDEN_IN_TITLES), case.title
        assert all(
            s.url is None or s.url.startswith("https://exemple.fr/") for s in case.data.sources
        )
        text = (out / case.path).read_text(encoding="utf-8")
        for _, year, month, _day in DATE_LINE_RE.findall(text):
            assert 2012 <= int(year) <= 2025
            assert month == "" or 1 <= int(month) <= 12
        if case.data.date and case.data.end_date:
            with_end += 1
            assert case.data.end_date.end_key >= case.data.date.sort_key
            assert str(case.data.end_date) != str(case.data.date)
        with_testimonial += case.data.testimonial is not None
        with_follow_up += case.data.follow_up is not None
    assert 0 < with_end < len(cases) / 2
    assert 0 < with_testimonial < len(cases) / 2
    assert 0 < with_follow_up < len(cases) / 2
    # Optional lists in realistic proportions.
    for field, low in (("lessons", 0.5), ("challenges", 0.3), ("outcomes", 0.5), ("audience", 0.5)):
        share = sum(bool(getattr(c.data, field)) for c in cases) / len(cases)
        assert low < share < 1, field


def test_method_shape(corpus):
    _, _, site, _ = corpus
    for method in _generated(site, METHOD):
        headings = re.findall(r"^## (.+)$", method.body, re.M)
        assert headings == ["Objectif", "Déroulé", "Conseils", "Pièges à éviter"], method.slug
        steps = re.findall(r"^\d+\. ", method.body, re.M)
        assert 4 <= len(steps) <= 7, method.slug
        assert method.data.duration.min <= method.data.duration.max
        assert method.data.participants.min <= method.data.participants.max
        assert "'" not in method.body


def test_refuses_a_non_empty_output_folder(tmp_path):
    out = tmp_path / "busy"
    out.mkdir()
    (out / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(SyntheticError, match="n’est pas vide"):
        generate(out, 5)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]

    result = subprocess.run(
        [sys.executable, "-m", "tools.corpus", "--cases", "5", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "n’est pas vide" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_command_line_matches_the_function(tmp_path):
    (tmp_path / "empty").mkdir()  # an existing empty folder is accepted
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.corpus",
            "--cases",
            "25",
            "--out",
            str(tmp_path / "empty"),
            "--seed",
            "11",
            "--root",
            str(ROOT),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "25 cas et 2 méthodes générés" in result.stdout
    generate(tmp_path / "direct", 25, seed=11)
    assert _files(tmp_path / "empty") == _files(tmp_path / "direct")


def test_zero_cases_still_gives_one_method(tmp_path):
    counts = generate(tmp_path / "corpus", 0)
    assert (counts["cases"], counts["methods"], counts["aliases"]) == (0, 1, 0)
    _, problems = check_content(tmp_path / "corpus")
    assert problems == []
