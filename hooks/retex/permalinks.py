"""URLs that never break, checked before anything is built: former slugs (aliases),
retired pages, and the guard that fails the build when a URL once published disappears.

How the project knows which URLs were published: Git history (see ``history.py``).
Every content file that existed, not as a draft, in the history of the publication
branch had its page published. Nothing to maintain by hand, nothing for contributors to
do when they add a page, and the knowledge travels with every clone (CI clones with
``fetch-depth: 0``). The redirect pages themselves are written by
``publish/redirects.py``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .collection import Collection
from .history import History
from .kinds import BY_FOLDER, KINDS, Kind
from .problems import FILE, Problem
from .schema import Date
from .slugs import is_slug

RETIRED_FILE = "retired.yml"


@dataclass(frozen=True)
class Redirect:
    source: str  # site-relative URL that redirects: "cas/ancien-slug/"
    target: str  # site-relative URL it points to: "cas/nouveau-slug/"
    title: str  # what the reader will find there
    moved: bool = True  # False: the page is gone for lack of content, not moved


class Retirement(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    url: str = Field(description="Adresse retirée, par exemple /cas/ancien-cas/")
    date: Date = Field(description="Date du retrait")
    reason: str = Field(min_length=1, description="Pourquoi la page a été retirée")

    @field_validator("url")
    @classmethod
    def _site_path(cls, value: str) -> str:
        if not (value.startswith("/") and value.endswith("/")) or "//" in value:
            raise ValueError("une adresse retirée s’écrit comme /cas/ancien-cas/")
        return value

    @property
    def path(self) -> str:
        """Site-relative: ``cas/ancien-cas/``."""
        return self.url.lstrip("/")


def load_retirements(root: Path) -> tuple[list[Retirement], list[Problem]]:
    path = root / RETIRED_FILE
    if not path.is_file():
        return [], []
    try:
        raw = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.CSafeLoader) or []
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 1
        return [], [Problem(RETIRED_FILE, line, FILE, f"YAML illisible : {exc}")]
    if not isinstance(raw, list):
        return [], [
            Problem(
                RETIRED_FILE,
                1,
                FILE,
                "le fichier doit être une liste de retraits",
                "commencez chaque retrait par « - url: /cas/… »",
            )
        ]
    retirements, problems = [], []
    for index, item in enumerate(raw):
        try:
            retirements.append(Retirement.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                where = ".".join(str(p) for p in error["loc"]) or "retrait"
                problems.append(
                    Problem(
                        RETIRED_FILE,
                        1,
                        f"[{index + 1}].{where}",
                        str(error.get("ctx", {}).get("error", error["msg"])),
                    )
                )
    return retirements, problems


def alias_redirects(collection: Collection) -> list[Redirect]:
    """A redirect from each former slug of a published entry to its page."""
    return [
        Redirect(kind.url(alias), entry.url, entry.title)
        for kind in KINDS
        for entry in collection.all(kind)
        for alias in entry.data.aliases
    ]


def check_published_urls(
    history: History, collection: Collection, retirements: list[Retirement]
) -> list[Problem]:
    """Every URL once published is still served: as a page, a redirect or a retirement."""
    served = {e.url for kind in KINDS for e in collection.all(kind)}
    served |= {r.source for r in alias_redirects(collection)}
    served |= {r.path for r in retirements}
    problems = []
    for path in sorted(history.vanished):
        folder, _, name = path.partition("/")
        slug = name[: -len(".md")]
        kind = BY_FOLDER[folder]
        url = kind.url(slug)
        if url in served or not is_slug(slug):
            continue
        successor = _successor(history, collection, kind, slug)
        new_file = successor or "la nouvelle fiche"
        fix = f"si la fiche a été renommée, ajoutez « {slug} » aux aliases de {new_file} ; "
        fix += f"si elle est retirée, déclarez /{url} dans {RETIRED_FILE}"
        problems.append(Problem(path, 1, "aliases", f"l’adresse publiée /{url} disparaît", fix))
    for kind in KINDS:
        for entry in collection.all(kind, drafts=True):
            if entry.draft and entry.path in history.dates and history.was_published(entry.path):
                problems.append(
                    Problem(
                        entry.path,
                        entry.line_of(("draft",)),
                        "draft",
                        "cette fiche est publiée : la passer en brouillon ferait disparaître "
                        f"/{entry.url}",
                        f"retirez « draft: true », ou déclarez /{entry.url} dans {RETIRED_FILE}",
                    )
                )
    return problems


def _successor(history: History, collection: Collection, kind: Kind, slug: str) -> str | None:
    """The new file a vanished one was probably renamed to: a file unknown to Git history
    whose slug looks like the old one."""
    candidates = {
        e.slug: e.path for e in collection.all(kind, drafts=True) if e.path not in history.dates
    }
    match = difflib.get_close_matches(slug, list(candidates), n=1, cutoff=0.3)
    if match:
        return candidates[match[0]]
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    return None


def retirement_conflicts(retirements: list[Retirement], collection: Collection) -> list[Problem]:
    live = {e.url for kind in KINDS for e in collection.all(kind, drafts=True)}
    live |= {r.source for r in alias_redirects(collection)}
    return [
        Problem(
            RETIRED_FILE,
            1,
            "url",
            f"l’adresse {r.url} est retirée mais une fiche l’utilise encore",
            "retirez-la de retired.yml ou renommez la fiche",
        )
        for r in retirements
        if r.path in live
    ]
