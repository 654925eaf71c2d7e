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
import { SEARCH_PAGE, debounce, el, metaLine, pagefind, plural, searchTerms } from "./common.js";

/* ---------------------------------------------------------------- header --- */

function setupHeader() {
  var box = document.querySelector('[data-rx-search="header"]');
  if (box && box.getAttribute("data-rx-ready")) {
    // A new page after instant navigation: the header stayed, close its results.
    box.querySelector(".rx-hsearch__panel").hidden = true;
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
  }
  function close() {
    panel.hidden = true;
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
      .then(function (pf) { return pf.search(searchTerms(query)); })
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
          ? plural(found.total, "résultat", "résultats") + " pour «\u00a0" + query + "\u00a0»"
          : "Aucun résultat pour «\u00a0" + query + "\u00a0»";
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


// The search page and the chooser load their code only where they are used.
function setup() {
  setupPrint();
  setupHeader();
  if (document.querySelector('[data-rx-search="page"]')) {
    import("./search-page.js").then((m) => m.setupPage());
  }
  if (document.querySelector("[data-rx-chooser]")) {
    import("./chooser.js").then((m) => m.setupChooser());
  }
  if (document.querySelector("[data-rx-proposal]")) {
    import("./proposal.js").then((m) => m.setupProposal());
  }
}

// Material's instant navigation replaces the page without reloading this script.
if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(setup);
} else {
  setup();
}
