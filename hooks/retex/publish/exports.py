"""Open data and feeds: JSON and CSV exports, Atom feeds, schema.org JSON-LD.

Every export is built from the validated models, so that it carries every front-matter
field under the same names, plus the page's slug, URL, licence and Git dates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..collection import Entry
from ..fields import inner_model
from ..history import FileDates
from ..kinds import CASE, Kind
from ..sections import steps
from ..slugs import slugify

ATOM = "http://www.w3.org/2005/Atom"
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Publisher:
    site_name: str
    site_url: str  # absolute, with a trailing slash
    name: str
    url: str
    license_name: str
    license_url: str

    def absolute(self, url: str) -> str:
        return self.site_url.rstrip("/") + "/" + url.lstrip("/")


def _iso(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def entry_fields(entry: Entry) -> dict[str, Any]:
    """The front matter as JSON-ready data: dates as strings, absent fields left out."""
    return entry.data.model_dump(mode="json", exclude_defaults=True, exclude={"draft"})


def record(entry: Entry, dates: FileDates, publisher: Publisher) -> dict[str, Any]:
    data = entry_fields(entry)
    head = {
        "slug": entry.slug,
        "url": publisher.absolute(entry.url),
        "title": data.pop("title"),
        "summary": data.pop("summary"),
    }
    tail = {
        "license": entry.data.license or publisher.license_name,
        "published": _iso(dates.published),
        "updated": _iso(dates.updated),
    }
    data.pop("license", None)
    return {**head, **data, **tail}


def json_export(kind: Kind, records: list[dict], publisher: Publisher, built: dt.datetime) -> str:
    """The JSON export of one kind: ``records`` are the ``record()`` of each entry."""
    document = {
        "title": f"{publisher.site_name} : {kind.plural}",
        "license": {"name": publisher.license_name, "url": publisher.license_url},
        "publisher": {"name": publisher.name, "url": publisher.url},
        "generated": _iso(built),
        "count": len(records),
        "items": records,
    }
    # Compact: the C encoder (an indented dump runs in pure Python, ten times slower).
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"


def csv_columns(model: type[BaseModel]) -> list[str]:
    """One column per leaf field, nested ones dotted: ``territory.name``, ``sources.url``."""
    columns = ["slug", "url"]
    for name, info in model.model_fields.items():
        if name in ("draft", "license"):
            continue
        inner = inner_model(info.annotation)
        if inner is None:
            columns.append(name)
        else:
            columns += [f"{name}.{sub}" for sub in inner.model_fields]
    return columns + ["license", "published", "updated"]


# A cell starting with one of these is run as a formula by spreadsheets (CSV injection):
# OWASP's advice is to start it with a single quote, which shows the text as it is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(_text(v) for v in value)
    else:
        text = _text(value)
    return neutralise(text)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "oui" if value else "non"
    return "" if value is None else " ".join(str(value).split())


def neutralise(cell: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_export(model: type[BaseModel], records: list[dict]) -> str:
    """CSV for spreadsheets: ``;``-separated, UTF-8 with BOM (written by the caller)."""
    columns = csv_columns(model)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    for row in records:
        cells = []
        for column in columns:
            name, _, sub = column.partition(".")
            value = row.get(name)
            if sub:
                if isinstance(value, list):
                    value = [item.get(sub) for item in value]
                elif isinstance(value, dict):
                    value = value.get(sub)
                else:
                    value = None
            cells.append(_cell(value))
        writer.writerow(cells)
    return out.getvalue()


# --- Atom ------------------------------------------------------------------------


def atom_feed(
    kind: Kind,
    entries: list[Entry],
    dates: dict[str, FileDates],
    publisher: Publisher,
    feed_url: str,
    built: dt.datetime,
    limit: int = 50,
) -> bytes:
    """An Atom 1.0 feed, newest first by publication date (the file's first commit)."""
    ET.register_namespace("", ATOM)
    ordered = sorted(entries, key=lambda e: (dates[e.path].published, e.slug), reverse=True)
    ordered = ordered[:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "fr"})
    _sub(feed, "title", f"{publisher.site_name} : {kind.feed_title}")
    _sub(feed, "subtitle", kind.feed_subtitle)
    _sub(feed, "id", feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=feed_url)
    index = publisher.absolute(kind.index_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=index)
    updated = max((dates[e.path].updated for e in ordered), default=built)
    _sub(feed, "updated", _iso(updated))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _sub(author, "name", publisher.name)
    _sub(author, "uri", publisher.url)
    _sub(feed, "rights", f"{publisher.license_name} ({publisher.license_url})")
    _sub(feed, "generator", "Retex")
    for entry in ordered:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = publisher.absolute(entry.url)
        _sub(item, "id", url)
        _sub(item, "title", entry.title)
        ET.SubElement(item, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _sub(item, "published", _iso(dates[entry.path].published))
        _sub(item, "updated", _iso(dates[entry.path].updated))
        _sub(item, "summary", _feed_summary(entry))
        for term, label in _categories(entry):
            ET.SubElement(item, f"{{{ATOM}}}category", term=term, label=label)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _feed_summary(entry: Entry) -> str:
    d = entry.data
    if entry.kind is CASE:
        where = d.territory.name + (f" ({d.territory.region})" if d.territory.region else "")
        return f"{d.summary} — {where}"
    return f"{d.summary} — Phase : {', '.join(d.phase)}"


def _categories(entry: Entry) -> list[tuple[str, str]]:
    d = entry.data
    values = list(d.themes) if entry.kind is CASE else list(d.phase)
    return [(slugify(v), v) for v in values]


# --- schema.org --------------------------------------------------------------------


def json_ld(entry: Entry, dates: FileDates, publisher: Publisher, method_url) -> dict:
    """schema.org data for a page: an Article for a case, a HowTo for a method."""
    d = entry.data
    url = publisher.absolute(entry.url)
    common = {
        "name": d.title,
        "description": d.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "fr",
        "datePublished": _iso(dates.published),
        "dateModified": _iso(dates.updated),
        "license": publisher.license_url if not d.license else d.license,
        "publisher": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
        "isPartOf": {"@type": "WebSite", "name": publisher.site_name, "url": publisher.site_url},
    }
    if entry.kind is CASE:
        place: dict[str, Any] = {"@type": "AdministrativeArea", "name": d.territory.name}
        if d.territory.region:
            place["containedInPlace"] = {"@type": "AdministrativeArea", "name": d.territory.region}
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": d.title,
            **common,
            "about": [{"@type": "Thing", "name": t} for t in d.themes],
            "spatialCoverage": place,
            "genre": d.format,
        }
        if d.methods:  # an ébauche may name none
            data["mentions"] = [
                {"@type": "HowTo", "name": name, "url": publisher.absolute(link)}
                for name, link in (method_url(s) for s in d.methods)
            ]
        if d.date:
            data["temporalCoverage"] = str(d.date) + (f"/{d.end_date}" if d.end_date else "")
        if d.audience:
            data["audience"] = [{"@type": "Audience", "audienceType": a} for a in d.audience]
        return data
    howto_steps = steps(entry)
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        **common,
        "totalTime": f"PT{d.duration.max}M",
        "step": [
            {"@type": "HowToStep", "position": i, "name": f"Étape {i}", "text": text}
            for i, text in enumerate(howto_steps, start=1)
        ],
        "about": [{"@type": "Thing", "name": p} for p in d.phase],
    }
    if d.materials:
        data["supply"] = [{"@type": "HowToSupply", "name": m} for m in d.materials]
    return data


def json_ld_script(data: dict) -> str:
    """JSON for a ``<script type="application/ld+json">``, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
