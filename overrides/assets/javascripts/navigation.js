/*
 * Retex and Material's instant navigation. A classic script loaded just before
 * Material's bundle (main.html): it must be in place when the bundle starts.
 *
 * 1. No sitemap.xml on a page view. Material's instant navigation fetches the site's
 *    sitemap.xml as soon as a page opens, to know which links it may load without a full
 *    page load, and a "sitemap.xml" beside every <link rel="alternate"> of the page (it
 *    takes our Atom feeds for other language versions of the site). On a slow connection
 *    those requests compete with the page and the search index, and a 1,000-case sitemap
 *    weighs 17 kB compressed. Here the site's sitemap is requested only when the reader is
 *    about to follow a link (pointer over a link of the site, focus on it, touch), and the
 *    feeds' ones never are: Material's request for them ends as if cancelled. Until the
 *    sitemap has arrived, a click on a link is an ordinary page load: Material does not
 *    see it (it would otherwise act on it late, once the sitemap arrives).
 * 2. Links within the page (skip links, table of contents, permalinks) move the focus to
 *    their target. Material sees neither them nor the popstate they cause: on a page
 *    reached by a full load it would fetch the whole page again and replace its content,
 *    so that the focus landed on the target only after a round trip, or was lost (the
 *    cause of a test that failed at random on a busy machine).
 * 3. No single-character shortcut (WCAG 2.1.4): Material's « p , n . » (previous and next
 *    page) are switched off; Retex defines none (the skip link « Aller à la recherche »
 *    reaches the search box).
 */
(function () {
  "use strict";

  let root = new URL("/", location.href);
  try {
    const config = JSON.parse(document.getElementById("__config").textContent);
    root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href);
  } catch (e) { /* keep the host's root */ }
  const SITEMAP = new URL("sitemap.xml", root).href;

  /* ---------------------------------------------------------- the sitemap --- */

  const sitemap = { xhr: null, args: null, asked: false, ready: false };
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.rxSitemap = null;
    try {
      const target = new URL(url, location.href);
      if (target.pathname.endsWith("/sitemap.xml") && !target.search) {
        this.rxSitemap = target.href === SITEMAP ? "site" : "other";
      }
    } catch (e) { /* not ours to judge */ }
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.rxSitemap === "other") {
      // A feed's « sitemap »: ended as if cancelled (Material then forgets it).
      this.dispatchEvent(new ProgressEvent("abort"));
      return undefined;
    }
    if (this.rxSitemap === "site") {
      this.addEventListener("loadend", arrived);
      if (!sitemap.asked) {
        sitemap.xhr = this;
        sitemap.args = arguments;
        return undefined;
      }
    }
    return send.apply(this, arguments);
  };

  function ask() {
    if (sitemap.asked) return;
    sitemap.asked = true;
    if (sitemap.xhr) send.apply(sitemap.xhr, sitemap.args);
  }

  // Material reads the answer (a Blob) asynchronously: ready once ours has been read too,
  // and one task later, so that Material's copy is in place before clicks reach it.
  function arrived() {
    const done = () => setTimeout(() => {
      sitemap.ready = true;
      document.documentElement.setAttribute("data-rx-instant", "ready"); // for tests
    }, 0);
    const body = this.status === 200 && this.response;
    if (body && typeof body.text === "function") body.text().then(done, done); else done();
  }

  function leadsElsewhere(a) {
    if (a.target || a.hasAttribute("download")) return false;
    const url = new URL(a.href, location.href);
    return url.origin === location.origin && url.pathname !== location.pathname &&
      url.href.startsWith(root.href);
  }

  function intent(ev) {
    if (sitemap.asked) return;
    const a = ev.target instanceof Element && ev.target.closest("a[href]");
    if (a && leadsElsewhere(a)) ask();
  }
  for (const type of ["pointerover", "pointerdown", "touchstart", "focusin"]) {
    document.addEventListener(type, intent, { capture: true, passive: true });
  }

  /* --------------------------------------------------------------- clicks --- */

  function focusable(node) {
    return node.matches("a[href], button, input, select, textarea, summary, [tabindex]");
  }

  function focusTarget(id) {
    const target = document.getElementById(id);
    if (!target) return;
    if (!focusable(target)) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true }); // the browser scrolls to it, below the header
  }

  document.addEventListener("click", (ev) => {
    if (ev.defaultPrevented || ev.button !== 0) return;
    if (ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target instanceof Element && ev.target.closest("a[href]");
    if (!a || a.target || a.hasAttribute("download")) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname === location.pathname) {
      // Within the page: the browser follows the link. The same page with other
      // parameters (/recherche/?q=…) is loaded by the browser too: Material would only
      // change the address, since it loads a page only when the path changes.
      ev.stopPropagation();
      if (url.search === location.search && url.hash) {
        focusTarget(decodeURIComponent(url.hash.slice(1)));
      }
      return;
    }
    if (!sitemap.ready) ev.stopPropagation(); // an ordinary page load
  }, true);

  // Following a link within the page makes the browser fire popstate, and Material takes
  // any popstate for a navigation: the first one after a full page load makes it fetch
  // the page again and replace its content (the focus target with it). A popstate that
  // stays on the page shown is the browser's alone: Material does not hear it.
  let shown = location.pathname;
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function () {
      const result = original.apply(this, arguments);
      shown = location.pathname; // Material's instant navigation pushes the next page's
      return result;
    };
  }
  window.addEventListener("popstate", (ev) => {
    if (location.pathname === shown) ev.stopImmediatePropagation();
    shown = location.pathname;
  }, true);

  /* ------------------------------------------------------------ shortcuts --- */

  // Material listens on window; stopping a character key on its way up from the page
  // leaves every element's own handling as it is (typing, buttons, links).
  function typing(node) {
    return node instanceof Element &&
      (node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName));
  }
  document.addEventListener("keydown", (ev) => {
    if (ev.key.length !== 1 || ev.key === " " || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (!typing(ev.target)) ev.stopPropagation();
  });
})();
