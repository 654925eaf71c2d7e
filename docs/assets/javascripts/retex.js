/*
 * Retex search: Pagefind's JavaScript API behind a French, accessible interface.
 *
 * - In the header: a search box showing the first results as you type
 *   (shortcuts « / » and « s »), which keeps working across Material's instant
 *   navigation (the header stays, the page changes).
 * - On /recherche/: the query, the filters (with result counts) and the sort order,
 *   all kept in the URL so that a search can be shared as a link. URL parameters are
 *   the front-matter keys: ?q=…&themes=…&level=…&phase=…
 *
 * - On /choisir-une-methode/: the method chooser, which filters the sheets listed in
 *   the page (no server, no index), its choices kept in the URL too.
 *
 * pagefind.js (and its index) is loaded on first use only.
 */
(function () {
  "use strict";

  // The site root, absolute: computed once, from the page that loaded this script.
  var ROOT = (function () {
    var base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (e) { /* keep "." */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  })();
  var SEARCH_PAGE = new URL("recherche/", ROOT).href;

  var pagefindLoading = null;
  function pagefind() {
    if (!pagefindLoading) {
      pagefindLoading = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 }))
          .then(function () { return pf; });
      });
    }
    return pagefindLoading;
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function plural(n, one, many) {
    return n + " " + (n > 1 ? many : one);
  }

  function kindLabel(kind) {
    return kind === "méthode" ? "Méthode" : "Cas";
  }

  // « Cas · Eurométropole de Strasbourg · 2019 »
  function metaLine(meta) {
    return [kindLabel(meta.kind), meta.place, meta.year].filter(Boolean).join(" · ");
  }

  /* ---------------------------------------------------------------- header --- */

  function setupHeader() {
    var box = document.querySelector('[data-rx-search="header"]');
    if (box && box.getAttribute("data-rx-ready")) {
      // A new page after instant navigation: the header stayed, close its results.
      box.querySelector(".rx-hsearch__panel").hidden = true;
      box.querySelector("input[type=search]").setAttribute("aria-expanded", "false");
      return;
    }
    if (!box) return;
    box.setAttribute("data-rx-ready", "1");
    var form = box.querySelector("form");
    var input = box.querySelector("input[type=search]");
    var panel = box.querySelector(".rx-hsearch__panel");
    var status = box.querySelector(".rx-hsearch__status");
    var list = box.querySelector(".rx-hsearch__results");
    var more = box.querySelector(".rx-hsearch__more a");
    form.setAttribute("action", SEARCH_PAGE);
    more.setAttribute("href", SEARCH_PAGE);
    var generation = 0;

    function open() {
      panel.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function close() {
      panel.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function run() {
      var query = input.value.trim();
      var mine = ++generation;
      if (!query) {
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      pagefind()
        .then(function (pf) { return pf.search(query); })
        .then(function (search) {
          if (mine !== generation) return null;
          return Promise.all(search.results.slice(0, 6).map(function (r) { return r.data(); }))
            .then(function (items) { return { total: search.results.length, items: items }; });
        })
        .then(function (found) {
          if (!found || mine !== generation) return;
          list.textContent = "";
          found.items.forEach(function (item) {
            var li = el("li", "rx-hsearch__result");
            var a = el("a", null, item.meta.title);
            a.href = item.url;
            li.appendChild(a);
            li.appendChild(el("span", "rx-hsearch__meta", metaLine(item.meta)));
            list.appendChild(li);
          });
          status.textContent = found.total
            ? plural(found.total, "résultat", "résultats") + " pour « " + query + " »"
            : "Aucun résultat pour « " + query + " »";
          more.setAttribute("href", SEARCH_PAGE + "?q=" + encodeURIComponent(query));
          open();
        })
        .catch(function () {
          status.textContent = "La recherche est indisponible pour le moment.";
          open();
        });
    }

    input.addEventListener("input", debounce(run, 120));
    input.addEventListener("focus", function () {
      pagefind();
      if (input.value.trim() && list.childNodes.length) open();
    });
    box.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(panel.querySelectorAll("a"));
      var index = links.indexOf(document.activeElement);
      if (ev.key === "Escape") {
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
    box.addEventListener("focusout", function () {
      setTimeout(function () {
        if (!box.contains(document.activeElement)) close();
      }, 0);
    });
    panel.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) close();
    });
  }

  // « / » and « s » put the cursor in the header search box, unless the reader is typing.
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
    if (ev.key !== "/" && ev.key !== "s") return;
    var target = ev.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var input = document.getElementById("rx-hsearch-input");
    if (!input) return;
    ev.preventDefault();
    ev.stopPropagation();
    input.focus();
    input.select();
  }, true);

  /* ----------------------------------------------------------- search page --- */

  function setupPage() {
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
          excerpt.innerHTML = item.excerpt; // Pagefind's escaped text with <mark> around matches
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
      if (state.q) parts.push("pour « " + state.q + " »");
      var active = facets.filter(function (f) { return (state.filters[f.param] || []).length; });
      if (active.length) {
        parts.push("avec les filtres " + active.map(function (f) {
          return f.label.toLowerCase() + " : " + state.filters[f.param].join(" ou ");
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
        var main = pf.search(state.q || null, options);
        // Counts of a filter group in which values are selected ignore that group's own
        // selection (values of one group are alternatives: « A ou B »).
        var groups = Object.keys(state.filters);
        var others = groups.map(function (name) {
          return pf.search(state.q || null, { filters: pagefindFilters(state.filters, name) });
        });
        return Promise.all([main].concat(others)).then(function (searches) {
          if (mine !== generation) return;
          var search = searches[0];
          var counts = Object.assign({}, search.filters);
          groups.forEach(function (name, i) { counts[name] = searches[i + 1].filters[name]; });
          updateCounts(counts);
          pending = search.results.slice();
          resultList.textContent = "";
          status.textContent = describe(state, search.results.length);
          return showMoreFirst();
        });
      }).catch(function () {
        status.textContent = "La recherche est indisponible pour le moment.";
      });
    }

    function showMoreFirst() {
      var batch = pending.splice(0, 20);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
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

  /* --------------------------------------------------------------- chooser --- */

  function setupChooser() {
    var form = document.querySelector("[data-rx-chooser]");
    if (!form || form.getAttribute("data-rx-ready")) return;
    form.setAttribute("data-rx-ready", "1");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var cards = Array.prototype.slice.call(
      document.querySelectorAll("[data-rx-chooser-list] > li"));
    var status = document.querySelector("[data-rx-chooser-status]");
    var empty = document.querySelector("[data-rx-chooser-empty]");
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply() {
      var shown = 0;
      var out = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) out.set(select.name, select.value); });
      cards.forEach(function (card) {
        var fits = selects.every(function (select) {
          return !select.value ||
            (card.getAttribute("data-" + select.name) || "").split(" ").indexOf(select.value) >= 0;
        });
        card.hidden = !fits;
        if (fits) shown += 1;
      });
      empty.hidden = shown > 0;
      status.textContent = shown === cards.length
        ? plural(cards.length, "fiche méthode", "fiches méthodes") + "."
        : (shown ? plural(shown, "fiche correspond", "fiches correspondent") + " à vos critères."
                 : "Aucune fiche ne correspond à vos critères.");
      var query = out.toString();
      var url = location.pathname + (query ? "?" + query : "");
      if (url !== location.pathname + location.search) history.replaceState(history.state, "", url);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
    form.addEventListener("reset", function () { setTimeout(apply, 0); });
    apply();
  }

  /* ----------------------------------------------------------------- print --- */

  // Printed links show where they lead: their absolute URL, computed here because CSS
  // cannot resolve a relative one.
  function setupPrint() {
    document.querySelectorAll(".md-content a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || a.classList.contains("headerlink")) return;
      if (a.textContent.trim() === a.href) return;
      a.setAttribute("data-print-href", a.href.replace(/^mailto:/, ""));
    });
    document.querySelectorAll("[data-rx-print]").forEach(function (button) {
      if (button.getAttribute("data-rx-ready")) return;
      button.setAttribute("data-rx-ready", "1");
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function setup() {
    setupPrint();
    setupHeader();
    setupPage();
    setupChooser();
  }

  // Material's instant navigation replaces the page without reloading this script.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
