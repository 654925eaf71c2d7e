"""Atomic builds: ``mkdocs build`` writes the new site beside the old one and swaps it in
only when the whole build succeeded; a failed, interrupted or killed build leaves the
previous ``site/`` byte for byte, and no temporary folder behind."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from retex.publish import search as search_mod
from retex.publish import staging
from retex.publish.staging import LockedDir, StagedSite, clean_stale
from support import BIN, ENV, ROOT

STRASBOURG = "strasbourg-transfo-labo-et-comptoir-des-services"


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of a folder (links included, never followed) with its content hash."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def pages(files: dict[str, str]) -> set[str]:
    return {name for name in files if name.endswith(".html")}


def leftovers(project_root: Path) -> list[str]:
    """Temporary folders a finished build should not have left: its staged site beside
    site/, and its Pagefind staging folder (one that no running build holds)."""
    found = [p.name for p in project_root.glob(".site" + staging.MARK + "*")]
    parent = search_mod._staging_dir().path.parent  # also cleans up after itself
    for folder in parent.glob(search_mod.STAGING_PREFIX + "*"):
        if (folder / staging.LOCK).exists() and not staging._held(folder):
            found.append(str(folder))
    return found


@pytest.fixture
def built(project):
    """A project whose site was built once: the site a failed build must keep."""
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project, snapshot(project.root / "site")


def _broken_docs_link(project):
    project.write("docs/page-essai.md", "# Essai\n\nVoir [la page absente](absente.md).\n")


def _image_not_published(project):
    # Files starting with « _ » are never published: the link is broken once rendered.
    project.write("cases/images/_carte.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    project.edit(
        f"cases/{STRASBOURG}.md", "## Contexte", "## Contexte\n\n![Carte](images/_carte.png)\n"
    )


def _template_error(project):
    project.edit("overrides/home.html", "{% block content %}", "{% block content %}{% if %}")


def _invalid_content(project):
    project.edit(f"cases/{STRASBOURG}.md", "format:", "format: inventé\nformat_:")


@pytest.mark.parametrize(
    "breakage",
    [_broken_docs_link, _image_not_published, _template_error, _invalid_content],
    ids=["lien-casse", "image-non-publiee", "gabarit", "contenu-invalide"],
)
def test_a_failed_build_leaves_the_previous_site(built, breakage):
    project, before = built
    breakage(project)
    result = project.build()
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr or breakage is _template_error
    assert snapshot(project.root / "site") == before
    assert leftovers(project.root) == []


def test_a_successful_build_replaces_the_whole_site(built):
    project, before = built
    (project.root / "site" / "ancien-fichier.txt").write_text("reste d’une ancienne version")
    project.edit(f"cases/{STRASBOURG}.md", "title:", 'title: "Un titre tout neuf"\n_title:')
    project.edit(f"cases/{STRASBOURG}.md", "_title:", "#")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    site = project.root / "site"
    assert "Un titre tout neuf" in (site / "cas" / STRASBOURG / "index.html").read_text("utf-8")
    assert not (site / "ancien-fichier.txt").exists()
    assert pages(snapshot(site)) == pages(before)
    assert leftovers(project.root) == []


def test_a_site_folder_that_is_a_link_is_replaced_not_followed(project, tmp_path):
    """A pull request may commit « site » as a link to a folder outside the project."""
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "precieux.txt").write_text("à ne pas toucher")
    (project.root / "site").symlink_to(outside)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (project.root / "site").is_symlink()
    assert (project.root / "site" / "index.html").is_file()
    assert snapshot(outside) == {
        "precieux.txt": hashlib.sha256("à ne pas toucher".encode()).hexdigest()
    }


# --- Interrupted builds ---------------------------------------------------------------


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    """A project large enough for a build to be interrupted halfway, built once."""
    root = tmp_path_factory.mktemp("grand") / "projet"
    subprocess.run(
        [sys.executable, "-m", "tools.corpus", "--cases", "200", "--out", str(root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=root, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root


# As in a terminal, where Ctrl-C interrupts a build. A shell without job control (a CI
# script, a command started with « & ») runs its background commands with SIGINT
# ignored, and a child inherits that: a Ctrl-C the test sends would then be ignored
# by mkdocs as it is by `nohup`. SIGINT is set back to its default, then mkdocs runs.
IN_A_TERMINAL = [
    sys.executable,
    "-c",
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])",
]


def _start_and_stop_halfway(root: Path, sig: int) -> subprocess.CompletedProcess:
    """Start a build, wait until it has written 40 pages of its new site, send ``sig``.

    Only pages written by this build count: once a build has succeeded, the staging folder
    holds the previous site for a moment (swapped out, being removed), whose pages would
    otherwise look like a build halfway through."""
    started = time.time_ns()
    process = subprocess.Popen(
        [*IN_A_TERMINAL, str(BIN / "mkdocs"), "build"],
        cwd=root,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 300
    pattern = ".site" + staging.MARK + "*/site/cas/*/index.html"
    while len(_written_since(root.glob(pattern), started)) < 40:
        assert process.poll() is None, "la construction s’est terminée avant d’être interrompue"
        assert time.monotonic() < deadline, "la construction n’avance pas"
        time.sleep(0.02)
    process.send_signal(sig)
    output, _ = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, output, "")


def _written_since(paths, started_ns: int) -> list[Path]:
    written = []
    for path in paths:
        try:
            if path.stat().st_mtime_ns >= started_ns:
                written.append(path)
        except FileNotFoundError:  # removed meanwhile
            pass
    return written


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupted_build_leaves_the_site_and_nothing_else(large, sig):
    before = snapshot(large / "site")
    result = _start_and_stop_halfway(large, sig)
    assert result.returncode != 0, result.stdout
    assert snapshot(large / "site") == before
    assert leftovers(large) == []


def test_a_killed_build_leaves_the_site_and_the_next_build_cleans_up(large):
    before = snapshot(large / "site")
    result = _start_and_stop_halfway(large, signal.SIGKILL)
    assert result.returncode == -signal.SIGKILL
    assert snapshot(large / "site") == before
    assert leftovers(large), "un processus tué ne peut pas nettoyer derrière lui"
    again = subprocess.run(
        [str(BIN / "mkdocs"), "build"], cwd=large, env=ENV, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert leftovers(large) == []
    assert pages(snapshot(large / "site")) == pages(before)


# --- The swap itself ------------------------------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def test_commit_swaps_the_new_site_in(tmp_path):
    target = _tree(tmp_path / "site", {"index.html": "ancien", "vieux.html": "ancien"})
    staged = StagedSite(target)
    _tree(staged.path, {"index.html": "nouveau"})
    assert (target / "index.html").read_text() == "ancien"  # untouched until the commit
    staged.commit()
    assert snapshot(target) == snapshot(_tree(tmp_path / "attendu", {"index.html": "nouveau"}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attendu", "site"]


def test_discard_leaves_the_site_as_it_was(tmp_path):
    target = _tree(tmp_path / "site", {"index.html": "ancien"})
    before = snapshot(target)
    staged = StagedSite(target)
    _tree(staged.path, {"index.html": "nouveau"})
    staged.discard()
    assert snapshot(target) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_without_an_atomic_exchange_two_renames_do_the_same(tmp_path, monkeypatch):
    monkeypatch.setattr(staging, "exchange", lambda a, b: False)
    target = _tree(tmp_path / "site", {"index.html": "ancien"})
    staged = StagedSite(target)
    _tree(staged.path, {"index.html": "nouveau"})
    staged.commit()
    assert (target / "index.html").read_text() == "nouveau"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_crash_between_the_two_renames_is_repaired_by_the_next_build(tmp_path, monkeypatch):
    target = _tree(tmp_path / "site", {"index.html": "ancien"})
    staged = StagedSite(target)
    _tree(staged.path, {"index.html": "nouveau"})
    # The first rename of the fallback swap, then the process dies (its lock is released).
    os.rename(target, staged._work.path / staging.PREVIOUS)
    staged._work.release()
    assert not target.exists()
    StagedSite(target).discard()  # the next build starts by repairing
    assert (target / "index.html").read_text() == "ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_running_build_keeps_its_folder(tmp_path):
    running = LockedDir(tmp_path, ".site" + staging.MARK)
    dead = LockedDir(tmp_path, ".site" + staging.MARK)
    dead.release()  # as if its process had ended
    removed = clean_stale(tmp_path, ".site" + staging.MARK)
    assert removed == [dead.path]
    assert running.path.is_dir()
    running.remove()
