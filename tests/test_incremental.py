"""What makes a preview fast: the check cache and the dirty rebuild under `serve`."""

from __future__ import annotations

import json
import os
import time

from samples import CASE, Content, case, method

from retex.cache import ResultCache
from retex.collection import load_collection
from retex.incremental import changed_pages, machinery_fingerprint, signatures
from retex.pages import PRINT_DECK, page_list
from retex.proposal import Contribution
from retex.site import check_content

GITHUB = Contribution("https://github.com/retex/retex", "main")


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


def site_signatures(root, machinery="machinery"):
    site = check_content(root)[0]
    return signatures(page_list(site, GITHUB), site.relations, site.method, machinery)


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
    site = check_content(tmp_path)[0]
    changed = changed_pages(before, after, site.methods)
    # The case itself, the method that lists it, the indexes and browse pages showing it.
    assert "cases/pau-accueil.md" in changed
    assert "methods/entretien-usager.md" in changed
    assert "cas/index.md" in changed and "themes/relation-aux-usagers.md" in changed
    # Pages that do not show it are left alone.
    assert "methods/tour-de-table.md" not in changed
    assert "methodes/index.md" not in changed
    assert changed_pages(after, after, site.methods) == set()


def test_a_changed_sheet_rebuilds_the_deck_and_every_sheet_it_moves(tmp_path):
    content = Content(tmp_path).valid()
    before = site_signatures(tmp_path)
    content.write("methods/entretien-usager.md", method("Entretien usager revu"))
    after = site_signatures(tmp_path)
    changed = changed_pages(before, after, check_content(tmp_path)[0].methods)
    assert PRINT_DECK in changed and "methods/entretien-usager.md" in changed


def test_the_machinery_fingerprint_follows_templates_vocabulary_and_configuration(tmp_path):
    content = Content(tmp_path).valid()
    content.write("mkdocs.yml", "site_name: test\n")
    content.write("overrides/partials/retex.html", "{# macros #}\n")
    seen = {machinery_fingerprint(tmp_path)}
    assert machinery_fingerprint(tmp_path) in seen, "the same files give the same fingerprint"
    # Content is not machinery: its pages have their own signatures.
    touch_later(tmp_path / "cases/pau-accueil.md")
    assert machinery_fingerprint(tmp_path) in seen
    for path in ("overrides/partials/retex.html", "vocabulary.yml", "mkdocs.yml"):
        touch_later(tmp_path / path)
        now = machinery_fingerprint(tmp_path)
        assert now not in seen, path
        seen.add(now)
    content.write("overrides/case.html", "{% extends 'main.html' %}\n")  # a new template
    assert machinery_fingerprint(tmp_path) not in seen
    seen.add(machinery_fingerprint(tmp_path))
    content.write("retired.yml", "[]\n")  # a new list of retired pages
    assert machinery_fingerprint(tmp_path) not in seen


def test_a_template_change_rebuilds_every_page(tmp_path):
    content = Content(tmp_path).valid()
    content.write("overrides/case.html", "{% extends 'main.html' %}\n")
    before = site_signatures(tmp_path, machinery_fingerprint(tmp_path))
    touch_later(tmp_path / "overrides/case.html")
    after = site_signatures(tmp_path, machinery_fingerprint(tmp_path))
    assert changed_pages(before, after, []) == set(after)
