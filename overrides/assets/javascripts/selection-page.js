/*
 * « Ma sélection » (/ma-selection/) and its print-ready document (/ma-selection/imprimer/).
 *
 * Both pages carry a catalogue of every published entry (partials/selection-catalogue.html,
 * inert HTML written by the build): a sheet is shown only when the catalogue lists it,
 * by a clone of its card, never by HTML made from what the address or the store holds.
 * A share link (?methodes=a,b&cas=c) is hostile input: its values are matched against the
 * catalogue as strings and nothing of it is written to the page.
 */
import { ROOT, el, plural, printNotes } from "./common.js";
import * as store from "./selection.js";

const key = (item) => `${item.kind}/${item.slug}`;

/** The published entries: { cards, known }. ``known(item)`` is the entry an item names,
 * by its slug or a former one, or null. Lookups are by string, in a Map. */
function catalogue() {
  const cards = new Map();
  const names = new Map();
  const template = document.querySelector("template[data-rx-catalogue]");
  for (const li of template ? template.content.querySelectorAll("li[data-rx-kind]") : []) {
    const kind = li.getAttribute("data-rx-kind");
    const entry = { kind, slug: li.getAttribute("data-rx-slug") };
    cards.set(key(entry), li);
    names.set(key(entry), entry);
  }
  for (const li of template ? template.content.querySelectorAll("li[data-rx-aliases]") : []) {
    const entry = names.get(`${li.getAttribute("data-rx-kind")}/${li.getAttribute("data-rx-slug")}`);
    for (const alias of li.getAttribute("data-rx-aliases").split(" ")) {
      const former = `${entry.kind}/${alias}`;
      if (alias && !names.has(former)) names.set(former, entry);
    }
  }
  return { cards, known: (item) => names.get(key(item)) || null };
}

function count(items) {
  const methods = items.filter((i) => i.kind === "methodes").length;
  const cases = items.length - methods;
  const parts = [];
  if (methods) parts.push(plural(methods, "méthode", "méthodes"));
  if (cases) parts.push(`${cases}\u00a0cas`);
  return parts.join(" et ") || "aucune fiche";
}

function shareUrl(items) {
  const query = store.shareQuery(items);
  return new URL(`ma-selection/${query ? `?${query}` : ""}`, ROOT).href;
}

function button(text, hidden, className = "rx-selection__control") {
  const b = el("button", className);
  b.type = "button";
  b.appendChild(document.createTextNode(text));
  if (hidden) b.appendChild(el("span", "rx-sr-only", hidden));
  return b;
}

/* ------------------------------------------------------------ the list --- */

export function setupSelectionPage() {
  const root = document.querySelector("[data-rx-selection-page]");
  if (!root || root.hasAttribute("data-rx-ready")) return;
  root.setAttribute("data-rx-ready", "1");
  root.hidden = false;
  const { cards, known } = catalogue();
  const $ = (name) => root.querySelector(`[data-rx-${name}]`);
  const status = $("selection-status");
  const shared = $("shared");
  let offer = store.fromQuery(location.search, known); // a shared selection, not kept yet

  const mine = () => store.ordered(store.readKnown(known));
  // Entries kept under a former slug take their new one; sheets no longer published go.
  const stored = store.readKnown(known);
  if (!store.same(stored, store.read())) store.write(stored);
  const say = (text) => {
    status.textContent = "";
    requestAnimationFrame(() => { status.textContent = text; });
  };
  const forgetQuery = () => history.replaceState(history.state, "", location.pathname);

  if (offer && store.same(store.ordered(offer.items), mine()) && !offer.ignored) {
    offer = null; // the link gives what this browser already keeps
    forgetQuery();
  }

  function render(focus) {
    const showing = offer ? store.ordered(offer.items) : mine();
    shared.hidden = !offer;
    if (offer) {
      const current = mine();
      let text = offer.items.length
        ? `Ce lien propose ${count(offer.items)}, listés ci-dessous.`
        : "Ce lien ne propose aucune fiche publiée.";
      if (offer.ignored) {
        text += offer.ignored > 1
          ? ` ${offer.ignored} éléments du lien ne correspondent à aucune fiche publiée\u00a0: ils sont ignorés.`
          : " Un élément du lien ne correspond à aucune fiche publiée\u00a0: il est ignoré.";
      }
      if (current.length && offer.items.length) {
        text += ` Le garder remplace votre sélection actuelle (${count(current)})\u202f; vous pouvez aussi l’y ajouter.`;
      }
      $("shared-text").textContent = text;
      $("shared-add").hidden = !(current.length && offer.items.length);
      $("shared-keep").hidden = !offer.items.length;
    }
    $("selection-volatile").hidden = store.isPersistent();
    for (const kind of store.KINDS) {
      const list = root.querySelector(`[data-rx-selection-list="${kind}"]`);
      const items = showing.filter((i) => i.kind === kind);
      list.textContent = "";
      root.querySelector(`[data-rx-selection-group="${kind}"]`).hidden = items.length === 0;
      items.forEach((item, index) => list.appendChild(entry(item, index, items.length)));
    }
    $("selection-empty").hidden = showing.length > 0;
    $("selection-actions").hidden = showing.length === 0;
    $("selection-clear").hidden = Boolean(offer);
    const link = shareUrl(showing);
    $("share-link").value = link;
    $("selection-print-link").setAttribute("href", `imprimer/?${store.shareQuery(showing)}`);
    if (!status.textContent || focus === "count") {
      status.textContent = offer
        ? "Sélection reçue par un lien."
        : `Votre sélection\u00a0: ${count(showing)}.`;
    }
    if (focus && focus.item) {
      const li = Array.from(root.querySelectorAll("li[data-rx-kind]"))
        .find((n) => key({ kind: n.getAttribute("data-rx-kind"), slug: n.getAttribute("data-rx-slug") }) === key(focus.item));
      const target = li && (li.querySelector(`[data-rx-action="${focus.action}"]`) ||
        li.querySelector("[data-rx-action]"));
      if (target) target.focus();
      else status.focus();
    }
  }

  function entry(item, index, total) {
    const li = cards.get(key(item)).cloneNode(true);
    const title = li.getAttribute("data-rx-title");
    li.querySelector(".rx-card__title").prepend(el("span", "rx-selection__rank", `${index + 1}.\u00a0`));
    if (offer) return li; // a shared selection is read, not edited, until kept
    const controls = el("p", "rx-selection__controls");
    const act = (action, text, run) => {
      const b = button(text, `\u00a0: ${title}`);
      b.setAttribute("data-rx-action", action);
      b.addEventListener("click", run);
      controls.appendChild(b);
    };
    if (index > 0) {
      act("up", "Monter", () => {
        store.move(item.kind, item.slug, -1);
        say(`${title}\u00a0: en position ${index}.`);
        render({ item, action: "up" });
      });
    }
    if (index < total - 1) {
      act("down", "Descendre", () => {
        store.move(item.kind, item.slug, +1);
        say(`${title}\u00a0: en position ${index + 2}.`);
        render({ item, action: "down" });
      });
    }
    act("remove", "Retirer", () => {
      const order = mine();
      const at = order.findIndex((i) => key(i) === key(item));
      store.remove(item.kind, item.slug);
      say(`Fiche «\u00a0${title}\u00a0» retirée de votre sélection.`);
      const next = mine()[Math.min(at, order.length - 2)];
      render(next ? { item: next, action: "remove" } : { item: { kind: "", slug: "" } });
    });
    li.appendChild(controls);
    return li;
  }

  $("shared-keep").addEventListener("click", () => {
    store.write(offer.items);
    offer = null;
    forgetQuery();
    say("Cette sélection est maintenant la vôtre\u00a0: elle est gardée dans ce navigateur.");
    render({ item: { kind: "", slug: "" } });
  });
  $("shared-add").addEventListener("click", () => {
    store.add(offer.items);
    offer = null;
    forgetQuery();
    say("Les fiches du lien sont ajoutées à votre sélection.");
    render({ item: { kind: "", slug: "" } });
  });
  $("shared-dismiss").addEventListener("click", () => {
    offer = null;
    forgetQuery();
    say("Sélection du lien ignorée\u00a0: voici la vôtre.");
    render({ item: { kind: "", slug: "" } });
  });
  $("selection-clear").addEventListener("click", () => {
    store.write([]);
    say("Votre sélection est vide.");
    render();
  });
  $("share-copy").addEventListener("click", () => {
    const input = $("share-link");
    const done = () => say("Lien copié\u00a0: collez-le dans un message.");
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, () => say("Copiez le lien sélectionné (Ctrl+C)."));
    } else {
      say("Copiez le lien sélectionné (Ctrl+C).");
    }
  });
  // Another tab changed the selection: show it (not while a shared one is offered).
  const follow = () => {
    if (!root.isConnected) {
      window.removeEventListener("rx-selection", follow);
      return;
    }
    if (!offer) render();
  };
  window.addEventListener("rx-selection", follow);
  render();
}

/* ----------------------------------------------------- print-ready ----- */

const DROPPED = ".rx-related, .rx-actions, .rx-page-footer, .headerlink, script, " +
  ".rx-print-notes, .rx-select, [data-rx-selection-count]";
const ID_REFS = ["aria-labelledby", "aria-describedby", "aria-controls", "for", "headers"];

/** A sheet's print frame, taken from its page at ``base``, made to live in this page:
 * links and images absolute, ids prefixed (several sheets share the page), headings one
 * level down (the cover's title is the page's). */
function adopt(frame, base, prefix) {
  for (const node of frame.querySelectorAll(DROPPED)) node.remove();
  for (const node of frame.querySelectorAll("[id]")) node.id = prefix + node.id;
  for (const name of ID_REFS) {
    for (const node of frame.querySelectorAll(`[${name}]`)) {
      node.setAttribute(name, node.getAttribute(name).split(/\s+/).filter(Boolean).map((id) => prefix + id).join(" "));
    }
  }
  for (const node of frame.querySelectorAll("[href]")) {
    const href = node.getAttribute("href");
    node.setAttribute("href", href.startsWith("#") ? `#${prefix}${href.slice(1)}` : new URL(href, base).href);
  }
  for (const node of frame.querySelectorAll("[src]")) {
    node.setAttribute("src", new URL(node.getAttribute("src"), base).href);
    node.removeAttribute("srcset");
    node.setAttribute("loading", "eager"); // printed at once
  }
  for (const heading of frame.querySelectorAll("h1, h2, h3, h4, h5")) {
    const level = Number(heading.tagName[1]);
    const lower = document.createElement(`h${level + 1}`);
    for (const attr of heading.attributes) lower.setAttribute(attr.name, attr.value);
    if (level === 1) lower.classList.add("rx-sheet__title");
    lower.append(...heading.childNodes);
    heading.replaceWith(lower);
  }
  return frame;
}

async function sheet(item, card) {
  const url = new URL(card.getAttribute("data-rx-url"), ROOT).href;
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const frame = page.querySelector("#contenu .rx-print-frame");
  if (!frame) throw new Error(`${url}: no print frame`);
  const article = el("article", "rx-sheet");
  const prefix = `${item.kind}-${item.slug}-`;
  article.appendChild(adopt(document.importNode(frame, true), url, prefix));
  const title = article.querySelector(".rx-sheet__title");
  if (title) {
    title.id = title.id || `${prefix}titre`;
    article.setAttribute("aria-labelledby", title.id);
  }
  return article;
}

export async function setupSelectionPrint() {
  const root = document.querySelector("[data-rx-selection-print]");
  if (!root || root.hasAttribute("data-rx-ready")) return;
  root.setAttribute("data-rx-ready", "1");
  const { cards, known } = catalogue();
  const status = document.querySelector("[data-rx-print-status]");
  const printButton = document.querySelector("[data-rx-print-selection]");
  const fromLink = store.fromQuery(location.search, known);
  const items = store.ordered(fromLink ? fromLink.items : store.readKnown(known));
  if (!items.length) {
    status.textContent = "Votre sélection est vide\u00a0: ajoutez des fiches avant de l’imprimer.";
    root.setAttribute("data-rx-state", "done");
    return;
  }
  const today = new Date().toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" });
  root.querySelector("[data-rx-cover-date]").textContent =
    `Sélection de ${count(items)}, préparée le ${today}`;
  const list = root.querySelector("[data-rx-cover-list]");
  for (const item of items) {
    const card = cards.get(key(item));
    const li = el("li");
    li.appendChild(el("strong", null, card.getAttribute("data-rx-title")));
    li.appendChild(document.createTextNode(` — ${item.kind === "methodes" ? "méthode" : "cas"}`));
    const meta = card.querySelector(".rx-card__meta");
    if (meta) li.appendChild(el("span", "rx-cover__meta", meta.textContent.replace(/^(Méthode|Cas) · /, "")));
    list.appendChild(li);
  }
  status.textContent = `Préparation de ${plural(items.length, "fiche", "fiches")}…`;
  const results = await Promise.allSettled(items.map((item) => sheet(item, cards.get(key(item)))));
  const place = root.querySelector("[data-rx-print-sheets]");
  const failed = [];
  results.forEach((result, i) => {
    if (result.status === "fulfilled") place.appendChild(result.value);
    else {
      console.error("Retex\u00a0: une fiche de la sélection n’a pas pu être chargée.", result.reason);
      failed.push(cards.get(key(items[i])).getAttribute("data-rx-title"));
    }
  });
  printNotes(Array.from(place.querySelectorAll(".rx-sheet")));
  root.hidden = false;
  const ready = results.length - failed.length;
  status.textContent = `${plural(ready, "fiche prête", "fiches prêtes")} à imprimer, après une page de garde.` +
    (failed.length ? ` Non chargées (réessayez plus tard)\u00a0: ${failed.join(", ")}.` : "");
  printButton.hidden = false;
  printButton.addEventListener("click", () => window.print());
  root.setAttribute("data-rx-state", "done");
}
