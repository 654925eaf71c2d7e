"""Feeds, open data, JSON-LD, link previews, sitemap: what other sites and tools read."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest

from support import ROOT

SITE_URL = "https://retex.github.io/retex/"


class _Head(HTMLParser):
    """Collects <meta>, <link> and JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.json_ld: list[dict] = []
        self._in_ld = False
        self._buffer = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content", "")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld, self._buffer = True, ""

    def handle_data(self, data):
        if self._in_ld:
            self._buffer += data

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self.json_ld.append(json.loads(self._buffer))
            self._in_ld = False


def head(site: Path, url: str) -> _Head:
    parser = _Head()
    parser.feed((site / url / "index.html").read_text(encoding="utf-8"))
    return parser


def content_titles(folder: str) -> dict[str, str]:
    titles = {}
    for path in (ROOT / folder).glob("[!_]*.md"):
        match = re.search(r"^title: (.*)$", path.read_text(encoding="utf-8"), re.M)
        titles[path.stem] = match.group(1).strip().strip('"')
    return titles


@pytest.mark.parametrize(
    "kind, folder, feed", [("cas", "cases", "cas"), ("methodes", "methods", "methodes")]
)
def test_atom_feed_parses_and_lists_every_entry(built_site, kind, folder, feed):
    parsed = feedparser.parse((built_site / "flux" / f"{feed}.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    assert parsed.feed.title.startswith("Retex")
    assert parsed.feed.links[0].href == f"{SITE_URL}flux/{feed}.xml"
    titles = content_titles(folder)
    assert {e.title for e in parsed.entries} == set(titles.values())
    published = [e.published_parsed for e in parsed.entries]
    assert published == sorted(published, reverse=True), "newest first"
    for entry in parsed.entries:
        assert entry.link.startswith(f"{SITE_URL}{kind}/")
        assert entry.id == entry.link
        assert entry.summary and entry.updated_parsed
        assert entry.tags, "themes or phases as categories"


def test_case_feed_entry_carries_territory_and_themes(built_site):
    parsed = feedparser.parse((built_site / "flux" / "cas.xml").read_bytes())
    entry = next(e for e in parsed.entries if "strasbourg" in e.link)
    assert "Eurométropole de Strasbourg" in entry.summary
    assert {t.label for t in entry.tags} >= {"Laboratoire d’innovation"}


def test_every_page_announces_the_feeds(built_site):
    for url in ("", "cas/", "methodes/debat-mouvant/", "themes/"):
        feeds = [
            link
            for link in head(built_site, url).links
            if link.get("type") == "application/atom+xml"
        ]
        assert {link["href"].rsplit("/", 2)[-2:][1] for link in feeds} == {
            "cas.xml",
            "methodes.xml",
        }
        assert all(link["rel"] == "alternate" for link in feeds)


def test_json_export_matches_content(built_site):
    data = json.loads((built_site / "donnees" / "cas.json").read_text(encoding="utf-8"))
    assert data["license"]["name"] == "Licence Ouverte 2.0"
    assert re.match(r"\d{4}-\d\d-\d\dT", data["generated"])
    titles = content_titles("cases")
    assert data["count"] == len(titles) == len(data["items"])
    item = next(
        i for i in data["items"] if i["slug"] == "strasbourg-transfo-labo-et-comptoir-des-services"
    )
    assert item["url"] == f"{SITE_URL}cas/strasbourg-transfo-labo-et-comptoir-des-services/"
    assert item["territory"] == {
        "name": "Eurométropole de Strasbourg",
        "level": "intercommunalité",
        "region": "Grand Est",
    }
    assert item["date"] == "2019-06-27" and item["end_date"] == "2019-06-28"
    assert "debat-mouvant" in item["methods"]
    assert item["lessons"] and item["license"] == "Licence Ouverte 2.0"
    methods = json.loads((built_site / "donnees" / "methodes.json").read_text(encoding="utf-8"))
    debat = next(i for i in methods["items"] if i["slug"] == "debat-mouvant")
    assert debat["duration"]["min"] <= debat["duration"]["max"]
    assert debat["phase"]


def test_csv_export_is_spreadsheet_ready(built_site):
    raw = (built_site / "donnees" / "cas.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(content_titles("cases"))
    row = next(r for r in rows if r["slug"] == "strasbourg-transfo-labo-et-comptoir-des-services")
    assert row["territory.name"] == "Eurométropole de Strasbourg"
    assert row["territory.region"] == "Grand Est"
    assert row["methods"].split(" | ")[:2] == ["debrief-retrospective", "debat-mouvant"]
    pau = next(r for r in rows if r["slug"] == "pau-lean-startup-directeurs")
    assert pau["testimonial.author"] == "Thierry Ambrosini"
    assert pau["date"] == ""
    methods = list(
        csv.DictReader(
            io.StringIO((built_site / "donnees" / "methodes.csv").read_bytes().decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert {"duration.min", "duration.max", "participants.min", "phase"} <= set(methods[0])


def test_json_schemas_are_published(built_site):
    schema = json.loads((built_site / "schemas" / "case.schema.json").read_text("utf-8"))
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"title", "summary", "territory", "format", "themes", "methods"} <= set(
        schema["required"]
    )
    assert schema["additionalProperties"] is False
    method = json.loads((built_site / "schemas" / "method.schema.json").read_text("utf-8"))
    assert "duration" in method["required"]


def test_case_json_ld(built_site):
    (data,) = head(built_site, "cas/strasbourg-transfo-labo-et-comptoir-des-services").json_ld
    assert data["@context"] == "https://schema.org" and data["@type"] == "Article"
    assert data["spatialCoverage"]["name"] == "Eurométropole de Strasbourg"
    assert data["spatialCoverage"]["containedInPlace"]["name"] == "Grand Est"
    assert {a["name"] for a in data["about"]} >= {"Laboratoire d’innovation"}
    assert re.match(r"\d{4}-\d\d-\d\dT", data["datePublished"])
    assert data["dateModified"] >= data["datePublished"]
    assert data["temporalCoverage"] == "2019-06-27/2019-06-28"


def test_method_json_ld_is_a_howto_with_its_steps(built_site):
    (data,) = head(built_site, "methodes/debat-mouvant").json_ld
    assert data["@type"] == "HowTo"
    body = (ROOT / "methods" / "debat-mouvant.md").read_text(encoding="utf-8")
    deroule = body.split("## Déroulé", 1)[1].split("\n## ", 1)[0]
    numbered = re.findall(r"^\d+\. ", deroule, re.M)
    assert len(data["step"]) == len(numbered) >= 4
    assert [s["position"] for s in data["step"]] == list(range(1, len(numbered) + 1))
    assert all(s["@type"] == "HowToStep" and s["text"] for s in data["step"])
    assert re.fullmatch(r"PT\d+M", data["totalTime"])


@pytest.mark.parametrize(
    "url", ["", "cas", "cas/pau-lean-startup-directeurs", "methodes/debat-mouvant", "themes"]
)
def test_link_previews(built_site, url):
    meta = head(built_site, url).meta
    assert meta["og:locale"] == "fr_FR"
    assert meta["og:title"] and meta["og:description"] and meta["twitter:card"]
    assert meta["og:url"] == SITE_URL + (url + "/" if url else "")
    assert meta["og:image"].startswith(SITE_URL)
    image = built_site / meta["og:image"][len(SITE_URL) :]
    assert image.is_file() and image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_case_preview_uses_its_summary_and_canonical(built_site):
    parsed = head(built_site, "cas/pau-lean-startup-directeurs")
    assert parsed.meta["og:type"] == "article"
    assert parsed.meta["og:description"].startswith("Dans un cycle de formation")
    assert parsed.meta["description"] == parsed.meta["og:description"]
    canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
    assert canonical == [f"{SITE_URL}cas/pau-lean-startup-directeurs/"]


def test_sitemap_and_robots(built_site):
    tree = ET.parse(built_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in tree.getroot().findall("s:url", ns)
    }
    assert f"{SITE_URL}cas/pau-lean-startup-directeurs/" in locs
    assert f"{SITE_URL}methodes/debat-mouvant/" in locs
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", lastmod) for lastmod in locs.values())
    assert not any("/themes/simplification-administrative/" in loc for loc in locs), (
        "no redirect in the sitemap"
    )
    robots = (built_site / "robots.txt").read_text()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots


def test_headings_have_stable_readable_anchors(built_site):
    html = (built_site / "methodes" / "debat-mouvant" / "index.html").read_text("utf-8")
    assert 'id="pieges-a-eviter"' in html and 'id="deroule"' in html
    assert re.search(
        r'<a class="headerlink" href="#deroule" title="Lien vers cette section">', html
    )
    case = built_site / "cas" / "strasbourg-transfo-labo-et-comptoir-des-services" / "index.html"
    assert 'id="ce-que-l-experience-enseigne"' in case.read_text("utf-8")
