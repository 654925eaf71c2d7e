"""URLs that never break: redirects from former slugs, retired pages, and the guard
that fails the build when a URL once published disappears.

How the project knows which URLs were published: Git history (see ``history.py``).
Every content file that existed, not as a draft, in the history of the publication
branch had its page published. Nothing to maintain by hand, nothing for contributors to
do when they add a page, and the knowledge travels with every clone (CI clones with
``fetch-depth: 0``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .collection import KINDS, Collection
from .history import History
from .pages import DimensionIndex
from .problems import FILE, Problem
from .schema import Date
from .slugs import is_slug
from .vocabulary import Vocabulary

RETIRED_FILE = "retired.yml"
_PREFIX_KIND = {prefix: kind for kind, (_, prefix, _) in KINDS.items()}


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
    return [
        Redirect(f"{KINDS[entry.kind][1]}/{alias}/", entry.url, entry.title)
        for kind in KINDS
        for entry in collection.all(kind)
        for alias in entry.data.aliases
    ]


def browse_redirects(
    browse: list[DimensionIndex], vocabulary: Vocabulary, today: dt.date
) -> list[Redirect]:
    """A browse page with nothing left to show redirects to its index: every vocabulary
    term without entries, and every year since 2000 without cases."""
    redirects = []
    for index in browse:
        dimension = index.dimension
        live = {page.slug for page in index.pages}
        if dimension.key in vocabulary.terms:
            slugs = [t.slug for t in vocabulary.terms[dimension.key]]
        else:  # years
            first = min([2000, *(int(s) for s in live if s.isdigit())])
            slugs = [str(year) for year in range(first, today.year + 1)]
        redirects += [
            Redirect(f"{dimension.prefix}/{slug}/", index.url, dimension.title, moved=False)
            for slug in slugs
            if slug not in live
        ]
    return redirects


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
        kind = next(k for k, (f, _, _) in KINDS.items() if f == folder)
        url = f"{KINDS[kind][1]}/{slug}/"
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


def _successor(history: History, collection: Collection, kind: str, slug: str) -> str | None:
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


def redirect_html(redirect: Redirect, site_url: str, relative_target: str) -> str:
    """A French redirect page: meta refresh, canonical link, a visible link, no script."""
    absolute = html.escape(site_url.rstrip("/") + "/" + redirect.target)
    relative = html.escape(relative_target)
    title = html.escape(redirect.title)
    if redirect.moved:
        heading = "Cette page a changé d’adresse"
        advice = "<p>Pensez à mettre à jour vos favoris et vos liens.</p>"
    else:
        heading = "Aucune fiche ici pour le moment"
        advice = "<p>Cette page de navigation ne contient plus de fiche.</p>"
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{heading} – {title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{absolute}">
<meta http-equiv="refresh" content="0; url={relative}">
</head>
<body>
<main>
<h1>{heading}</h1>
{advice}
<p>Vous allez être redirigé vers « {title} ». Si rien ne se passe, suivez ce lien :
<a href="{relative}">{absolute}</a>.</p>
</main>
</body>
</html>
"""


def relative_url(from_url: str, to_url: str) -> str:
    """Relative link between two site-relative directory URLs: cas/a/ -> methodes/b/."""
    depth = from_url.rstrip("/").count("/") + 1 if from_url.strip("/") else 0
    return "../" * depth + to_url if to_url else ("../" * depth or "./")


_URL_ATTR_RE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_ID_RE = re.compile(r'(\sid=")([^"]+)(")')
_HEADING_RE = re.compile(r"<(/?)h([1-6])\b")


def rebase_html(
    html_text: str, from_url: str, to_url: str, id_prefix: str = "", demote: int = 0
) -> str:
    """Move rendered HTML from one page to another: relative links and images are made
    relative to the new page, ids (with the links to them) get a prefix so that several
    pages can share one document, and headings may go down ``demote`` levels."""

    def url(match: re.Match) -> str:
        value = match.group(2)
        if value.startswith("#"):
            return match.group(1) + ("#" + id_prefix + value[1:] if id_prefix else value) + '"'
        parts = urlsplit(html.unescape(value))
        if parts.scheme or parts.netloc or value.startswith("/") or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(from_url, parts.path))
        target = "" if target == "." else target + ("/" if parts.path.endswith("/") else "")
        rebased = relative_url(to_url, target)
        if parts.fragment:
            rebased += "#" + parts.fragment
        return match.group(1) + html.escape(rebased) + match.group(3)

    out = _URL_ATTR_RE.sub(url, html_text)
    if id_prefix:
        out = _ID_RE.sub(lambda m: m.group(1) + id_prefix + m.group(2) + m.group(3), out)
    if demote:
        out = _HEADING_RE.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + demote)}", out)
    return out
