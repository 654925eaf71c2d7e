"""Index and browse pages, as plain data for the templates.

A browse page gathers the entries sharing one value of one dimension (a theme, a
territory level, a region, a format, a year for cases; a phase for methods). Every
metadata value shown on a page links either to its browse page or, for dimensions
without one, to the search page with that filter set (see ``search_param``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .collection import Collection, Entry
from .relations import newest_first
from .slugs import slugify
from .vocabulary import Vocabulary


@dataclass(frozen=True)
class Dimension:
    key: str  # vocabulary kind, or "years"
    param: str  # search URL parameter: the front-matter key
    prefix: str  # URL folder of its browse pages
    kind: str  # "case" or "method"
    title: str  # « Thèmes »
    singular: str  # « Thème »
    values: Callable[[Entry], list[str]]


def _year(entry: Entry) -> list[str]:
    return [str(entry.data.date.year)] if entry.data.date else []


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "themes", "themes", "themes", "case", "Thèmes", "Thème", lambda e: list(e.data.themes)
    ),
    Dimension(
        "territory_levels",
        "level",
        "territoires",
        "case",
        "Niveaux de territoire",
        "Niveau de territoire",
        lambda e: [e.data.territory.level],
    ),
    Dimension(
        "regions",
        "region",
        "regions",
        "case",
        "Régions",
        "Région",
        lambda e: [e.data.territory.region] if e.data.territory.region else [],
    ),
    Dimension(
        "formats", "format", "formats", "case", "Formats", "Format", lambda e: [e.data.format]
    ),
    Dimension("years", "date", "annees", "case", "Années", "Année", _year),
    Dimension(
        "phases", "phase", "phases", "method", "Phases", "Phase", lambda e: list(e.data.phase)
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


@dataclass
class PageSpec:
    """A page the build publishes: its source URI, template, title and template data."""

    src_uri: str  # "cas/index.md": its URL follows (cas/)
    template: str
    title: str
    description: str
    context: dict = field(default_factory=dict)
    markdown: str = ""
    entry: Entry | None = None  # the case or method of an entry page
    entries: list[Entry] = field(default_factory=list)  # the entries a list page shows

    @property
    def url(self) -> str:
        stem = self.src_uri[: -len(".md")]
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"


def index_pages(
    cases: list[Entry], methods: list[Entry], browse: list[DimensionIndex]
) -> list[PageSpec]:
    """The case and method indexes, and every browse page with its dimension index."""
    specs = [
        PageSpec(
            "cas/index.md",
            "cases.html",
            "Tous les cas",
            "Les retours d’expérience d’innovation publique, du plus récent au plus ancien.",
            {"entries": cases},
            entries=cases,
        ),
        PageSpec(
            "methodes/index.md",
            "methods.html",
            "Toutes les méthodes",
            "Les fiches méthodes pour animer une démarche d’innovation publique.",
            {"entries": methods},
            entries=methods,
        ),
    ]
    for index in browse:
        d = index.dimension
        what = "cas" if d.kind == "case" else "méthodes"
        specs.append(
            PageSpec(
                index.src_uri,
                "browse-index.html",
                d.title,
                f"Les {what} classés par {d.singular.lower()}.",
                {"index": index},
                entries=[e for p in index.pages for e in p.entries],
            )
        )
        for page in index.pages:
            specs.append(
                PageSpec(
                    page.src_uri,
                    "browse.html",
                    f"{d.singular} : {page.label}",
                    page.description or f"{d.singular} : {page.label}",
                    {"browse": page, "index": index},
                    entries=page.entries,
                )
            )
    return specs


# --- Search ----------------------------------------------------------------------


@dataclass(frozen=True)
class Facet:
    """A search filter: its URL parameter (the front-matter key) and its French label."""

    param: str
    label: str
    kinds: tuple[str, ...]


FACETS: tuple[Facet, ...] = (
    Facet("type", "Type de fiche", ("case", "method")),
    Facet("themes", "Thèmes", ("case",)),
    Facet("level", "Niveau de territoire", ("case",)),
    Facet("region", "Région", ("case",)),
    Facet("format", "Format", ("case",)),
    Facet("methods", "Méthodes employées", ("case",)),
    Facet("date", "Année", ("case",)),
    Facet("audience", "Public", ("case",)),
    Facet("phase", "Phase", ("method",)),
    Facet("duration", "Durée", ("method",)),
    Facet("participants", "Taille du groupe", ("method",)),
    Facet("modality", "Modalité", ("method",)),
    Facet("difficulty", "Difficulté", ("method",)),
)
TYPE_LABELS = {"case": "cas", "method": "méthode"}


@dataclass
class SearchRecord:
    """What a page gives the search index: filters, result metadata and sort keys."""

    filters: list[tuple[str, str]]
    meta: dict[str, str]
    sort: dict[str, str]


def search_record(entry: Entry, vocabulary: Vocabulary, method_title) -> SearchRecord:
    d = entry.data
    filters: list[tuple[str, str]] = [("type", TYPE_LABELS[entry.kind])]
    meta = {"summary": d.summary, "kind": TYPE_LABELS[entry.kind]}
    # Pagefind drops the pages without a sort key when sorting: undated ones come last.
    sort: dict[str, str] = {"date": "0000"}
    if entry.kind == "case":
        filters += [("themes", t) for t in d.themes]
        filters.append(("level", d.territory.level))
        if d.territory.region:
            filters.append(("region", d.territory.region))
        filters.append(("format", d.format))
        filters += [("methods", method_title(slug)) for slug in d.methods]
        filters += [("audience", a) for a in d.audience]
        meta["place"] = d.territory.name
        if d.date:
            filters.append(("date", str(d.date.year)))
            meta["year"] = str(d.date.year)
            sort["date"] = str(d.date)
    else:
        filters += [("phase", p) for p in d.phase]
        for param, buckets in method_buckets(entry, vocabulary).items():
            filters += [(param, b.label) for b in buckets]
        filters += [("modality", m) for m in d.modality]
        filters.append(("difficulty", d.difficulty))
        meta["place"] = ", ".join(d.phase).capitalize()
    return SearchRecord(filters, meta, sort)


def method_buckets(entry: Entry, vocabulary: Vocabulary) -> dict[str, list]:
    """The duration and group-size buckets of a method: every bucket its range overlaps."""
    d = entry.data
    return {
        "duration": vocabulary.buckets_for("duration_buckets", d.duration.min, d.duration.max),
        "participants": vocabulary.buckets_for(
            "participants_buckets", d.participants.min, d.participants.max
        ),
    }


def method_fit(entry: Entry, vocabulary: Vocabulary) -> dict[str, list[str]]:
    """The chooser's view of a method: phase, duration and group-size buckets, modalities.

    A method belongs to every bucket its range overlaps. A method that states no
    modality is shown whatever modality the reader asks for.
    """
    d = entry.data
    buckets = method_buckets(entry, vocabulary)
    return {
        "phase": [vocabulary.slug("phases", p) for p in d.phase],
        "duration": [b.slug for b in buckets["duration"]],
        "participants": [b.slug for b in buckets["participants"]],
        "modality": [vocabulary.slug("modalities", m) for m in d.modality]
        or [t.slug for t in vocabulary.terms["modalities"]],
    }


_PLACEHOLDER_RE = re.compile(r"\[\[([a-z_]+(?:\.[a-z_]+)*)\]\]")


def expand_placeholders(markdown: str, values: dict) -> str:
    """Replace ``[[publisher.name]]`` in a site page with a configuration value.

    Only the site's own pages (docs/) use it: the publisher's identity is configuration,
    set in one place. An unknown name raises KeyError, naming it."""

    def value(match: re.Match) -> str:
        current: object = values
        for part in match.group(1).split("."):
            if not isinstance(current, dict) or part not in current:
                raise KeyError(match.group(1))
            current = current[part]
        return str(current)

    return _PLACEHOLDER_RE.sub(value, markdown)


def print_deck(methods: list[Entry]) -> PageSpec:
    """Every method sheet in turn, one per printed page: for a workshop's handouts."""
    return PageSpec(
        "fiches-a-imprimer.md",
        "print-deck.html",
        "Fiches à imprimer",
        "Toutes les fiches méthodes de Retex, à imprimer d’un coup : une fiche par page.",
        {"sheets": methods},
        entries=methods,
    )
