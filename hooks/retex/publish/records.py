"""What each entry page gives the search index and the method chooser: its filters, its
result data and sort keys (``data-pagefind-*`` attributes, see
``partials/search-record.html``), the facets of the search page, and the chooser's view
of a method.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..collection import Entry
from ..kinds import CASE, KINDS, METHOD, Kind
from ..site import Site
from ..vocabulary import Vocabulary


@dataclass(frozen=True)
class Facet:
    """A search filter: its URL parameter (the front-matter key) and its French label."""

    param: str
    label: str
    kinds: tuple[Kind, ...]


FACETS: tuple[Facet, ...] = (
    Facet("type", "Type de fiche", KINDS),
    Facet("themes", "Thèmes", (CASE,)),
    Facet("level", "Niveau de territoire", (CASE,)),
    Facet("region", "Région", (CASE,)),
    Facet("format", "Format", (CASE,)),
    Facet("methods", "Méthodes employées", (CASE,)),
    Facet("date", "Année", (CASE,)),
    Facet("audience", "Public", (CASE,)),
    Facet("phase", "Phase", (METHOD,)),
    Facet("duration", "Durée", (METHOD,)),
    Facet("participants", "Taille du groupe", (METHOD,)),
    Facet("modality", "Modalité", (METHOD,)),
    Facet("difficulty", "Difficulté", (METHOD,)),
)


@dataclass
class SearchRecord:
    """What a page gives the search index: filters, result metadata and sort keys."""

    filters: list[tuple[str, str]]
    meta: dict[str, str]
    sort: dict[str, str]


def search_record(entry: Entry, vocabulary: Vocabulary, method_title) -> SearchRecord:
    """The filters, result data and sort keys of an entry page."""
    d = entry.data
    filters: list[tuple[str, str]] = [("type", entry.kind.label)]
    meta = {"summary": d.summary, "kind": entry.kind.label}
    # Pagefind drops the pages without a sort key when sorting: undated ones come last.
    sort: dict[str, str] = {"date": "0000"}
    if entry.kind is CASE:
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


# Where a sheet may sit in a workshop the chooser proposes, read from its phases: an
# opening is a sheet of the first step (getting to know the group and the question), a
# closing one of the last (taking stock). Every sheet that fits may be the core.
OPENING_PHASE = "comprendre"
CLOSING_PHASE = "capitaliser"


def method_fit(entry: Entry, vocabulary: Vocabulary) -> dict:
    """The chooser's view of a method, from its front matter: phases and modalities (as
    slugs), its duration in minutes and its group size (``min``, ``max``), and whether
    it can open or close a workshop.

    A method fits a workshop when its minimum duration is within the time available and
    the number of people within its group range. A method that states no modality is
    shown whatever modality the reader asks for.
    """
    d = entry.data
    return {
        "phase": [vocabulary.slug("phases", p) for p in d.phase],
        "modality": [vocabulary.slug("modalities", m) for m in d.modality]
        or [t.slug for t in vocabulary.terms["modalities"]],
        "duration": (d.duration.min, d.duration.max),
        "participants": (d.participants.min, d.participants.max),
        "opens": OPENING_PHASE in d.phase,
        "closes": CLOSING_PHASE in d.phase,
    }


def facets(site: Site) -> list[dict]:
    """Search facets with their values in reading order, for the search page."""
    v = site.vocabulary
    orders = {
        "type": [kind.label for kind in KINDS],
        "themes": v.labels("themes"),
        "level": v.labels("territory_levels"),
        "region": v.labels("regions"),
        "format": v.labels("formats"),
        "methods": [m.title for m in site.methods],
        "date": sorted({str(c.data.date.year) for c in site.cases if c.data.date}, reverse=True),
        "audience": v.labels("audiences"),
        "phase": v.labels("phases"),
        "duration": [b.label for b in v.buckets["duration_buckets"]],
        "participants": [b.label for b in v.buckets["participants_buckets"]],
        "modality": v.labels("modalities"),
        "difficulty": v.labels("difficulties"),
    }
    return [
        {
            "param": f.param,
            "label": f.label,
            "kinds": [kind.name for kind in f.kinds],
            "values": orders[f.param],
        }
        for f in FACETS
    ]
