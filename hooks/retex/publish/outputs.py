"""Files written next to the HTML pages: redirects, open data, feeds, schemas, robots.txt."""

from __future__ import annotations

import json
from pathlib import Path

from ..site import Site
from ..urls import redirect_html, relative_url
from .exports import Publisher, atom_feed, csv_export, json_export, record
from .typography import french_spacing

FEEDS = {"case": "flux/cas.xml", "method": "flux/methodes.xml"}
DATA = {"case": "donnees/cas", "method": "donnees/methodes"}
SCHEMAS = {"case": "schemas/case.schema.json", "method": "schemas/method.schema.json"}


def _write(site_dir: Path, relpath: str, data: str | bytes) -> str:
    path = site_dir / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return relpath


def write_redirects(site: Site, site_dir: Path, publisher: Publisher) -> list[str]:
    written = []
    for redirect in site.redirects:
        page = site_dir / redirect.source / "index.html"
        if page.exists():  # never overwrite a real page
            continue
        html = french_spacing(
            redirect_html(
                redirect, publisher.site_url, relative_url(redirect.source, redirect.target)
            )
        )
        written.append(_write(site_dir, redirect.source + "index.html", html))
    return written


def write_exports(site: Site, site_dir: Path, publisher: Publisher) -> list[str]:
    dates = site.dates
    written = []
    for kind, entries in (("case", site.cases), ("method", site.methods)):
        model = site.schema.model(kind)
        records = [record(e, dates[e.path], publisher) for e in entries]
        written.append(
            _write(
                site_dir, DATA[kind] + ".json", json_export(kind, records, publisher, site.built)
            )
        )
        csv_text = csv_export(model, records)
        written.append(_write(site_dir, DATA[kind] + ".csv", "\ufeff" + csv_text))
        feed_url = publisher.absolute(FEEDS[kind])
        written.append(
            _write(
                site_dir,
                FEEDS[kind],
                atom_feed(kind, entries, dates, publisher, feed_url, site.built),
            )
        )
        schema = json.dumps(site.schema.json_schema(kind), ensure_ascii=False, indent=2)
        written.append(_write(site_dir, SCHEMAS[kind], schema + "\n"))
    return written


def write_feed_sitemap(site_dir: Path) -> str:
    """An empty sitemap next to the feeds. Material's instant navigation reads every
    ``<link rel="alternate">`` as a language version and fetches ``sitemap.xml`` beside
    it; the feed links must stay ``rel="alternate"`` for feed readers, so this file
    spares every page a failed request."""
    return _write(
        site_dir,
        "flux/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n',
    )


def write_robots(site_dir: Path, publisher: Publisher) -> str:
    return _write(
        site_dir,
        "robots.txt",
        f"User-agent: *\nAllow: /\n\nSitemap: {publisher.absolute('sitemap.xml')}\n",
    )
