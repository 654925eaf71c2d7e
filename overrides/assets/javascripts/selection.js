/*
 * « Ma sélection »: the sheets a reader keeps to prepare a workshop. One store, used by
 * the toggle buttons of entry pages, of cards in lists and of search results, by the
 * chooser (« Ajouter ce déroulé ») and by /ma-selection/.
 *
 * It lives in this browser's localStorage only (key "retex.selection"): no cookie, no
 * request, nothing leaves the reader's computer (see /confidentialite/). An entry is
 * { kind, slug }: kind is the URL folder of its page ("methodes" or "cas"), which is also
 * its parameter in a share link: /ma-selection/?methodes=a,b&cas=c.
 *
 * Whatever is read (the store, a share link) is untrusted: only well-formed slugs of a
 * known kind are kept, each once, at most MAX of them; pages check them against the
 * published sheets before showing anything.
 */

const KEY = "retex.selection";
export const KINDS = ["methodes", "cas"]; // methods first, wherever the selection is shown
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX = 100; // entries kept
const MAX_PARTS = 1000; // values read from a share link, at most

let memory = []; // when the browser refuses localStorage (some private modes)
let persistent = true;

const key = (item) => `${item.kind}/${item.slug}`;

function storage() {
  try {
    const store = window.localStorage;
    store.getItem(KEY);
    return store;
  } catch {
    return null;
  }
}

/** Well-formed entries, each once, in their order. */
export function clean(items) {
  const seen = new Set();
  const out = [];
  if (!Array.isArray(items)) return out;
  for (const item of items) {
    if (!item || typeof item !== "object") continue;
    const { kind, slug } = item;
    if (!KINDS.includes(kind) || typeof slug !== "string" || slug.length > 120 || !SLUG.test(slug)) {
      continue;
    }
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    out.push({ kind, slug });
    if (out.length >= MAX) break;
  }
  return out;
}

/** Does the selection survive this page? (false: the browser refuses localStorage) */
export function isPersistent() {
  return persistent && storage() !== null;
}

export function read() {
  const store = storage();
  if (!store) return clean(memory);
  try {
    const data = JSON.parse(store.getItem(KEY) || "null");
    return clean(data && data.items);
  } catch {
    return [];
  }
}

export function write(items) {
  const list = clean(items);
  memory = list;
  const store = storage();
  try {
    if (!store) throw new Error("no storage");
    store.setItem(KEY, JSON.stringify({ version: 1, items: list }));
  } catch {
    persistent = false;
  }
  window.dispatchEvent(new CustomEvent("rx-selection"));
  return list;
}

export function has(items, kind, slug) {
  return items.some((i) => i.kind === kind && i.slug === slug);
}

/** Add or remove one entry; returns whether it is now selected. */
export function toggle(kind, slug) {
  const items = read();
  const on = !has(items, kind, slug);
  write(on ? [...items, { kind, slug }] : items.filter((i) => !(i.kind === kind && i.slug === slug)));
  return on;
}

export function add(entries) {
  write([...read(), ...entries]);
}

export function remove(kind, slug) {
  write(read().filter((i) => !(i.kind === kind && i.slug === slug)));
}

/** Methods first, then cases, each in the order chosen. */
export function ordered(items) {
  return KINDS.flatMap((kind) => items.filter((i) => i.kind === kind));
}

/** Move an entry one place up (-1) or down (+1) among those of its kind. */
export function move(kind, slug, delta) {
  const items = ordered(read());
  const at = items.findIndex((i) => i.kind === kind && i.slug === slug);
  const to = at + delta;
  if (at < 0 || to < 0 || to >= items.length || items[to].kind !== kind) return;
  [items[at], items[to]] = [items[to], items[at]];
  write(items);
}

/** "methodes=a,b&cas=c": the query of a share link. */
export function shareQuery(items) {
  return KINDS.map((kind) => [kind, items.filter((i) => i.kind === kind).map((i) => i.slug)])
    .filter(([, slugs]) => slugs.length)
    .map(([kind, slugs]) => `${kind}=${slugs.join(",")}`)
    .join("&");
}

/**
 * The entries a share link names (its query string, hostile), as ``known`` gives them
 * (a function of an entry: the published one it names, or null): { items, ignored }, or
 * null when the query names none at all.
 */
export function fromQuery(search, known) {
  const params = new URLSearchParams(search);
  const wanted = [];
  let parts = 0;
  let named = false;
  for (const kind of KINDS) {
    for (const value of params.getAll(kind)) {
      named = true;
      for (const part of value.split(",")) {
        if (++parts > MAX_PARTS) break;
        const slug = part.trim();
        if (slug) wanted.push({ kind, slug });
      }
    }
  }
  if (!named) return null;
  const found = wanted.map((item) => (SLUG.test(item.slug) ? known(item) : null));
  const items = clean(found.filter(Boolean));
  const ignored = new Set(wanted.filter((_, i) => !found[i]).map(key)).size;
  return { items, ignored };
}

/** The entries of the store that ``known`` finds, as it names them. */
export function readKnown(known) {
  return clean(read().map(known).filter(Boolean));
}

export function same(a, b) {
  return a.length === b.length && a.every((item, i) => key(item) === key(b[i]));
}

/* ------------------------------------------------------- toggle buttons --- */

const ADD = "Ajouter à ma sélection";
const REMOVE = "Retirer de ma sélection";

function render(button, items) {
  const on = has(items, button.getAttribute("data-rx-select"), button.getAttribute("data-rx-slug"));
  button.setAttribute("aria-pressed", String(on));
  const label = button.querySelector("[data-rx-select-label]");
  if (label) label.textContent = on ? REMOVE : ADD;
}

function wire(button) {
  if (button.hasAttribute("data-rx-ready")) return;
  button.setAttribute("data-rx-ready", "1");
  button.hidden = false;
  button.addEventListener("click", () => {
    toggle(button.getAttribute("data-rx-select"), button.getAttribute("data-rx-slug"));
  });
}

/** Every toggle of the page shows the selection; links to /ma-selection/ give its size. */
export function refresh() {
  const items = read();
  for (const button of document.querySelectorAll("button[data-rx-select]")) render(button, items);
  for (const link of document.querySelectorAll("[data-rx-selection-count]")) {
    link.hidden = items.length === 0;
    link.textContent = `Voir ma sélection (${items.length}\u00a0${items.length > 1 ? "fiches" : "fiche"})`;
  }
}

/** Set up the toggles the page's HTML carries (entry pages, cards). */
export function setupToggles() {
  for (const button of document.querySelectorAll("button[data-rx-select]")) wire(button);
  refresh();
}

/** A toggle for a sheet shown by a script (a search result), named after its title. */
export function selectButton(kind, slug, title) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "rx-select";
  button.setAttribute("data-rx-select", kind);
  button.setAttribute("data-rx-slug", slug);
  const label = document.createElement("span");
  label.setAttribute("data-rx-select-label", "");
  label.textContent = ADD;
  const name = document.createElement("span");
  name.className = "rx-sr-only";
  name.textContent = `\u00a0: ${title}`;
  button.append(label, name);
  wire(button);
  render(button, read());
  return button;
}

/** The kind and slug of a published entry page, from its address (or null). */
export function entryOf(url, root) {
  const path = new URL(url, root).pathname;
  const base = new URL(root).pathname;
  if (!path.startsWith(base)) return null;
  const match = /^(methodes|cas)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(path.slice(base.length));
  return match ? { kind: match[1], slug: match[2] } : null;
}

// The selection changes here (a click) or in another tab (the storage event).
window.addEventListener("rx-selection", refresh);
window.addEventListener("storage", (ev) => {
  if (ev.key === KEY || ev.key === null) window.dispatchEvent(new CustomEvent("rx-selection"));
});
