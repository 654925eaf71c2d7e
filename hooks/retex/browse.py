"""Browse pages: the entries sharing one value of one dimension (a theme, a territory
level, a region, a format, a year for cases; a phase for methods), as plain data.

Every metadata value shown on a page links either to its browse page or, for
dimensions without one (audience, difficulty, modality…), to the search page with that
filter set (``publish/records.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .collection import Collection, Entry
from .kinds import CASE, METHOD, Kind
from .relations import newest_first
from .slugs import slugify
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Dimension:
    key: str  # vocabulary kind, or "years"
    param: str  # search URL parameter: the front-matter key
    prefix: str  # URL folder of its browse pages
    kind: Kind
    title: str  # « Thèmes »
    singular: str  # « Thème »
    values: Callable[[Entry], list[str]]


def _year(entry: Entry) -> list[str]:
    return [str(entry.data.date.year)] if entry.data.date else []


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "themes", "themes", "themes", CASE, "Thèmes", "Thème", lambda e: list(e.data.themes)
    ),
    Dimension(
        "territory_levels",
        "level",
        "territoires",
        CASE,
        "Niveaux de territoire",
        "Niveau de territoire",
        lambda e: [e.data.territory.level],
    ),
    Dimension(
        "regions",
        "region",
        "regions",
        CASE,
        "Régions",
        "Région",
        lambda e: [e.data.territory.region] if e.data.territory.region else [],
    ),
    Dimension(
        "formats", "format", "formats", CASE, "Formats", "Format", lambda e: [e.data.format]
    ),
    Dimension("years", "date", "annees", CASE, "Années", "Année", _year),
    Dimension(
        "phases", "phase", "phases", METHOD, "Phases", "Phase", lambda e: list(e.data.phase)
    ),
)
BY_KEY = {d.key: d for d in DIMENSIONS}


@dataclass
class BrowsePage:
    dimension: Dimension
    label: str
    slug: str
    description: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{self.dimension.prefix}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        return f"{self.dimension.prefix}/{self.slug}.md"


@dataclass
class DimensionIndex:
    dimension: Dimension
    pages: list[BrowsePage]

    @property
    def url(self) -> str:
        return f"{self.dimension.prefix}/"

    @property
    def src_uri(self) -> str:
        return f"{self.dimension.prefix}/index.md"


def browse_pages(collection: Collection, vocabulary: Vocabulary) -> list[DimensionIndex]:
    """Every dimension with its non-empty browse pages, in vocabulary order (years newest first)."""
    result = []
    for dimension in DIMENSIONS:
        entries = sorted(collection.all(dimension.kind), key=newest_first)
        pages: dict[str, BrowsePage] = {}
        if dimension.key in vocabulary.terms:
            for term in vocabulary.terms[dimension.key]:
                pages[term.label] = BrowsePage(dimension, term.label, term.slug, term.description)
        for entry in entries:
            for value in dimension.values(entry):
                if value not in pages:  # years: not in the vocabulary
                    pages[value] = BrowsePage(dimension, value, slugify(value), "")
                pages[value].entries.append(entry)
        ordered = [p for p in pages.values() if p.entries]
        if dimension.key == "years":
            ordered.sort(key=lambda p: p.label, reverse=True)
        result.append(DimensionIndex(dimension, ordered))
    return result


def browse_url(vocabulary: Vocabulary, key: str, value: str) -> str:
    """The browse page of a value: ``themes/inclusion-numerique/``."""
    dimension = BY_KEY[key]
    slug = vocabulary.slug(key, value) if key in vocabulary.terms else slugify(value)
    return f"{dimension.prefix}/{slug}/"
