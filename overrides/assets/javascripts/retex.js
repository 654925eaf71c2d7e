/*
 * Retex's scripts on every page (a module loaded async from the page's head):
 *
 * - the menu button of the header (a real button that opens Material's drawer);
 * - after each instant navigation (Material's document$), focus on the new page's title
 *   and an announcement of the page for screen readers;
 * - the header search box: Pagefind's first results as you type, and what was typed
 *   before this script arrived is searched as soon as it is here;
 * - print: links numbered, their addresses listed at the end of each sheet, and the
 *   « Imprimer » buttons;
 * - the « Ajouter à ma sélection » toggles (selection.js).
 *
 * The search page (search-page.js), the chooser (chooser.js) and « Ma sélection »
 * (selection-page.js) load their own code only where they are used. Links within a page, Material's sitemap and single-character
 * shortcuts are handled earlier, by navigation.js.
 */
import {
  SEARCH_PAGE,
  debounce,
  el,
  pagefind,
  plural,
  printNotes,
  renderResult,
  searchTerms,
  searchUnavailable,
  warmUp,
} from "./common.js";
import { setupToggles } from "./selection.js";

const HEADER_RESULTS = 6;

/* ------------------------------------------------------------------ menu --- */

// Material's drawer is a checkbox (#__drawer) toggled by labels; here a button opens it,
// says whether it is open (aria-expanded), moves the focus into it and back, and the
// closed drawer is inert. Above 76.25em the menu is the page's left column: always there.
const wide = matchMedia("(min-width: 76.25em)");

function setupMenu() {
  const button = document.querySelector("[data-rx-menu]");
  const toggle = document.getElementById("__drawer");
  if (!button || !toggle) return;
  const press = () => HTMLElement.prototype.click.call(toggle);
  const drawer = () => document.querySelector(".md-sidebar--primary");
  const isOpen = () => toggle.checked && !wide.matches;

  const render = () => {
    button.setAttribute("aria-expanded", String(isOpen()));
    const sidebar = drawer();
    if (sidebar) sidebar.inert = !wide.matches && !toggle.checked;
  };
  const setOpen = (open, moveFocus) => {
    if (toggle.checked !== open) press(); // as Material does: its listeners follow
    render();
    if (!moveFocus) return;
    if (open) {
      const first = drawer() && drawer().querySelector(".md-nav__list a[href]");
      if (first) first.focus();
    } else {
      button.focus();
    }
  };

  if (!button.hasAttribute("data-rx-ready")) {
    button.setAttribute("data-rx-ready", "1");
    button.hidden = false;
    // Material closes the drawer 125 ms after each navigation by clicking this checkbox
    // from script; it is closed here at once (location$ below), and a menu the reader has
    // opened again meanwhile stays open. The overlay (a label) still closes it.
    toggle.click = () => {};
    button.addEventListener("click", () => setOpen(!isOpen(), true));
    toggle.addEventListener("change", render); // the overlay closes the drawer too
    wide.addEventListener("change", () => {
      if (wide.matches && toggle.checked) press();
      render();
    });
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && isOpen()) {
        ev.preventDefault();
        setOpen(false, true);
      }
    });
    // Leaving the open drawer with Tab closes it (the page behind is under an overlay).
    document.addEventListener("focusin", (ev) => {
      const sidebar = drawer();
      if (isOpen() && sidebar && !sidebar.contains(ev.target) && ev.target !== button) {
        setOpen(false, false);
      }
    });
    // A new page came in through instant navigation: Material closes its drawer 125 ms
    // later; close it now, so that focus and state follow at once.
    if (window.location$) window.location$.subscribe(() => setOpen(false, false));
  }
  // The drawer is part of the page: it is new after each instant navigation.
  const close = document.querySelector("[data-rx-menu-close]");
  if (close && !close.hasAttribute("data-rx-ready")) {
    close.setAttribute("data-rx-ready", "1");
    close.hidden = false;
    close.addEventListener("click", () => setOpen(false, true));
  }
  render();
}

/* ---------------------------------------------------- instant navigation --- */

// After an instant navigation the page changed but the browser did not load one: focus
// would stay on the clicked link (now gone) and nothing would be read. Focus goes to the
// target of the address's #fragment, or the page's title, and the title is announced.
function afterNavigation() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = (id && document.getElementById(id)) ||
    document.querySelector("#contenu h1") || document.getElementById("contenu");
  if (target) {
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true }); // Material restores or sets the scroll position
  }
  const live = document.getElementById("rx-announce");
  if (live) {
    live.textContent = "";
    requestAnimationFrame(() => { live.textContent = `Page chargée\u00a0: ${document.title}`; });
  }
}

/* ---------------------------------------------------------------- header --- */

function setupHeader(navigated = false) {
  const box = document.querySelector('[data-rx-search="header"]');
  if (!box) return;
  const panel = box.querySelector(".rx-hsearch__panel");
  if (box.hasAttribute("data-rx-ready")) {
    if (navigated) panel.hidden = true; // a new page: the header stayed, its results go
    return;
  }
  box.setAttribute("data-rx-ready", "1");
  const form = box.querySelector("form");
  const input = box.querySelector("input[type=search]");
  const status = box.querySelector(".rx-hsearch__status");
  const list = box.querySelector(".rx-hsearch__results");
  const more = box.querySelector(".rx-hsearch__more a");
  // Absolute: instant navigation keeps the header while the page (and its depth) changes.
  form.setAttribute("action", SEARCH_PAGE);
  more.setAttribute("href", SEARCH_PAGE);
  let generation = 0;
  const open = () => { panel.hidden = false; };
  const close = () => { panel.hidden = true; };

  const run = () => {
    const query = input.value.trim();
    const mine = ++generation;
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      close();
      return;
    }
    pagefind()
      .then((pf) => pf.search(searchTerms(query)))
      .then((search) => {
        if (mine !== generation) return null;
        return Promise.all(search.results.slice(0, HEADER_RESULTS).map((r) => r.data()))
          .then((items) => ({ total: search.results.length, items }));
      })
      .then((found) => {
        if (!found || mine !== generation) return;
        list.textContent = "";
        for (const item of found.items) {
          list.appendChild(renderResult(item, { compact: true }));
        }
        status.textContent = found.total
          ? `${plural(found.total, "résultat", "résultats")} pour «\u00a0${query}\u00a0»`
          : `Aucun résultat pour «\u00a0${query}\u00a0»`;
        more.setAttribute("href", `${SEARCH_PAGE}?q=${encodeURIComponent(query)}`);
        open();
      })
      .catch((error) => {
        if (mine !== generation) return;
        list.textContent = "";
        searchUnavailable(error, status);
        open();
      });
  };

  input.addEventListener("input", debounce(run, 120));
  input.addEventListener("focus", () => {
    pagefind().catch(() => {}); // the reader is about to search: load it now
    if (input.value.trim() && list.childNodes.length) open();
  });
  box.addEventListener("pointerenter", warmUp, { once: true });
  box.addEventListener("keydown", (ev) => {
    const links = Array.from(panel.querySelectorAll("a"));
    const index = links.indexOf(document.activeElement);
    if (ev.key === "Escape" && !panel.hidden) {
      ev.stopPropagation(); // not the menu's Escape
      close();
      input.focus();
    } else if (ev.key === "ArrowDown" && !panel.hidden && links.length) {
      ev.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && index >= 0) {
      ev.preventDefault();
      if (index === 0) input.focus(); else links[index - 1].focus();
    }
  });
  box.addEventListener("focusout", () => {
    setTimeout(() => { if (!box.contains(document.activeElement)) close(); }, 0);
  });
  panel.addEventListener("click", (ev) => { if (ev.target.closest("a")) close(); });

  // Typed before this script arrived (a slow connection): search it now.
  if (document.activeElement === input) pagefind().catch(() => {});
  if (input.value.trim()) run();
}

/* ----------------------------------------------------------------- print --- */

// Links numbered on paper (common.js): per sheet of the print deck, else the page. The
// printed selection numbers its sheets once it has assembled them (selection-page.js).
function setupPrint() {
  if (!document.querySelector("[data-rx-selection-print]")) {
    const sheets = document.querySelectorAll(".rx-sheet");
    printNotes(sheets.length ? Array.from(sheets) : [document.getElementById("contenu")]);
  }
  for (const button of document.querySelectorAll("[data-rx-print]")) {
    if (button.hasAttribute("data-rx-ready")) continue;
    button.setAttribute("data-rx-ready", "1");
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}

/* ------------------------------------------------------------ permalinks --- */

// A section's permalink reads « # »: give it a name that says where it leads.
function setupPermalinks() {
  for (const a of document.querySelectorAll("#contenu .headerlink")) {
    const heading = a.parentElement;
    const title = Array.from(heading.childNodes)
      .filter((node) => node !== a).map((node) => node.textContent).join("").trim();
    a.setAttribute("aria-label", `Lien vers la section «\u00a0${title}\u00a0»`);
    a.removeAttribute("title");
  }
}

/* ------------------------------------------------------------------ boot --- */

// What searching needs, as early as possible.
function setupSearch(navigated = false) {
  setupHeader(navigated);
  if (document.querySelector('[data-rx-search="page"]')) {
    warmUp(); // Pagefind's first files, while search-page.js comes
    import("./search-page.js").then((m) => m.setupPage());
  }
}

function setup(navigated = false) {
  setupMenu();
  setupSearch(navigated);
  setupPermalinks();
  setupPrint();
  setupToggles();
  if (document.querySelector("[data-rx-chooser]")) {
    import("./chooser.js").then((m) => m.setupChooser());
  }
  if (document.querySelector("[data-rx-proposal]")) {
    import("./proposal.js").then((m) => m.setupProposal());
  }
  if (document.querySelector("[data-rx-selection-page]")) {
    import("./selection-page.js").then((m) => m.setupSelectionPage());
  }
  if (document.querySelector("[data-rx-selection-print]")) {
    import("./selection-page.js").then((m) => m.setupSelectionPrint());
  }
}

// Material's instant navigation replaces the page without reloading this script: its
// document$ gives the current page first, then each new one. This module is loaded
// async, from the page's head: it usually runs before Material's bundle, whose document$
// exists once the page is parsed; search is set up at once (typing may have begun).
function follow() {
  if (!window.document$ || typeof window.document$.subscribe !== "function") {
    setup();
    return;
  }
  let first = true;
  window.document$.subscribe(() => {
    const navigated = !first;
    first = false;
    if (navigated) afterNavigation();
    setup(navigated);
  });
}

if (document.readyState === "loading") {
  // The page is still being parsed (its styles are in, its last scripts are not): the
  // search box and the search page are set up as soon as they are there.
  const early = (ev) => {
    if (ev.target instanceof Element && ev.target.id === "rx-hsearch-input") setupHeader();
  };
  document.addEventListener("focusin", early, true);
  document.addEventListener("input", early, true);
  const parsing = new MutationObserver(() => {
    if (document.getElementById("rx-search-end")) { // the end of the search page's content
      parsing.disconnect();
      setupSearch();
    }
  });
  parsing.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    document.removeEventListener("focusin", early, true);
    document.removeEventListener("input", early, true);
    follow();
  }, { once: true });
} else {
  follow();
}
