"""Redirect pages: from every former slug to the page, and from every emptied browse page to
its index. French, with a visible link and a canonical link, and no script.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from ..browse import DimensionIndex
from ..kinds import relative_url
from ..permalinks import Redirect, alias_redirects
from ..site import Site
from ..vocabulary import Vocabulary
from .exports import Publisher
from .typography import french_spacing


def site_redirects(site: Site) -> list[Redirect]:
    return alias_redirects(site.collection) + browse_redirects(
        site.browse, site.vocabulary, site.built.date()
    )


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


def write_redirects(site: Site, site_dir: Path, publisher: Publisher) -> list[str]:
    """Every redirect page that no real page stands in the way of; the paths written."""
    written = []
    for redirect in site_redirects(site):
        page = site_dir / redirect.source / "index.html"
        if page.exists():  # never overwrite a real page
            continue
        text = french_spacing(
            redirect_html(
                redirect, publisher.site_url, relative_url(redirect.source, redirect.target)
            )
        )
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_bytes(text.encode("utf-8"))
        written.append(redirect.source + "index.html")
    return written
