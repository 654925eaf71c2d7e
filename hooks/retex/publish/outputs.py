"""Files written next to the HTML pages: open data, feeds, schemas, robots.txt (the
redirect pages: ``redirects.py``)."""

from __future__ import annotations

import json
from pathlib import Path

from ..kinds import KINDS
from ..site import Site
from .exports import Publisher, atom_feed, csv_export, json_export, record


def _write(site_dir: Path, relpath: str, data: str | bytes) -> str:
    path = site_dir / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return relpath


def write_exports(site: Site, site_dir: Path, publisher: Publisher) -> list[str]:
    dates = site.dates
    written = []
    for kind in KINDS:
        entries = site.entries(kind)
        records = [record(e, dates[e.path], publisher) for e in entries]
        data = json_export(kind, records, publisher, site.built)
        written.append(_write(site_dir, kind.data_path + ".json", data))
        csv_text = csv_export(site.schema.model(kind), records)
        written.append(_write(site_dir, kind.data_path + ".csv", "\ufeff" + csv_text))
        feed_url = publisher.absolute(kind.feed_path)
        feed = atom_feed(kind, entries, dates, publisher, feed_url, site.built)
        written.append(_write(site_dir, kind.feed_path, feed))
        schema = json.dumps(site.schema.json_schema(kind), ensure_ascii=False, indent=2)
        written.append(_write(site_dir, kind.schema_path, schema + "\n"))
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
