/*
 * The search page /recherche/: query, filters with counts, sort, all kept in the URL so
 * that a search can be shared as a link (parameters are the front-matter keys:
 * ?q=…&themes=…&level=…&phase=…).
 *
 * Results come first: the search runs as soon as Pagefind is there, with only the index
 * files it needs; the list of filters (every filter file of the index) is loaded after
 * the first results are shown, and its counts follow each search. On small screens the
 * filters fold away behind a « Filtrer » button.
 */
import {
  debounce,
  el,
  kindLabel,
  pagefind,
  plural,
  renderResult,
  searchTerms,
  searchUnavailable,
  warmUp,
} from "./common.js";

const BATCH = 20;
const FIRST = 5;
const narrow = matchMedia("(max-width: 44.984375em)");

export function setupPage() {
  const root = document.querySelector('[data-rx-search="page"]');
  if (!root || root.hasAttribute("data-rx-ready")) return;
  root.setAttribute("data-rx-ready", "1");
  warmUp();
  const facets = JSON.parse(root.getAttribute("data-rx-facets-json"));
  const form = root.querySelector("form");
  const queryInput = root.querySelector("#rx-search-q");
  const sortSelect = root.querySelector("#rx-search-sort");
  const facetBox = root.querySelector("[data-rx-facets]");
  const status = root.querySelector("[data-rx-status]");
  const resultList = root.querySelector("[data-rx-results]");
  const moreButton = root.querySelector("[data-rx-more]");
  const params = new URLSearchParams(location.search);
  let selected = {};
  for (const f of facets) {
    const values = params.getAll(f.param).filter(Boolean);
    if (values.length) selected[f.param] = values;
  }
  // What the reader typed before this script arrived wins over the address.
  queryInput.value = queryInput.value || params.get("q") || "";
  sortSelect.value = params.get("sort") === "date" ? "date" : "";
  let generation = 0;
  let pending = [];
  let totals = null; // every filter value of the index and its page count

  setupFolding(root);

  const readState = () => {
    const state = { q: queryInput.value.trim(), sort: sortSelect.value, filters: {} };
    if (totals) {
      for (const box of facetBox.querySelectorAll("input[type=checkbox]:checked")) {
        (state.filters[box.name] = state.filters[box.name] || []).push(box.value);
      }
    } else {
      state.filters = selected; // the filters are not on the page yet: those of the URL
    }
    return state;
  };

  const writeUrl = (state) => {
    const out = new URLSearchParams();
    if (state.q) out.set("q", state.q);
    for (const f of facets) {
      for (const v of state.filters[f.param] || []) out.append(f.param, v);
    }
    if (state.sort) out.set("sort", state.sort);
    const query = out.toString();
    const url = location.pathname + (query ? `?${query}` : "");
    if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
  };

  const pagefindFilters = (filters, except) => {
    const out = {};
    for (const name of Object.keys(filters)) {
      if (name !== except && filters[name].length) out[name] = { any: filters[name] };
    }
    return out;
  };

  const renderFacets = () => {
    facetBox.textContent = "";
    for (const facet of facets) {
      const available = totals[facet.param] || {};
      const values = facet.values.filter((v) => v in available);
      for (const v of Object.keys(available).sort()) if (!values.includes(v)) values.push(v);
      for (const v of selected[facet.param] || []) if (!values.includes(v)) values.push(v);
      if (!values.length) continue;
      const fieldset = el("fieldset", "rx-facet");
      fieldset.appendChild(el("legend", "rx-facet__legend", facet.label));
      const ul = el("ul", "rx-facet__values");
      values.forEach((value, i) => {
        const li = el("li");
        const id = `rx-f-${facet.param}-${i}`;
        const box = el("input");
        box.type = "checkbox";
        box.id = id;
        box.name = facet.param;
        box.value = value;
        box.checked = (selected[facet.param] || []).includes(value);
        const label = el("label");
        label.htmlFor = id;
        label.appendChild(document.createTextNode(facet.param === "type" ? kindLabel(value) : value));
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", "rx-facet__count", ""));
        li.appendChild(box);
        li.appendChild(label);
        ul.appendChild(li);
      });
      fieldset.appendChild(ul);
      facetBox.appendChild(fieldset);
    }
  };

  // A value that no result has cannot be ticked: it would only empty the list.
  const updateCounts = (counts) => {
    for (const box of facetBox.querySelectorAll("input[type=checkbox]")) {
      const n = (counts[box.name] || {})[box.value] || 0;
      box.parentNode.querySelector(".rx-facet__count").textContent = `(${n})`;
      const empty = n === 0 && !box.checked;
      box.disabled = empty;
      box.parentNode.classList.toggle("rx-facet--empty", empty);
    }
  };

  // The next batch of results, unless a newer search replaced this one meanwhile. Each
  // result needs its own small file: the first ones are shown as soon as they are in
  // (a browser fetches about six files at a time from one server).
  const showBatch = (mine, append) => {
    const batch = pending.splice(0, BATCH).map((r) => r.data());
    const show = (items, replace) => {
      if (mine !== generation) return false;
      if (replace) resultList.textContent = "";
      for (const item of items) resultList.appendChild(renderResult(item, { level: 3 }));
      return true;
    };
    return Promise.all(batch.slice(0, FIRST)).then((items) => {
      if (!show(items, !append)) return false;
      return Promise.all(batch.slice(FIRST)).then((rest) => {
        if (!show(rest, false)) return false;
        moreButton.hidden = pending.length === 0;
        return batch.length > 0;
      });
    });
  };

  const describe = (state, n) => {
    const parts = [];
    if (state.q) parts.push(`pour «\u00a0${state.q}\u00a0»`);
    const active = facets.filter((f) => (state.filters[f.param] || []).length);
    if (active.length) {
      parts.push(`avec les filtres ${active.map(
        (f) => `${f.label.toLowerCase()}\u00a0: ${state.filters[f.param].join(" ou ")}`).join(", ")}`);
    }
    const head = n ? plural(n, "résultat", "résultats") : "Aucun résultat";
    return `${head}${parts.length ? ` ${parts.join(" ")}` : ""}.`;
  };

  // Counts of a filter group in which values are selected ignore that group's own
  // selection (values of one group are alternatives: « A ou B »).
  const counts = (pf, state, search) => {
    const groups = Object.keys(state.filters);
    const query = state.q ? searchTerms(state.q) : null;
    return Promise.all(groups.map((name) => pf.search(query, {
      filters: pagefindFilters(state.filters, name),
    }))).then((others) => {
      const out = Object.assign({}, search.filters);
      groups.forEach((name, i) => { out[name] = others[i].filters[name]; });
      return out;
    });
  };

  const run = () => {
    const state = readState();
    selected = state.filters;
    writeUrl(state);
    const mine = ++generation;
    if (!state.q && !Object.keys(state.filters).length) {
      resultList.textContent = "";
      pending = [];
      moreButton.hidden = true;
      if (totals) updateCounts(totals);
      status.textContent = "Saisissez des mots ou choisissez un filtre.";
      return Promise.resolve();
    }
    status.textContent = "Recherche en cours…";
    return pagefind().then((pf) => {
      const options = { filters: pagefindFilters(state.filters) };
      if (state.sort === "date") options.sort = { date: "desc" };
      return pf.search(state.q ? searchTerms(state.q) : null, options).then((search) => {
        if (mine !== generation) return null;
        pending = search.results.slice();
        return showBatch(mine, false).then(() => {
          if (mine !== generation) return null;
          status.textContent = describe(state, search.results.length); // once on the page
          return totals ? counts(pf, state, search) : null;
        });
      });
    }).then((found) => {
      if (found && mine === generation) updateCounts(found);
    }).catch((error) => {
      if (mine === generation) searchUnavailable(error, status);
    });
  };

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    run();
  });
  queryInput.addEventListener("input", debounce(run, 250));
  sortSelect.addEventListener("change", run);
  facetBox.addEventListener("change", run);
  moreButton.addEventListener("click", () => {
    const before = resultList.children.length;
    showBatch(generation, true).then((shown) => {
      const first = shown && resultList.children[before];
      if (first) first.querySelector("a").focus();
    }).catch((error) => searchUnavailable(error, status));
  });

  // First the results (only the index files they need), then the filters (all of them).
  run()
    .then(() => pagefind())
    .then((pf) => pf.filters().then((all) => {
      totals = all;
      renderFacets();
      const state = readState();
      if (!state.q && !Object.keys(state.filters).length) {
        updateCounts(totals);
        return null;
      }
      const mine = generation;
      const options = { filters: pagefindFilters(state.filters) };
      return pf.search(state.q ? searchTerms(state.q) : null, options)
        .then((search) => counts(pf, state, search))
        .then((found) => { if (mine === generation) updateCounts(found); });
    }))
    .catch((error) => {
      facetBox.textContent = "";
      searchUnavailable(error, status);
    });
}

// Below 45em the filters take the whole width above the results: they fold behind a
// « Filtrer » button (open when filters are set by the address).
function setupFolding(root) {
  const button = root.querySelector("[data-rx-filters-toggle]");
  const panel = root.querySelector("[data-rx-filters-panel]");
  if (!button || !panel) return;
  const active = new URLSearchParams(location.search);
  let open = [...active.keys()].some((k) => k !== "q" && k !== "sort");
  const render = () => {
    const folded = narrow.matches && !open;
    button.hidden = !narrow.matches;
    button.setAttribute("aria-expanded", String(!folded));
    panel.hidden = folded;
  };
  button.addEventListener("click", () => { open = !open; render(); });
  narrow.addEventListener("change", render);
  render();
}
