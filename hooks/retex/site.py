"""Everything the site is made of, loaded and checked in one call, before any HTML.

``load_site`` is what the build calls first (before MkDocs cleans ``site/``) and what
``retex check`` calls alone: the same validation, one code path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .collection import Collection, Entry, load_collection
from .pages import (
    FACETS,
    TYPE_LABELS,
    DimensionIndex,
    SearchRecord,
    browse_pages,
    browse_url,
    method_fit,
    search_record,
)
from .problems import ContentError, Problem
from .relations import Relations, compute_relations, newest_first
from .schema import Schema, build_schema
from .vocabulary import Vocabulary, load_vocabulary


@dataclass
class Site:
    root: Path
    vocabulary: Vocabulary
    schema: Schema
    collection: Collection
    relations: Relations
    browse: list[DimensionIndex]

    @property
    def cases(self) -> list[Entry]:
        """Published cases, newest first."""
        return sorted(self.collection.cases, key=newest_first)

    @property
    def methods(self) -> list[Entry]:
        """Published methods, by title."""
        return sorted(self.collection.methods, key=lambda e: e.title.casefold())

    def method(self, slug: str) -> Entry | None:
        return self.collection.get("method", slug)

    def browse_url(self, key: str, value: str) -> str:
        return browse_url(self.vocabulary, key, value)

    def buckets(self, kind: str, low: int, high: int):
        return self.vocabulary.buckets_for(kind, low, high)

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


def check_content(root: Path) -> tuple[Site | None, list[Problem]]:
    """Load and validate everything; the site is None when a problem was found."""
    try:
        vocabulary = load_vocabulary(root / "vocabulary.yml")
    except ContentError as exc:
        return None, exc.problems
    schema = build_schema(vocabulary)
    collection, problems = load_collection(root, schema)
    if problems:
        return None, problems
    relations = compute_relations(collection)
    return Site(
        root, vocabulary, schema, collection, relations, browse_pages(collection, vocabulary)
    ), []


def load_site(root: Path) -> Site:
    site, problems = check_content(root)
    if site is None:
        raise ContentError(problems)
    return site
