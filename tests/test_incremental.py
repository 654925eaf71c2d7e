"""What makes a preview fast: the check cache and the dirty rebuild under `serve`."""

from __future__ import annotations

import json
import os
import time

from samples import CASE, Content, case, method

from retex.cache import ResultCache
from retex.collection import load_collection
from retex.incremental import signatures
from retex.pages import index_pages
from retex.site import check_content


def touch_later(path):
    """A new modification time even on a coarse clock."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def test_cache_reuses_unchanged_files_and_sees_every_change(tmp_path):
    content = Content(tmp_path).valid()
    assert not check_content(tmp_path)[1]
    cache = ResultCache(tmp_path)
    assert len(cache.entries) == 2, "both files remembered"

    # Unchanged: read from the cache, same (empty) verdict.
    schema = check_content(tmp_path)[0].schema
    warm = ResultCache(tmp_path)
    load_collection(tmp_path, schema, cache=warm)
    assert warm.hits == 2

    # An edit that breaks the file is seen at once, with its line.
    path = content.write("cases/pau-accueil.md", CASE.replace("format: atelier", "format: x"))
    touch_later(path)
    problems = check_content(tmp_path)[1]
    assert [(p.path, p.field) for p in problems] == [("cases/pau-accueil.md", "format")]

    # Fixed again: valid again.
    content.write("cases/pau-accueil.md", CASE)
    touch_later(path)
    assert not check_content(tmp_path)[1]


def test_cache_is_dropped_when_the_vocabulary_changes(tmp_path):
    content = Content(tmp_path).valid()
    content.write("cases/pau-accueil.md", case().replace("format: atelier", "format: hackathon"))
    assert check_content(tmp_path)[1], "« hackathon » is not a format yet"
    vocabulary = tmp_path / "vocabulary.yml"
    vocabulary.write_text(
        vocabulary.read_text(encoding="utf-8").replace(
            "formats:\n", "formats:\n  - label: hackathon\n", 1
        ),
        encoding="utf-8",
    )
    assert not check_content(tmp_path)[1], "the new term is accepted: no stale verdict"


def test_cached_errors_are_reported_again(tmp_path):
    content = Content(tmp_path).valid()
    content.write(
        "cases/pau-accueil.md",
        CASE.replace("themes: [Relation aux usagers]", "themes: [Relations usagers]"),
    )
    first = check_content(tmp_path)[1]
    second = check_content(tmp_path)[1]
    assert first == second and len(first) == 1


def test_the_cache_lives_outside_the_project_as_json(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    root = tmp_path / "projet"
    root.mkdir()
    Content(root).valid()
    check_content(root)
    [stored] = (tmp_path / "xdg" / "retex").glob("*/files.json")
    data = json.loads(stored.read_text(encoding="utf-8"))
    assert set(data["files"]) == {"cases/pau-accueil.md", "methods/entretien-usager.md"}
    assert not (root / ".cache").exists()
    again = ResultCache(root)
    assert again.get("cases/pau-accueil.md") is not None and again.hits == 1


def test_a_cache_inside_the_project_is_never_used(tmp_path, monkeypatch):
    Content(tmp_path).valid()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    check_content(tmp_path)
    assert not (tmp_path / ".cache").exists()
    assert ResultCache(tmp_path).usable is False


def test_cache_can_be_disabled(tmp_path, monkeypatch):
    Content(tmp_path).valid()
    monkeypatch.setenv("RETEX_CACHE", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    check_content(tmp_path)
    assert not (tmp_path / "xdg").exists() and not (tmp_path / ".cache").exists()


def site_signatures(root):
    site = check_content(root)[0]
    specs = index_pages(site.cases, site.methods, site.browse)
    from retex.pages import PageSpec

    specs += [PageSpec(e.path, "", e.title, "", {}, "", e) for e in site.cases + site.methods]
    return signatures(specs, site.relations, site.method, "machinery")


def test_an_edit_marks_the_pages_that_show_it(tmp_path):
    content = Content(tmp_path).valid()
    content.write("methods/tour-de-table.md", method("Tour de table"))
    content.write(
        "cases/autre-cas.md",
        CASE.replace("Un atelier", "Un autre atelier").replace(
            "methods: [entretien-usager]", "methods: [tour-de-table]"
        ),
    )
    before = site_signatures(tmp_path)
    time.sleep(0.01)
    content.write("cases/pau-accueil.md", CASE.replace("Un atelier d’accueil", "Un nouvel accueil"))
    after = site_signatures(tmp_path)
    changed = {uri for uri in after if before.get(uri) != after[uri]}
    # The case itself, the method that lists it, the indexes and browse pages showing it.
    assert "cases/pau-accueil.md" in changed
    assert "methods/entretien-usager.md" in changed
    assert "cas/index.md" in changed and "themes/relation-aux-usagers.md" in changed
    # Pages that do not show it are left alone.
    assert "methods/tour-de-table.md" not in changed
    assert "methodes/index.md" not in changed


def test_machinery_change_marks_everything(tmp_path):
    Content(tmp_path).valid()
    site = check_content(tmp_path)[0]
    specs = index_pages(site.cases, site.methods, site.browse)
    a = signatures(specs, site.relations, site.method, "templates-v1")
    b = signatures(specs, site.relations, site.method, "templates-v2")
    assert all(a[uri] != b[uri] for uri in a)
