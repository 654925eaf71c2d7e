/*
 * The search page /recherche/: query, filters with counts, sort, all kept in the URL.
 */
import { debounce, el, frenchSpacing, kindLabel, metaLine, pagefind, plural, searchTerms } from "./common.js";

/* ----------------------------------------------------------- search page --- */

export function setupPage() {
  var root = document.querySelector('[data-rx-search="page"]');
  if (!root || root.getAttribute("data-rx-ready")) return;
  root.setAttribute("data-rx-ready", "1");
  var facets = JSON.parse(document.getElementById("rx-facets").textContent);
  var form = root.querySelector("form");
  var queryInput = root.querySelector("#rx-search-q");
  var sortSelect = root.querySelector("#rx-search-sort");
  var facetBox = root.querySelector("[data-rx-facets]");
  var status = root.querySelector("[data-rx-status]");
  var resultList = root.querySelector("[data-rx-results]");
  var moreButton = root.querySelector("[data-rx-more]");
  var params = new URLSearchParams(location.search);
  var selected = {};
  facets.forEach(function (f) {
    var values = params.getAll(f.param).filter(Boolean);
    if (values.length) selected[f.param] = values;
  });
  queryInput.value = params.get("q") || "";
  sortSelect.value = params.get("sort") === "date" ? "date" : "";
  var generation = 0;
  var pending = [];
  var totals = null;

  function readState() {
    var state = { q: queryInput.value.trim(), sort: sortSelect.value, filters: {} };
    facetBox.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      (state.filters[box.name] = state.filters[box.name] || []).push(box.value);
    });
    return state;
  }

  function writeUrl(state) {
    var out = new URLSearchParams();
    if (state.q) out.set("q", state.q);
    facets.forEach(function (f) {
      (state.filters[f.param] || []).forEach(function (v) { out.append(f.param, v); });
    });
    if (state.sort) out.set("sort", state.sort);
    var query = out.toString();
    var url = location.pathname + (query ? "?" + query : "");
    if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
  }

  function pagefindFilters(filters, except) {
    var out = {};
    Object.keys(filters).forEach(function (name) {
      if (name !== except && filters[name].length) out[name] = { any: filters[name] };
    });
    return out;
  }

  function renderFacets() {
    facetBox.textContent = "";
    facets.forEach(function (facet) {
      var available = totals[facet.param] || {};
      var values = facet.values.filter(function (v) { return v in available; });
      Object.keys(available).sort().forEach(function (v) {
        if (values.indexOf(v) < 0) values.push(v);
      });
      (selected[facet.param] || []).forEach(function (v) {
        if (values.indexOf(v) < 0) values.push(v);
      });
      if (!values.length) return;
      var fieldset = el("fieldset", "rx-facet");
      fieldset.appendChild(el("legend", "rx-facet__legend", facet.label));
      var ul = el("ul", "rx-facet__values");
      values.forEach(function (value, i) {
        var li = el("li");
        var id = "rx-f-" + facet.param + "-" + i;
        var box = el("input");
        box.type = "checkbox";
        box.id = id;
        box.name = facet.param;
        box.value = value;
        box.checked = (selected[facet.param] || []).indexOf(value) >= 0;
        var label = el("label");
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
    });
  }

  function updateCounts(counts) {
    facetBox.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var n = (counts[box.name] || {})[box.value] || 0;
      var span = box.parentNode.querySelector(".rx-facet__count");
      span.textContent = "(" + n + ")";
      box.parentNode.classList.toggle("rx-facet--empty", n === 0 && !box.checked);
    });
  }

  function renderResults(items, append) {
    if (!append) resultList.textContent = "";
    items.forEach(function (item) {
      var li = el("li", "rx-result");
      var h = el("h2", "rx-result__title");
      var a = el("a", null, item.meta.title);
      a.href = item.url;
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(el("p", "rx-result__meta", metaLine(item.meta)));
      if (item.meta.summary) li.appendChild(el("p", "rx-result__summary", item.meta.summary));
      if (item.excerpt) {
        var excerpt = el("p", "rx-result__excerpt");
        excerpt.innerHTML = frenchSpacing(item.excerpt); // Pagefind's escaped text with <mark> around matches
        li.appendChild(excerpt);
      }
      resultList.appendChild(li);
    });
  }

  function showMore() {
    var batch = pending.splice(0, 20);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      renderResults(items, true);
      moreButton.hidden = pending.length === 0;
      if (items.length && resultList.children.length > items.length) {
        resultList.children[resultList.children.length - items.length].querySelector("a").focus();
      }
    });
  }

  function describe(state, n) {
    var parts = [];
    if (state.q) parts.push("pour «\u00a0" + state.q + "\u00a0»");
    var active = facets.filter(function (f) { return (state.filters[f.param] || []).length; });
    if (active.length) {
      parts.push("avec les filtres " + active.map(function (f) {
        return f.label.toLowerCase() + "\u00a0: " + state.filters[f.param].join(" ou ");
      }).join(", "));
    }
    var head = n ? plural(n, "résultat", "résultats") : "Aucun résultat";
    return head + (parts.length ? " " + parts.join(" ") : "") + ".";
  }

  function run() {
    var state = readState();
    selected = state.filters;
    writeUrl(state);
    var mine = ++generation;
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      resultList.textContent = "";
      pending = [];
      moreButton.hidden = true;
      updateCounts(totals);
      status.textContent = "Saisissez des mots ou choisissez un filtre.";
      return Promise.resolve();
    }
    return pagefind().then(function (pf) {
      var options = { filters: pagefindFilters(state.filters) };
      if (state.sort === "date") options.sort = { date: "desc" };
      var main = pf.search((state.q ? searchTerms(state.q) : null), options);
      // Counts of a filter group in which values are selected ignore that group's own
      // selection (values of one group are alternatives: « A ou B »).
      var groups = Object.keys(state.filters);
      var others = groups.map(function (name) {
        return pf.search((state.q ? searchTerms(state.q) : null), { filters: pagefindFilters(state.filters, name) });
      });
      return Promise.all([main].concat(others)).then(function (searches) {
        if (mine !== generation) return;
        var search = searches[0];
        var counts = Object.assign({}, search.filters);
        groups.forEach(function (name, i) { counts[name] = searches[i + 1].filters[name]; });
        updateCounts(counts);
        pending = search.results.slice();
        // Announced once the results are on the page.
        return showMoreFirst(mine).then(function () {
          if (mine === generation) status.textContent = describe(state, search.results.length);
        });
      });
    }).catch(function () {
      status.textContent = "La recherche est indisponible pour le moment.";
    });
  }

  function showMoreFirst(mine) {
    var batch = pending.splice(0, 20);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (mine !== generation) return;  // a newer search replaced this one
      renderResults(items, false);
      moreButton.hidden = pending.length === 0;
    });
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    run();
  });
  queryInput.addEventListener("input", debounce(run, 250));
  sortSelect.addEventListener("change", run);
  facetBox.addEventListener("change", run);
  moreButton.addEventListener("click", showMore);

  pagefind()
    .then(function (pf) { return pf.filters(); })
    .then(function (all) {
      totals = all;
      renderFacets();
      return run();
    })
    .catch(function () {
      facetBox.textContent = "";
      status.textContent = "La recherche est indisponible pour le moment.";
    });
}
