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

from .cache import ResultCache
from .collection import KINDS, Collection, Entry, load_collection
from .history import FileDates, History, read_history
from .pages import (
    FACETS,
    TYPE_LABELS,
    DimensionIndex,
    PageSpec,
    SearchRecord,
    browse_pages,
    browse_url,
    method_fit,
    print_deck,
    search_record,
)
from .problems import ContentError, Problem
from .relations import Relations, compute_relations, newest_first
from .schema import PartialDate, Schema, build_schema, field_docs
from .urls import (
    Redirect,
    Retirement,
    alias_redirects,
    browse_redirects,
    check_published_urls,
    load_retirements,
    retirement_conflicts,
)
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

    @property
    def redirects(self) -> list[Redirect]:
        return alias_redirects(self.collection) + browse_redirects(
            self.browse, self.vocabulary, self.built.date()
        )

    @cached_property
    def cases(self) -> list[Entry]:
        """Published cases, newest first."""
        return sorted(self.collection.cases, key=newest_first)

    @cached_property
    def methods(self) -> list[Entry]:
        """Published methods, by title."""
        return sorted(self.collection.methods, key=lambda e: e.title.casefold())

    def keep_bodies(self) -> None:
        """Read every body now: the files were valid when checked, and may not be later
        (the preview keeps showing this site after an invalid edit)."""
        for kind in KINDS:
            for entry in self.collection.all(kind, drafts=True):
                entry.body  # noqa: B018 - read and kept

    def method(self, slug: str) -> Entry | None:
        return self.collection.get("method", slug)

    def browse_url(self, key: str, value: str) -> str:
        return browse_url(self.vocabulary, key, value)

    def method_link(self, slug: str) -> tuple[str, str]:
        """(title, site-relative URL) of a method sheet."""
        method = self.method(slug)
        return (method.title, method.url) if method else (slug, f"methodes/{slug}/")

    def page_updated(self, spec: PageSpec | None, source_path: str) -> dt.datetime:
        """Last modification of a page: its file's last commit, or its newest entry's."""
        dates = self.dates
        if spec is not None and spec.entry is not None:
            return dates[spec.entry.path].updated
        if spec is not None and spec.entries:
            return max(dates[e.path].updated for e in spec.entries)
        return self.history.dates_of(source_path, self.built).updated

    def extra_pages(self) -> list[PageSpec]:
        """The print deck, the open-data page and the notices of retired pages."""
        specs = [
            print_deck(self.methods),
            PageSpec(
                "donnees/index.md",
                "data.html",
                "Données ouvertes",
                "Les cas et les méthodes de Retex en JSON et en CSV, sous Licence Ouverte 2.0, "
                "avec la description de chaque champ.",
                {"fields": {k: field_docs(self.schema, k) for k in KINDS}},
            ),
        ]
        for retirement in self.retirements:
            specs.append(
                PageSpec(
                    retirement.path.rstrip("/") + ".md",
                    "retired.html",
                    "Page retirée",
                    retirement.reason,
                    {"retirement": retirement},
                )
            )
        return specs

    def updated_on(self, entry: Entry) -> str:
        """« 22 novembre 2026 »: the last commit of the entry's file."""
        when = self.dates[entry.path].updated
        return PartialDate(when.year, when.month, when.day).french

    def method_title(self, slug: str) -> str:
        method = self.method(slug)
        return method.title if method else slug

    def search_record(self, entry: Entry) -> SearchRecord:
        return search_record(entry, self.vocabulary, self.method_title)

    def method_fit(self, entry: Entry) -> dict[str, list[str]]:
        return method_fit(entry, self.vocabulary)

    def facets(self) -> list[dict]:
        """Search facets with their values in reading order, for the search page."""
        v = self.vocabulary
        orders = {
            "type": list(TYPE_LABELS.values()),
            "themes": v.labels("themes"),
            "level": v.labels("territory_levels"),
            "region": v.labels("regions"),
            "format": v.labels("formats"),
            "methods": [m.title for m in self.methods],
            "date": sorted(
                {str(c.data.date.year) for c in self.cases if c.data.date}, reverse=True
            ),
            "audience": v.labels("audiences"),
            "phase": v.labels("phases"),
            "duration": [b.label for b in v.buckets["duration_buckets"]],
            "participants": [b.label for b in v.buckets["participants_buckets"]],
            "modality": v.labels("modalities"),
            "difficulty": v.labels("difficulties"),
        }
        return [
            {"param": f.param, "label": f.label, "kinds": list(f.kinds), "values": orders[f.param]}
            for f in FACETS
        ]


def check_content(
    root: Path, *, now: dt.datetime | None = None, relations: bool = True, cache: bool = True
) -> tuple[Site | None, list[Problem]]:
    """Load and validate everything; the site is None when a problem was found.

    ``relations=False`` (``retex check``) skips what only the build needs: similar
    cases, backlinks and browse pages."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        vocabulary = load_vocabulary(root / "vocabulary.yml")
    except ContentError as exc:
        return None, exc.problems
    schema = build_schema(vocabulary)
    results = ResultCache(root) if cache and os.environ.get("RETEX_CACHE", "1") != "0" else None
    collection, problems = load_collection(root, schema, validate=relations, cache=results)
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


def load_site(root: Path, *, now: dt.datetime | None = None) -> Site:
    site, problems = check_content(root, now=now)
    if site is None:
        raise ContentError(problems)
    return site
