"""Permanent URLs: aliases redirect, a lost URL fails the build, a retired page keeps a notice."""

from __future__ import annotations

import re
import subprocess

import pytest

from support import copy_project

OLD = "pau-lean-startup-directeurs"
NEW = "pau-journee-lean-startup"


def git(project, *args):
    subprocess.run(["git", *args], cwd=project.root, check=True, capture_output=True)


@pytest.fixture
def published(tmp_path):
    """A project whose content was committed on main: its URLs count as published."""
    (tmp_path / "repo").mkdir()
    project = copy_project(tmp_path / "repo")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(
        project,
        "-c",
        "user.name=Test",
        "-c",
        "user.email=t@example.org",
        "commit",
        "-qm",
        "Published content",
    )
    return project


def rename(project, *, alias: bool):
    source = project.root / "cases" / f"{OLD}.md"
    text = source.read_text(encoding="utf-8")
    if alias:
        text = text.replace("\ntitle:", f"\naliases: [{OLD}]\ntitle:", 1)
    (project.root / "cases" / f"{NEW}.md").write_text(text, encoding="utf-8")
    source.unlink()


def test_renamed_case_with_alias_redirects(published, tmp_path):
    rename(published, alias=True)
    result = published.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "cas" / NEW / "index.html").is_file()
    redirect = (site / "cas" / OLD / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in redirect
    assert "<script" not in redirect
    assert f'<meta http-equiv="refresh" content="0; url=../../cas/{NEW}/">' in redirect
    assert f'<link rel="canonical" href="https://retex.github.io/retex/cas/{NEW}/">' in redirect
    assert f'<a href="../../cas/{NEW}/">' in redirect, "a visible link"
    assert "changé d’adresse" in redirect


def test_renamed_case_without_alias_fails_naming_the_lost_url(published, tmp_path):
    rename(published, alias=False)
    result = published.build(tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"cases/{OLD}.md:1: aliases: l’adresse publiée /cas/{OLD}/ disparaît" in output
    assert f"ajoutez « {OLD} » aux aliases de cases/{NEW}.md" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site").exists(), "nothing built"
    # retex check says the same, for the pull request.
    check = published.check()
    assert check.returncode == 1 and f"/cas/{OLD}/ disparaît" in check.stdout


def test_committed_rename_is_still_guarded(published, tmp_path):
    rename(published, alias=False)
    git(published, "add", "-A")
    git(published, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "mv")
    result = published.build(tmp_path / "site")
    assert result.returncode != 0 and f"/cas/{OLD}/ disparaît" in result.stderr


def test_retired_page_keeps_a_notice(published, tmp_path):
    (published.root / "cases" / f"{OLD}.md").unlink()
    published.write(
        "retired.yml",
        f"""\
- url: /cas/{OLD}/
  date: "2026-11-02"
  reason: La collectivité a demandé le retrait de ce cas.
""",
    )
    result = published.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "cas" / OLD / "index.html").read_text(encoding="utf-8")
    assert "<h1>Page retirée</h1>" in page
    assert "2 novembre 2026" in page
    assert "La collectivité a demandé le retrait de ce cas." in page
    assert '<meta name="robots" content="noindex">' in page


def test_new_page_needs_no_extra_step(published, tmp_path):
    text = published.read(f"cases/{OLD}.md")
    text = re.sub(r"^title: .*$", "title: Un nouveau cas", text, count=1, flags=re.M)
    published.write("cases/un-nouveau-cas.md", text)
    result = published.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "cas" / "un-nouveau-cas" / "index.html").is_file()


def test_published_page_turned_draft_is_guarded(published, tmp_path):
    published.edit(f"cases/{OLD}.md", "\ntitle:", "\ndraft: true\ntitle:")
    result = published.build(tmp_path / "site")
    assert result.returncode != 0
    assert f"/cas/{OLD}/" in result.stderr and "draft" in result.stderr


def test_unpublished_draft_can_vanish(published, tmp_path):
    published.edit(f"cases/{OLD}.md", "\ntitle:", "\ndraft: true\ntitle:")
    # A draft never published on main: the branch that adds it may rename it freely.
    git(published, "checkout", "-q", "-b", "feature")
    published.write("cases/brouillon-jamais-publie.md", published.read(f"cases/{OLD}.md"))
    git(published, "add", "-A")
    git(published, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "d")
    (published.root / "cases" / "brouillon-jamais-publie.md").unlink()
    published.edit(f"cases/{OLD}.md", "\ndraft: true\ntitle:", "\ntitle:")
    result = published.build(tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_emptied_browse_page_redirects_to_its_index(built_site):
    # No case has the theme « Simplification administrative »: its page leads to /themes/.
    theme = built_site / "themes" / "simplification-administrative" / "index.html"
    page = theme.read_text(encoding="utf-8")
    assert 'content="0; url=../../themes/"' in page and "<script" not in page
    year = (built_site / "annees" / "2006" / "index.html").read_text(encoding="utf-8")
    assert "url=../../annees/" in year


def test_internal_links_stay_relative(built_site):
    html = (built_site / "cas" / OLD / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a [^>]*href="([^"]+)"', html)
    internal = [h for h in hrefs if h.startswith("https://retex.github.io")]
    assert not internal, internal
    assert any(h.startswith("../../methodes/") for h in hrefs)
