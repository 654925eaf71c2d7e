/*
 * Shared by Retex's scripts: the site root, Pagefind loaded on first use, small helpers.
 */

// The site root, absolute: computed once, from the page that loaded this script.
export const ROOT = (function () {
  var base = ".";
  try {
    base = JSON.parse(document.getElementById("__config").textContent).base || ".";
  } catch (e) { /* keep "." */ }
  return new URL(base.replace(/\/?$/, "/"), location.href);
})();
export const SEARCH_PAGE = new URL("recherche/", ROOT).href;

var pagefindLoading = null;
export function pagefind() {
  if (!pagefindLoading) {
    pagefindLoading = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
      return Promise.resolve(pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 }))
        .then(function () { return pf; });
    });
  }
  return pagefindLoading;
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
  var timer = null;
  return function () {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

export function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function plural(n, one, many) {
  return n + " " + (n > 1 ? many : one);
}

export function kindLabel(kind) {
  return kind === "méthode" ? "Méthode" : "Cas";
}

// « Cas · Eurométropole de Strasbourg · 2019 »
export function metaLine(meta) {
  return [kindLabel(meta.kind), meta.place, meta.year].filter(Boolean).join(" · ");
}
