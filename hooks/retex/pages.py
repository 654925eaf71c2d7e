"""Every page the build adds to the site, listed in one place (``page_list``), as plain
data for the templates.

* an entry page per published case and method: its Markdown is the contributor's body
  plus the headings of the sections its fields give (``sections.py``);
* the case and method indexes, each browse page and its dimension's index;
* the map of the cases (``geography.py``), the print deck, the open-data page, the
  contribution form (``proposal.py``) and a notice at each retired address;
* « Ma sélection » and its print-ready document: every published entry as a catalogue
  from which the reader's script picks the chosen ones (the selection itself lives in
  the reader's browser only).

The pages of ``docs/`` (home, about, legal pages…) are MkDocs' own; they may quote the
configuration with ``[[publisher.name]]`` (``expand_placeholders``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .browse import BY_KEY
from .collection import Entry
from .geography import map_view
from .kinds import CASE, KINDS, METHOD
from .proposal import Contribution, form_data
from .schema import field_docs
from .sections import entry_markdown
from .site import Site


@dataclass
class PageSpec:
    """A page the build publishes: its source URI, template, title and template data."""

    src_uri: str  # "cas/index.md" (its URL follows: cas/), or an entry's file: "cases/x.md"
    template: str
    title: str
    description: str
    context: dict = field(default_factory=dict)
    markdown: str = ""
    entry: Entry | None = None  # the case or method of an entry page
    entries: list[Entry] = field(default_factory=list)  # the entries a list page shows

    @property
    def url(self) -> str:
        if self.entry is not None:
            return self.entry.url
        stem = self.src_uri[: -len(".md")]
        if stem == "index":
            return ""
        if stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"


def page_list(site: Site, contribution: Contribution) -> list[PageSpec]:
    """Every page the build adds: entry pages first, then indexes, browse and other pages.
    ``contribution``: where the form /proposer/ sends a sheet (mkdocs.yml)."""
    return entry_pages(site) + index_pages(site) + other_pages(site, contribution)


def entry_pages(site: Site) -> list[PageSpec]:
    """A page per published case (newest first) and method (by title)."""
    return [
        PageSpec(
            entry.path,
            entry.kind.template,
            entry.title,
            entry.data.summary,
            {"entry": entry},
            entry_markdown(entry),
            entry,
        )
        for entry in site.cases + site.methods
    ]


_INDEXES = {
    CASE: (
        "Tous les cas",
        "Les retours d’expérience d’innovation publique, du plus récent au plus ancien.",
    ),
    METHOD: (
        "Toutes les méthodes",
        "Les fiches méthodes pour animer une démarche d’innovation publique.",
    ),
}


def index_pages(site: Site) -> list[PageSpec]:
    """The case and method indexes, and every browse page with its dimension index."""
    specs = []
    for kind in KINDS:
        title, description = _INDEXES[kind]
        entries = site.entries(kind)
        specs.append(
            PageSpec(
                kind.index_url + "index.md",
                "entries.html",
                title,
                description,
                {"entries": entries, "kind": kind},
                entries=entries,
            )
        )
    for index in site.browse:
        d = index.dimension
        specs.append(
            PageSpec(
                index.src_uri,
                "browse-index.html",
                d.title,
                f"Les {d.kind.plural} classés par {d.singular.lower()}.",
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


PRINT_DECK = "fiches-a-imprimer.md"  # shows every sheet's rendered body
MAP = "carte/index.md"
SELECTION = "ma-selection/index.md"
SELECTION_PRINT = "ma-selection/imprimer/index.md"


def other_pages(site: Site, contribution: Contribution) -> list[PageSpec]:
    """The map, the print deck, the open-data page, the contribution form, « Ma
    sélection » and its print-ready document, and the notices of retired pages."""
    regions = next((i for i in site.browse if i.dimension is BY_KEY["regions"]), None)
    listed = site.methods + site.cases
    catalogue = {"catalogue": listed}
    specs = [
        PageSpec(
            MAP,
            "map.html",
            "Carte des cas",
            "Les retours d’expérience de Retex sur une carte des régions de France, outre-mer "
            "compris : le nombre de cas de chaque région et les cas de portée nationale.",
            {"region_map": map_view(site.region_map, site.vocabulary, regions, site.cases)},
            "---\nhide:\n  - toc\n---\n",  # Material's table of contents: the map's width
            entries=site.cases,
        ),
        PageSpec(
            PRINT_DECK,
            "print-deck.html",
            "Fiches à imprimer",
            "Toutes les fiches méthodes de Retex, à imprimer d’un coup : une fiche par page.",
            {"sheets": site.methods},
            entries=site.methods,
        ),
        PageSpec(
            "donnees/index.md",
            "data.html",
            "Données ouvertes",
            "Les cas et les méthodes de Retex en JSON et en CSV, sous Licence Ouverte 2.0, "
            "avec la description de chaque champ.",
            {"fields": {kind.name: field_docs(site.schema, kind) for kind in KINDS}},
        ),
        PageSpec(
            "proposer.md",
            "proposal.html",
            "Proposer une fiche",
            "Proposez un cas ou une méthode sans connaître Git : le formulaire vérifie la fiche "
            "pendant que vous la rédigez, puis l’ouvre dans GitHub pour la proposer.",
            {"proposal": form_data(site, contribution)},
            # It shows the published methods and knows every slug: rebuilt when they change.
            entries=[*site.cases, *site.methods],
        ),
        PageSpec(
            SELECTION,
            "selection.html",
            "Ma sélection",
            "Les fiches que vous gardez pour préparer un atelier : à réordonner, à imprimer "
            "d’un coup ou à partager par un lien. Elles restent dans votre navigateur.",
            catalogue,
            entries=listed,
        ),
        PageSpec(
            SELECTION_PRINT,
            "selection-print.html",
            "Ma sélection à imprimer",
            "Les fiches de votre sélection réunies en un seul document à imprimer, chacune "
            "sur ses pages, précédées d’une page de garde.",
            catalogue,
            entries=listed,
        ),
    ]
    for retirement in site.retirements:
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


def page_updated(site: Site, spec: PageSpec | None, source_path: str) -> dt.datetime:
    """Last modification of a page: its file's last commit, or its newest entry's (a page
    of ``docs/``: ``source_path``, its own file's)."""
    dates = site.dates
    if spec is not None and spec.entry is not None:
        return dates[spec.entry.path].updated
    if spec is not None and spec.entries:
        return max(dates[e.path].updated for e in spec.entries)
    return site.history.dates_of(source_path, site.built).updated


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
