"""« Carte des cas » (/carte/) in Chromium: every region with cases is a link named with
its count, the table says the same figures, the national cases are beside the map, the
keyboard focus shows on the map, axe finds nothing, nothing is requested elsewhere, and
the map needs no script.

The expected figures are computed here from the cases' front matter, as a reader
counting the files would: nothing is hard-coded.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from browser.conftest import axe_violations, follow_instantly
from browser.test_keyboard import FOCUS_STATE, problems, walk
from playwright.sync_api import expect

from support import ROOT

MAP = "carte/"


def plain(text: str) -> str:
    """The text as typed: the site writes French spacing (U+00A0, U+202F) before « : »…"""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture(scope="module")
def expected():
    """Published cases per region label, the national cases' titles, every region label."""
    cases = [front_matter(p) for p in sorted((ROOT / "cases").glob("*.md"))]
    published = [c for c in cases if not c.get("draft")]
    published = [c for c in published if c.get("title")]
    regions = yaml.safe_load((ROOT / "vocabulary.yml").read_text(encoding="utf-8"))["regions"]
    counts = Counter(c["territory"]["region"] for c in published if c["territory"].get("region"))
    national = [c["title"] for c in published if not c["territory"].get("region")]
    return {
        "counts": {r["label"]: counts.get(r["label"], 0) for r in regions},
        "national": national,
        "total": len(published),
    }


def test_the_content_has_what_the_map_must_show(expected):
    """Sanity: several regions with cases, one with more than one, and a national case."""
    counts = expected["counts"]
    assert len(counts) == 18
    assert sum(1 for n in counts.values() if n) >= 3 and max(counts.values()) >= 2
    assert expected["national"]


def test_every_region_with_cases_is_a_link_named_with_its_count(site, page, expected):
    page.goto(site.url + MAP)
    drawing = page.locator("svg.rx-map__svg")
    with_cases = {label: n for label, n in expected["counts"].items() if n}
    for label, n in with_cases.items():
        link = drawing.get_by_role("link", name=f"{label} : {n} cas", exact=True)
        expect(link).to_have_count(1)
        expect(link).to_be_visible()
    # Regions without cases are drawn, not links; the counts are written on the map.
    expect(drawing.get_by_role("link")).to_have_count(len(with_cases))
    written = sorted(int(t) for t in drawing.locator(".rx-map__count").all_text_contents())
    assert written == sorted(with_cases.values())


def test_a_region_of_the_map_leads_to_its_cases(site, page, expected):
    page.goto(site.url + MAP)
    label, n = max(expected["counts"].items(), key=lambda item: item[1])
    link = page.locator("svg.rx-map__svg").get_by_role("link", name=f"{label} : {n} cas")
    href = urljoin(page.url, link.get_attribute("href"))
    assert urlsplit(href).path.startswith("/regions/")
    link.click()
    expect(page).to_have_url(href)
    expect(page.locator("h1")).to_contain_text(label)
    expect(page.locator("#contenu .rx-cards > li")).to_have_count(n)


def test_the_table_says_the_same_figures(site, page, expected):
    page.goto(site.url + MAP)
    table = page.get_by_role("table", name="Nombre de cas par région")
    rows = table.locator("tbody tr")
    shown = {
        plain(row.locator("th").inner_text()): int(row.locator("td").inner_text())
        for row in rows.all()
    }
    national = shown.pop("Portée nationale (sans région)")
    assert shown == expected["counts"]
    assert national == len(expected["national"])
    assert int(table.locator("tfoot td").inner_text()) == expected["total"]
    # A region with cases is a link in the table too, one without is plain text.
    for label, n in expected["counts"].items():
        expect(table.get_by_role("link", name=label, exact=True)).to_have_count(1 if n else 0)


def test_national_cases_are_listed_beside_the_map(site, page, expected):
    page.goto(site.url + MAP)
    side = page.locator(".rx-map__side")
    titles = [plain(t) for t in side.locator(".rx-map__national a").all_text_contents()]
    assert sorted(titles) == sorted(expected["national"])
    figure, column = page.locator(".rx-map__figure").bounding_box(), side.bounding_box()
    assert column["x"] >= figure["x"] + figure["width"], "beside the map at 1,280 px"
    assert column["y"] < figure["y"] + figure["height"] / 2
    # The legend says what the shades mean in words.
    legend = side.locator(".rx-map__legend li").all_text_contents()
    assert legend[0].strip() == "aucun cas" and all(t.strip().endswith("cas") for t in legend)


def test_keyboard_focus_is_visible_on_the_map_links(site, page, expected):
    page.goto(site.url + MAP)
    drawing = page.locator(".rx-map__figure")
    before = drawing.screenshot()
    stops = [s for s in walk(page, "Tab") if "rx-map__link" in s["what"]]
    assert len(stops) == sum(1 for n in expected["counts"].values() if n)
    assert not problems(stops)
    # Back on the first map link: the drawing itself shows where the focus is.
    first = page.locator(".rx-map__link").first
    first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(first).to_be_focused()
    assert first.evaluate("a => a.matches(':focus-visible')")
    state = page.evaluate(FOCUS_STATE)
    assert state["ring"] and state["contrast"] >= 3, state
    stroke = first.locator("path").evaluate("p => getComputedStyle(p).strokeWidth")
    assert float(stroke.rstrip("px")) >= 3
    assert drawing.screenshot() != before, "the focused region is drawn differently"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_map_passes_axe(site, new_page, width):
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site.url + MAP)
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_no_request_leaves_the_site(site, page):
    requests = []
    page.on("request", lambda r: requests.append(urlsplit(r.url)))
    page.goto(site.url + MAP, wait_until="networkidle")
    page.locator(".rx-map__link").first.click()
    page.wait_for_load_state("networkidle")
    own = urlsplit(site.url).netloc
    assert requests and all(r.netloc == own for r in requests if r.netloc), [
        r.geturl() for r in requests
    ]
    # The map's shapes are in the page: no request for a map file or tiles.
    assert not [r for r in requests if "maps/" in r.path or r.path.endswith((".geojson", ".svg"))]


def test_the_map_needs_no_script(site, new_page, expected):
    page = new_page(java_script_enabled=False)
    page.goto(site.url + MAP)
    label, n = next((k, v) for k, v in expected["counts"].items() if v)
    link = page.locator("svg.rx-map__svg").get_by_role("link", name=f"{label} : {n} cas")
    expect(link).to_be_visible()


def test_the_home_page_and_the_case_index_link_to_the_map(site, page):
    for path in ("", "cas/"):
        page.goto(site.url + path)
        link = page.locator("#contenu").get_by_role("link", name="carte des cas")
        expect(link).to_have_count(1)
    link.click()
    expect(page.locator("h1")).to_have_text("Carte des cas")


def test_the_map_works_after_an_instant_navigation(site, page, expected):
    """Material loads /carte/ without a full page load and rewrites its links: the SVG
    links keep working (their address is read-only for a script: see navigation.js)."""
    page.goto(site.url)
    page.evaluate("window.__marker = 1")
    follow_instantly(page, page.locator("#contenu").get_by_role("link", name="Carte des cas"))
    expect(page.locator("h1")).to_have_text("Carte des cas")
    assert page.evaluate("window.__marker") == 1, "instant navigation did a full page load"
    label, n = next((k, v) for k, v in expected["counts"].items() if v)
    link = page.locator("svg.rx-map__svg").get_by_role("link", name=f"{label} : {n} cas")
    link.click()
    expect(page.locator("h1")).to_contain_text(label)
    expect(page.locator("#contenu .rx-cards > li")).to_have_count(n)
