/*
 * Shared by Retex's scripts: the site root, Pagefind loaded on first use, one renderer
 * for search results (header and /recherche/), the message shown when search cannot run,
 * the printed notes of links.
 */
import { entryOf, selectButton } from "./selection.js";

// The site root, absolute: this file is <root>/assets/javascripts/common.js (it may run
// before the page is parsed, so it does not read the page).
export const ROOT = new URL("../../", import.meta.url);
export const SEARCH_PAGE = new URL("recherche/", ROOT).href;
const PAGEFIND = new URL("pagefind/", ROOT);

/*
 * Pagefind, loaded on first use and warmed up as soon as a search is likely (focus in a
 * search box, the search page). Three files are needed before anything else and do not
 * depend on each other: pagefind.js, pagefind-entry.json and the WebAssembly engine.
 * Pagefind itself asks for them one after the other (about three round trips, 6 s on a
 * slow mobile connection); preload hints ask for them at once.
 *
 * Pagefind runs on the main thread (noWorker): its worker is one more file and one more
 * round trip before the first search, and its 5-second start-up timeout made Pagefind
 * start over on the main thread on a busy machine. The index of a site this size answers
 * in a few milliseconds.
 */
let loading = null;
let cacheTag = null;

export function warmUp() {
  if (cacheTag) return;
  // Pagefind asks for pagefind-entry.json?ts=<now> so that a new index is never hidden
  // by a cached entry file; the same fresh value is given to Pagefind (metaCacheTag).
  cacheTag = String(Date.now());
  const language = (document.documentElement.lang || "unknown").toLowerCase().split("-")[0];
  const hints = [
    ["modulepreload", "pagefind.js"],
    ["preload", `pagefind-entry.json?ts=${cacheTag}`],
    ["preload", `wasm.${language}.pagefind`],
  ];
  const present = new Set(Array.from(document.querySelectorAll("link[rel$=preload]"), (l) => l.href));
  for (const [rel, name] of hints) {
    const href = new URL(name, PAGEFIND).href;
    if (present.has(href)) continue; // the search page asks for some in its HTML
    const link = document.createElement("link");
    link.rel = rel;
    link.href = href;
    if (rel === "preload") {
      link.as = "fetch";
      link.crossOrigin = "anonymous"; // as fetch() asks: same-origin credentials, CORS mode
    }
    document.head.appendChild(link);
  }
}

export function pagefind() {
  if (!loading) {
    warmUp();
    loading = import(new URL("pagefind.js", PAGEFIND).href).then(async (pf) => {
      await pf.options({
        baseUrl: ROOT.pathname,
        excerptLength: 24,
        noWorker: true,
        metaCacheTag: cacheTag,
      });
      pf.init(); // starts loading the index now, not at the first keystroke
      return pf;
    });
    // A failed import is not retried by the browser: let a later search try again.
    loading.catch(() => { loading = null; cacheTag = null; });
  }
  return loading;
}

// The index splits words at the straight apostrophe (see publish/search.py): « l’usager »
// typed with a typographic one is searched as « l'usager ».
export function searchTerms(query) {
  return query.replace(/[\u2019\u02bc]/g, "'");
}

// Pagefind keeps the text of an excerpt with plain spaces: put back the no-break spaces
// that the pages carry (hooks/retex/publish/typography.py): narrow before ; ! ?, plain
// no-break before : and », and after «. An excerpt is escaped text with <mark> tags only.
export function frenchSpacing(text) {
  return text
    .replace(/ (?=(?:<\/?mark>)?[;!?])/g, "\u202f")
    .replace(/ (?=(?:<\/?mark>)?[:»])/g, "\u00a0")
    .replace(/« /g, "«\u00a0");
}

export function debounce(fn, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function plural(n, one, many) {
  return `${n} ${n > 1 ? many : one}`;
}

export function kindLabel(kind) {
  return kind === "méthode" ? "Méthode" : "Cas";
}

// « Cas · Eurométropole de Strasbourg · 2019 »
export function metaLine(meta) {
  return [kindLabel(meta.kind), meta.place, meta.year].filter(Boolean).join(" · ");
}

/*
 * One search result, as a list item. ``compact`` (the header's panel): the title and the
 * meta line. Otherwise (/recherche/): a heading of level ``level``, the summary and the
 * excerpt too.
 */
export function renderResult(item, { compact = false, level = 3 } = {}) {
  const link = el("a", null, item.meta.title);
  link.href = item.url;
  if (compact) {
    const li = el("li", "rx-hsearch__result");
    li.appendChild(link);
    li.appendChild(el("span", "rx-hsearch__meta", metaLine(item.meta)));
    return li;
  }
  const li = el("li", "rx-result");
  const heading = el(`h${level}`, "rx-result__title");
  heading.appendChild(link);
  li.appendChild(heading);
  li.appendChild(el("p", "rx-result__meta", metaLine(item.meta)));
  if (item.meta.summary) li.appendChild(el("p", "rx-result__summary", item.meta.summary));
  if (item.excerpt) {
    const excerpt = el("p", "rx-result__excerpt");
    excerpt.innerHTML = frenchSpacing(item.excerpt); // escaped text, <mark> around matches
    li.appendChild(excerpt);
  }
  const entry = entryOf(item.url, ROOT);
  if (entry) li.appendChild(selectButton(entry.kind, entry.slug, item.meta.title || ""));
  return li;
}

/*
 * When search cannot run (the WebAssembly file blocked by a proxy, a network error…): the
 * error goes to the console, the reader gets a French message and other ways in.
 */
export function searchUnavailable(error, target) {
  console.error("Retex : la recherche ne peut pas fonctionner.", error);
  target.textContent = "";
  target.appendChild(document.createTextNode(
    "La recherche est indisponible pour le moment (elle n’a pas pu se charger sur ce " +
    "navigateur ou ce réseau). Vous pouvez parcourir "));
  const ways = [
    ["cas/", "tous les cas"],
    ["methodes/", "toutes les méthodes"],
    ["themes/", "les thèmes"],
    ["phases/", "les étapes d’une démarche"],
  ];
  ways.forEach(([path, label], i) => {
    const link = el("a", null, label);
    link.href = new URL(path, ROOT).href;
    target.appendChild(link);
    target.appendChild(document.createTextNode(
      i < ways.length - 2 ? ", " : i === ways.length - 2 ? " ou " : "."));
  });
}

/* ----------------------------------------------------------------- print --- */

// On paper a link cannot be followed: each one gets a number, and its address is listed
// under that number at the end of its sheet (the addresses are computed here, absolute,
// which CSS cannot do). Links of the fact box, related lists and page footer are not
// printed as notes.
const NOT_NOTED = ".headerlink, .rx-facts, .rx-related, .rx-page-footer, .rx-breadcrumb, " +
  ".rx-deck__intro, .rx-print-notes, .rx-print-frame > tfoot, .md-content__button, .rx-actions";

/** Number the links of each printed unit (a sheet) and list their addresses at its end. */
export function printNotes(units) {
  for (const unit of units) {
    if (!unit || unit.hasAttribute("data-rx-notes")) continue;
    unit.setAttribute("data-rx-notes", "1");
    const numbers = new Map();
    for (const a of unit.querySelectorAll("a[href]")) {
      const href = a.getAttribute("href");
      if (!href || href.startsWith("#") || a.closest(NOT_NOTED)) continue;
      const address = new URL(href, location.href).href.replace(/^mailto:/, ""); // SVG links too
      if (a.textContent.trim() === address) continue;
      if (!numbers.has(address)) numbers.set(address, numbers.size + 1);
      a.setAttribute("data-print-note", String(numbers.get(address)));
    }
    if (!numbers.size) continue;
    const notes = el("section", "rx-print-notes");
    notes.appendChild(el("h2", "rx-print-notes__title", "Liens cités"));
    const ol = el("ol");
    for (const address of numbers.keys()) ol.appendChild(el("li", null, address));
    notes.appendChild(ol);
    const place = unit.querySelector("[data-rx-print-notes]");
    if (place) place.appendChild(notes); else unit.appendChild(notes);
  }
}
