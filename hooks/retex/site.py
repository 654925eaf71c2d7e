"""Everything the site is made of, loaded and checked in one call, before any HTML.

``load_site`` is what the build calls first (before MkDocs cleans ``site/``) and what
``retex check`` calls alone: the same validation, one code path.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .browse import DimensionIndex, browse_pages, browse_url
from .cache import ResultCache
from .collection import Collection, Entry, load_collection
from .files import ROOT_FILES, check_files
from .history import FileDates, History, read_history
from .kinds import CASE, KINDS, METHOD, Kind
from .permalinks import (
    Retirement,
    check_published_urls,
    load_retirements,
    retirement_conflicts,
)
from .problems import ContentError, Problem
from .relations import Relations, compute_relations, newest_first
from .schema import PartialDate, Schema, build_schema
from .site_pages import check_site_pages
from .vocabulary import Vocabulary, load_vocabulary


@dataclass
class Site:
    root: Path
    vocabulary: Vocabulary
    schema: Schema
    collection: Collection
    relations: Relations
    browse: list[DimensionIndex]
    history: History
    retirements: list[Retirement]
    built: dt.datetime

    @cached_property
    def dates(self) -> dict[str, FileDates]:
        """Publication (first commit) and update (last commit) dates of each content file."""
        return {
            e.path: self.history.dates_of(e.path, self.built)
            for kind in KINDS
            for e in self.collection.all(kind)
        }

    @cached_property
    def cases(self) -> list[Entry]:
        """Published cases, newest first."""
        return sorted(self.collection.cases, key=newest_first)

    @cached_property
    def methods(self) -> list[Entry]:
        """Published methods, by title."""
        return sorted(self.collection.methods, key=lambda e: e.title.casefold())

    def entries(self, kind: Kind) -> list[Entry]:
        """Published entries of a kind, in the order of their index."""
        return self.cases if kind is CASE else self.methods

    def keep_bodies(self) -> None:
        """Read every body now: the files were valid when checked, and may not be later
        (the preview keeps showing this site after an invalid edit)."""
        for kind in KINDS:
            for entry in self.collection.all(kind, drafts=True):
                entry.body  # noqa: B018 - read and kept

    def method(self, slug: str) -> Entry | None:
        return self.collection.get(METHOD, slug)

    def browse_url(self, key: str, value: str) -> str:
        return browse_url(self.vocabulary, key, value)

    def method_link(self, slug: str) -> tuple[str, str]:
        """(title, site-relative URL) of a method sheet."""
        method = self.method(slug)
        return (method.title, method.url) if method else (slug, METHOD.url(slug))

    def updated_on(self, entry: Entry) -> str:
        """« 22 novembre 2026 »: the last commit of the entry's file."""
        when = self.dates[entry.path].updated
        return PartialDate(when.year, when.month, when.day).french

    def method_title(self, slug: str) -> str:
        method = self.method(slug)
        return method.title if method else slug


def check_content(
    root: Path,
    *,
    now: dt.datetime | None = None,
    relations: bool = True,
    cache: bool = True,
    models: dict | None = None,
) -> tuple[Site | None, list[Problem]]:
    """Load and validate everything; the site is None when a problem was found.

    ``relations=False`` (``retex check``) skips what only the build needs: similar
    cases, backlinks and browse pages. ``models``: validated models kept from an earlier
    build of the same process (``mkdocs serve``), see ``cache.ResultCache.model``."""
    now = now or dt.datetime.now(dt.UTC)
    files = check_files(root)
    if any(p.path in ROOT_FILES for p in files):  # a link: read nothing through it
        return None, files
    try:
        vocabulary = load_vocabulary(root / "vocabulary.yml")
    except ContentError as exc:
        return None, exc.problems
    schema = build_schema(vocabulary)
    use_cache = cache and os.environ.get("RETEX_CACHE", "1") != "0"
    results = ResultCache(root, models=models) if use_cache else None
    collection, problems = load_collection(root, schema, validate=relations, cache=results)
    problems += files + check_site_pages(root)
    if results is not None:
        results.save(keep=set(collection.present))
    retirements, found = load_retirements(root)
    problems += found
    history = read_history(root)
    problems += check_published_urls(history, collection, retirements)
    problems += retirement_conflicts(retirements, collection)
    if problems:
        return None, problems
    if relations:
        links, browse = compute_relations(collection), browse_pages(collection, vocabulary)
    else:
        links, browse = Relations({}, {}, {}, {}), []
    site = Site(root, vocabulary, schema, collection, links, browse, history, retirements, now)
    return site, []


def load_site(root: Path, *, now: dt.datetime | None = None, models: dict | None = None) -> Site:
    site, problems = check_content(root, now=now, models=models)
    if site is None:
        raise ContentError(problems)
    return site
