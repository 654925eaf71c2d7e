"""Keyboard, focus and screen-reader behaviour in Chromium (issue 13): the walks a reader
makes with Tab and Shift+Tab at 1,093 px (200 % zoom on an office screen) and 1,280 px,
the menu button, instant navigation, character keys, landmarks and names."""

from __future__ import annotations

import re

import pytest
from browser.conftest import follow_instantly
from playwright.sync_api import expect

WIDTHS = [1093, 1280]
# The page kinds with the most focus stops, and the one with a table of contents.
WALKED = {
    "accueil": "",
    "cas": "cas/strasbourg-transfo-labo-et-comptoir-des-services/",
    "recherche": "recherche/?q=atelier",
    "fiches à imprimer": "fiches-a-imprimer/",
    "formulaire de proposition": "proposer/?type=methode",
}
MAX_STOPS = 400

# Where the focus is, and whether a sighted keyboard user can see it: inside the viewport,
# not covered by the sticky header, the back-to-top button or anything else, and its ring
# of at least 3:1 against what surrounds it. A stop that looks hidden is watched for
# some 30 frames (half a second) before it counts as hidden: a focus that scrolls the page
# makes Material resize its sidebars a few frames later, by its scroll handlers (the
# reader sees the result; the frames before never stay on screen).
FOCUS_STATE = """async () => {
  const seen = (s) => !s || (s.visible && s.unobscured);
  let state = focusState();
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  for (let i = 0; i < 30 && !seen(state); i++) {
    await frame();
    state = focusState();
  }
  return state;

function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // A link that wraps has one box per line: judge its first line.
  const r = el.getClientRects()[0] || el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  // What lies under the ring: the first element behind a point just outside the box.
  const x = Math.min(Math.max(r.left - 3, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  let behind = document.elementsFromPoint(x, y).find((n) => n !== el && !el.contains(n));
  let background = [255, 255, 255];
  if (parseFloat(style.outlineOffset) < 0) behind = el; // a ring drawn inside the element
  for (let n = behind; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { background = c.slice(0, 3); break; }
  }
  const path = [];
  for (let n = el; n && n !== document.documentElement; n = n.parentElement) {
    path.unshift(`${n.tagName}:${[...n.parentElement.children].indexOf(n)}`);
  }
  const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(cx, cy);
  return {
    path: path.join("/"),
    what: el.outerHTML.slice(0, 120),
    visible: r.width > 0 && r.height > 0 && style.visibility !== "hidden" &&
      r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
    unobscured: !!top && (top === el || el.contains(top) || top.contains(el) &&
      top.tagName === "LABEL"),
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    contrast: contrast(parse(style.outlineColor).slice(0, 3), background),
    cover: top ? top.outerHTML.slice(0, 100) : null,
  };
}
}"""


def walk(page, key: str) -> list[dict]:
    """Every focus stop met by pressing ``key`` until the focus comes back to a stop it met."""
    stops, seen = [], set()
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue
        if state["path"] in seen:
            break
        seen.add(state["path"])
        stops.append(state)
    return stops


def problems(stops: list[dict]) -> list[str]:
    out = []
    for s in stops:
        if not s["visible"]:
            out.append(f"invisible: {s['what']}")
        elif not s["unobscured"]:
            out.append(f"covered: {s['what']} by {s['cover']}")
        elif not s["ring"]:
            out.append(f"no focus ring: {s['what']}")
        elif s["contrast"] < 3:
            out.append(f"focus ring {s['contrast']:.2f}:1: {s['what']}")
    return out


def settle(page, path: str):
    if path.startswith("recherche/"):
        expect(page.locator("[data-rx-facets] input").first).to_be_visible()
    if path.startswith("proposer/"):
        expect(page.locator("form:not([hidden]) [data-rx-state]")).not_to_have_text(
            "Vérification de la fiche…"
        )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", list(WALKED))
def test_every_focused_element_is_visible_and_unobscured(site, new_page, kind, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(site.url + WALKED[kind])
    settle(page, WALKED[kind])
    forward = walk(page, "Tab")
    assert len(forward) > 10, "the walk went through the page"
    # Going back up, the page scrolls the other way: nothing may hide under the header.
    backward = walk(page, "Shift+Tab")
    assert not problems(forward) + problems(backward)


def test_closed_menu_is_out_of_the_tab_order(site, new_page):
    page = new_page(viewport={"width": 1093, "height": 800})
    page.goto(site.url)
    drawer_links = page.locator(".md-sidebar--primary a")
    for stop in walk(page, "Tab"):
        assert "md-nav__link" not in stop["what"], stop
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    assert drawer_links.count() > 5


@pytest.mark.parametrize("viewport", [(1093, 800, 1), (640, 450, 2)])
def test_menu_opens_and_closes_with_the_keyboard(site, new_page, viewport):
    width, height, scale = viewport
    page = new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
    page.goto(site.url + "cas/")
    button = page.get_by_role("button", name="Menu", exact=True)
    expect(button).to_have_attribute("aria-expanded", "false")
    assert button.get_attribute("aria-controls") == "rx-menu"
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    menu = page.locator("#rx-menu")
    first = menu.locator(".md-nav__list a").first
    expect(first).to_be_focused()
    expect(first).to_be_in_viewport()
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    # « Choisir une méthode » and « Fiches à imprimer » are in the menu, reachable by Tab.
    names = [page.evaluate("document.activeElement.textContent.trim()")]
    for _ in range(menu.locator(".md-nav__list a").count() - 1):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert "Choisir une méthode" in names and "Fiches à imprimer" in names, names
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.locator("a[aria-current=page]")).to_have_text("Cas")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    # The drawer's own close button, by keyboard too.
    page.keyboard.press("Enter")
    close = page.get_by_role("button", name="Fermer le menu")
    for _ in range(3):  # above the links: « Code source » (on small screens), then the button
        page.keyboard.press("Shift+Tab")
        if close.evaluate("b => b === document.activeElement"):
            break
    expect(close).to_be_focused()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()


def test_every_stop_of_the_open_menu_is_visible(site, new_page):
    page = new_page(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    page.goto(site.url + "methodes/")
    page.get_by_role("button", name="Menu", exact=True).focus()
    page.keyboard.press("Enter")
    # The drawer slides in (a quarter of a second): read it once it is there.
    expect(page.locator(".md-sidebar--primary")).to_be_in_viewport(ratio=1)
    stops = []
    for key in ("Shift+Tab",) * 2 + ("Tab",) * 12:  # the close button, then every link
        page.keyboard.press(key)
        if page.evaluate("!!document.activeElement.closest('#rx-menu')"):
            stops.append(page.evaluate(FOCUS_STATE))
    assert len(stops) >= 10
    assert not problems(stops)


def test_menu_works_across_instant_navigation(site, new_page):
    page = new_page(viewport={"width": 1093, "height": 800})
    page.goto(site.url)
    page.evaluate("window.__marker = 1")
    button = page.get_by_role("button", name="Menu", exact=True)
    button.click()
    follow_instantly(page, page.locator("#rx-menu a", has_text="Méthodes"))
    expect(page.locator("h1")).to_have_text("Toutes les méthodes")
    assert page.evaluate("window.__marker") == 1, "instant navigation did a full page load"
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.querySelector('.md-sidebar--primary').inert")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#rx-menu a[aria-current=page]")).to_have_text("Méthodes")
    expect(page.locator("#rx-menu .md-nav__list a").first).to_be_focused()


def test_wide_screen_menu_is_a_column_without_button(site, page):
    page.goto(site.url)
    expect(page.get_by_role("button", name="Menu", exact=True)).to_be_hidden()
    expect(page.locator("#rx-menu a", has_text="Choisir une méthode")).to_be_visible()
    assert not page.evaluate("document.querySelector('.md-sidebar--primary').inert")


def test_choosing_and_printing_are_reachable_without_the_menu(site, page):
    for path in ("", "methodes/debat-mouvant/"):
        page.goto(site.url + path)
        footer = page.locator("footer.md-footer")
        expect(footer.get_by_role("link", name="Choisir une méthode")).to_be_visible()
        expect(footer.get_by_role("link", name="Fiches à imprimer")).to_be_visible()
    page.goto(site.url)
    content = page.locator("#contenu")
    expect(content.get_by_role("link", name="Choisir une méthode")).to_be_visible()
    expect(content.get_by_role("link", name="Fiches à imprimer")).to_be_visible()


def test_character_keys_are_not_shortcuts(site, page):
    # WCAG 2.1.4: « s », « / » and Material's « n », « p », « , », « . » do nothing.
    page.goto(site.url + "cas/")
    link = page.locator("#contenu a").first
    link.focus()
    url = page.url
    for key in ("s", "/", "n", "p", ",", "."):
        page.keyboard.press(key)
        expect(link).to_be_focused()
        assert page.url == url, key


def test_focus_moves_to_the_new_page_after_instant_navigation(site, page):
    page.goto(site.url)
    page.evaluate("window.__marker = 1")
    follow_instantly(page, page.locator("#contenu a", has_text="Tous les cas"))
    heading = page.locator("#contenu h1")
    expect(heading).to_have_text("Tous les cas")
    assert page.evaluate("window.__marker") == 1, "instant navigation did a full page load"
    expect(heading).to_be_focused()
    expect(page.locator("#rx-announce")).to_have_text(re.compile(r"^Page chargée\s*: Tous les cas"))
    # And again from the new page: the header stayed, the focus follows each page.
    follow_instantly(page, page.locator("#contenu a[href*='/cas/']").first)
    expect(page.locator("#contenu h1")).to_be_focused()


def test_first_click_before_instant_navigation_is_ready_is_a_plain_page_load(site, page):
    held = []
    page.route("**/sitemap.xml", lambda route: held.append(route))
    page.goto(site.url)
    page.evaluate("window.__marker = 1")
    link = page.locator("#contenu a", has_text="Toutes les méthodes")
    link.hover()  # asks for the sitemap, which is held back
    with page.expect_navigation():
        link.click()
    expect(page.locator("h1")).to_have_text("Toutes les méthodes")
    assert page.evaluate("window.__marker") is None, "a full page load, as without script"
    assert held, "the sitemap was asked for when the pointer came over the link"


def test_table_of_contents_links_move_the_focus(site, page):
    page.goto(site.url + "methodes/barcamp/")
    toc = page.locator(".md-sidebar--secondary .md-nav__link").nth(1)
    target = toc.get_attribute("href").split("#")[1]
    toc.click()
    expect(page.locator(f"[id='{target}']")).to_be_focused()
    assert page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top") >= 48
    # By keyboard too, and the skip link.
    page.goto(site.url + "methodes/barcamp/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#contenu")).to_be_focused()


def test_skip_link_to_the_search_box(site, page):
    page.goto(site.url + "cas/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller à la recherche")
    page.keyboard.press("Enter")
    expect(page.locator("#rx-hsearch-input")).to_be_focused()


def test_permalinks_have_a_name_and_decorative_icons_are_hidden(site, page):
    page.goto(site.url + "methodes/barcamp/")
    permalink = page.locator("#contenu h2 .headerlink").first
    heading = permalink.locator("xpath=..").evaluate(
        "h => [...h.childNodes].filter(n => !n.classList || !n.classList.contains('headerlink'))"
        ".map(n => n.textContent).join('').trim()"
    )
    name = f"Lien vers la section «\u00a0{heading}\u00a0»"
    expect(permalink).to_have_attribute("aria-label", name)
    unlabelled = page.evaluate(
        "[...document.querySelectorAll('svg')].filter(s => !s.closest('[aria-hidden=true]'))"
        ".map(s => s.parentElement.outerHTML.slice(0, 80))"
    )
    assert not unlabelled, unlabelled
    for name in ("Menu", "Lancer la recherche"):
        assert page.get_by_role("button", name=name, exact=True, include_hidden=True).count() == 1


LANDMARKS = """() => {
  const name = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    const text = (id) => document.getElementById(id).textContent.trim();
    if (ids) return ids.split(/\\s+/).map(text).join(' ');
    return el.getAttribute('aria-label') || '';
  };
  const roles = {
    navigation: 'nav, [role=navigation]', search: '[role=search]',
    region: 'section[aria-labelledby], section[aria-label], [role=region]',
  };
  const out = {};
  for (const [role, selector] of Object.entries(roles)) {
    out[role] = [...document.querySelectorAll(selector)]
      .filter(el => !el.closest('[hidden], [inert]') && getComputedStyle(el).display !== 'none')
      .map(name);
  }
  return out;
}"""


@pytest.mark.parametrize(
    "path",
    ["", "cas/pau-lean-startup-directeurs/", "recherche/?q=atelier", "fiches-a-imprimer/"]
    + ["proposer/?type=cas"],
)
def test_landmarks_have_unique_names(site, page, path):
    page.goto(site.url + path)
    for role, names in page.evaluate(LANDMARKS).items():
        assert all(names), (role, names)
        assert len(names) == len(set(names)), (role, names)


def test_search_page_headings_and_data_table_captions(site, page):
    page.goto(site.url + "recherche/?q=atelier")
    expect(page.locator("[data-rx-results] > li").first).to_be_visible()
    assert page.locator("#contenu h1").count() == 1
    assert page.locator("#contenu h2:visible").all_inner_texts() == ["Filtrer", "Résultats"]
    assert page.locator("[data-rx-results] h3.rx-result__title").count() >= 1
    assert page.locator("[data-rx-results] h2").count() == 0
    page.goto(site.url + "donnees/")
    tables = page.locator("#contenu table:not([role=presentation])")
    assert tables.count() >= 3
    for i in range(tables.count()):
        expect(tables.nth(i).locator("caption")).not_to_be_empty()


def test_the_back_to_top_button_is_a_small_pill_at_the_bottom_right(site, page):
    """Material shows it when the reader scrolls back up, and sets its ``top`` in the
    element's style: it must not stretch into a white column over the table of contents."""
    page.goto(site.url + "cas/strasbourg-transfo-labo-et-comptoir-des-services/")
    page.mouse.wheel(0, 1500)
    expect(page.locator(".md-top")).to_be_hidden()
    page.mouse.wheel(0, -300)
    top = page.locator(".md-top")
    expect(top).to_be_visible()
    expect(top).not_to_have_attribute("hidden", "")
    box = top.bounding_box()
    assert box["height"] < 60, box
    assert box["y"] + box["height"] > 900 - 60 and box["x"] > 1280 / 2, box
