"""The two kinds of entry, cases and methods: where their files are, where their pages go,
what they are called, and the files published for each.

A kind is a value (``CASE``, ``METHOD``) that carries its facts, so that code asks
``entry.kind.prefix`` rather than testing which kind it holds. The page addresses of
the site are relative (``cas/x/``), so that it works under a sub-path.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # "case": the key in code, in the JSON Schema's name, in ``fields`` of data.html
    folder: str  # "cases": the source folder of its files
    prefix: str  # "cas": the URL folder of its pages
    label: str  # « cas », « méthode »: the search filter's value and the result's kind
    plural: str  # « cas », « méthodes »
    indefinite: str  # « un cas », « une méthode »: « Proposer une méthode »
    template: str  # the page template, in overrides/
    references: str  # the front-matter field that names method sheets
    command_names: tuple[str, ...]  # what ``retex new`` accepts; the first: ?type= of /proposer/
    schema_title: str  # of its JSON Schema
    schema_path: str  # where its JSON Schema is published
    data_path: str  # its open data, without the extension (.json and .csv)
    feed_path: str  # its Atom feed
    feed_title: str  # « nouveaux cas »
    feed_subtitle: str

    def url(self, slug: str) -> str:
        """Site-relative URL of an entry's page: ``cas/x/``."""
        return f"{self.prefix}/{slug}/"

    def source(self, slug: str) -> str:
        """Root-relative path of an entry's file: ``cases/x.md``."""
        return f"{self.folder}/{slug}.md"

    @property
    def index_url(self) -> str:
        return f"{self.prefix}/"

    def __repr__(self) -> str:
        return f"Kind({self.name})"


CASE = Kind(
    name="case",
    folder="cases",
    prefix="cas",
    label="cas",
    plural="cas",
    indefinite="un cas",
    template="case.html",
    references="methods",
    command_names=("cas", "case"),
    schema_title="Cas Retex",
    schema_path="schemas/case.schema.json",
    data_path="donnees/cas",
    feed_path="flux/cas.xml",
    feed_title="nouveaux cas",
    feed_subtitle="Retours d’expérience de l’innovation publique",
)
METHOD = Kind(
    name="method",
    folder="methods",
    prefix="methodes",
    label="méthode",
    plural="méthodes",
    indefinite="une méthode",
    template="method.html",
    references="related",
    command_names=("methode", "méthode", "method"),
    schema_title="Fiche méthode Retex",
    schema_path="schemas/method.schema.json",
    data_path="donnees/methodes",
    feed_path="flux/methodes.xml",
    feed_title="nouvelles fiches méthodes",
    feed_subtitle="Méthodes pour animer une démarche d’innovation publique",
)
KINDS: tuple[Kind, ...] = (CASE, METHOD)
BY_NAME = {kind.name: kind for kind in KINDS}
BY_FOLDER = {kind.folder: kind for kind in KINDS}
BY_PREFIX = {kind.prefix: kind for kind in KINDS}
BY_COMMAND = {name: kind for kind in KINDS for name in kind.command_names}


def kind_of(path: str) -> Kind | None:
    """The kind of a root-relative content path (``cases/x.md``), or None."""
    return BY_FOLDER.get(path.partition("/")[0])


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs: cas/a/ -> ../../methodes/b/."""
    depth = from_url.rstrip("/").count("/") + 1 if from_url.strip("/") else 0
    return "../" * depth + to_url if to_url else ("../" * depth or "./")
