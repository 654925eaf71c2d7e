"""Search on a slow connection: what a reader on Slow 3G with an old PC waits for.

    .venv/bin/python scripts/slow_network.py [--runs 3] [--project DOSSIER] [--cases N]
                                             [--site DOSSIER]

Builds the site (the real content, or the synthetic corpus with --cases, or a site already
built with --site), serves it with gzip like a production web server, and opens it in a
fresh headless Chromium (empty cache) with the throttled profile of issue 13: 2 s of
latency per request, 400 kbit/s each way (DevTools' Network.emulateNetworkConditions) and
a CPU four times slower (Emulation.setCPUThrottlingRate). Two scenarios:

* header search: the reader clicks in the header box as soon as the home page is painted
  (first contentful paint) and types « atelier »; we time the first result under the box;
* search page: /recherche/?q=atelier is opened; we time the first result and the filters.

Times come from the page's own clock (performance.now(), 0 = navigation start); bytes
are the transfer sizes (compressed, headers included) of every response, workers
included. Medians of --runs runs; nothing is asserted here.
"""

from __future__ import annotations

import argparse
import gzip
import io
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "hooks"))

from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    NotFoundHandler,
    SiteServer,
    free_port,
    mkdocs_build,
)

SLOW_3G = {
    "offline": False,
    "latency": 2000,  # ms, added to every request
    "downloadThroughput": 400_000 / 8,  # bytes per second
    "uploadThroughput": 400_000 / 8,
}
CPU_SLOWDOWN = 4
QUERY = "atelier"
PATIENCE_MS = 90_000
TRACE = False  # --trace: print each run's requests (start → end) on stderr

# Compressed like text by a web server; Pagefind's own files are already compressed.
TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")

# Times of the first result, filters and paint, on the page's clock (0 = navigation).
PROBE = """
(() => {
  const seen = {};
  const mark = (name, selector) => {
    if (!seen[name] && document.querySelector(selector)) seen[name] = performance.now();
  };
  new MutationObserver(() => {
    mark("header", ".rx-hsearch__result");
    mark("results", "[data-rx-results] > li");
    mark("filters", "[data-rx-facets] input[type=checkbox]");
  }).observe(document, { subtree: true, childList: true });
  window.__rxSeen = seen;
})();
"""


class GzipHandler(NotFoundHandler):
    """Serves text gzip-compressed (as GitHub Pages or any CDN does), over HTTP/1.1."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in TEXT):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' default
        super().end_headers()


class Run:
    """One page in a fresh browser context, with the throttled profile."""

    def __init__(self, browser, url: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.add_init_script(PROBE)
        self.page = self.context.new_page()
        self.bytes = 0
        self.requests = 0
        self.sitemaps = 0
        self.errors: list[str] = []
        self.trace: list[tuple[float, float, str]] = []
        self.context.on("requestfinished", self._finished)
        self.page.on("console", self._console)
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        self.page.goto(url, wait_until="commit")

    def _finished(self, request):
        self.requests += 1
        if request.url.split("?")[0].endswith("sitemap.xml"):
            self.sitemaps += 1
        try:
            sizes = request.sizes()
            self.bytes += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            timing = request.timing
            self.trace.append((timing["startTime"], timing["responseEnd"], request.url))
        except Exception:  # noqa: BLE001 - a request without response (aborted)
            pass

    def _console(self, message):
        if message.type == "error":
            self.errors.append(message.text)

    def clock(self, expression: str) -> float | None:
        value = self.page.evaluate(expression)
        return None if value is None else value / 1000

    def wait(self, expression: str) -> float | None:
        """Seconds (page clock) when ``window.__rxSeen[expression]`` was set, or None."""
        try:
            self.page.wait_for_function(
                f"() => window.__rxSeen && window.__rxSeen.{expression} !== undefined",
                timeout=PATIENCE_MS,
                polling=200,
            )
        except PlaywrightTimeout:
            return None
        return self.clock(f"window.__rxSeen.{expression}")

    def settle(self):
        try:
            self.page.wait_for_load_state("networkidle", timeout=PATIENCE_MS)
        except PlaywrightTimeout:
            pass

    def waterfall(self) -> list[str]:
        """Each request: when it started and ended, in seconds after the first one."""
        if not self.trace:
            return []
        origin = min(start for start, _, _ in self.trace)
        return [
            f"  {(start - origin) / 1000:6.1f} s → {(start + end - origin) / 1000:6.1f} s  {url}"
            for start, end, url in sorted(self.trace)
        ]

    def close(self):
        if TRACE:
            print("\n".join(self.waterfall()), file=sys.stderr)
        self.context.close()


def header_search(browser, site_url: str) -> dict:
    run = Run(browser, site_url)
    page = run.page
    page.wait_for_function(
        "() => performance.getEntriesByName('first-contentful-paint').length > 0",
        timeout=PATIENCE_MS,
        polling=100,
    )
    paint = run.clock("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    page.click("#rx-hsearch-input")
    typed = run.clock("performance.now()")
    page.keyboard.type(QUERY)
    found = run.wait("header")
    run.settle()
    run.close()
    return {
        "paint": paint,
        "typed": typed,
        "result": found,
        "after_typing": None if found is None else found - typed,
        "bytes": run.bytes,
        "requests": run.requests,
        "sitemaps": run.sitemaps,
        "errors": run.errors,
    }


def search_page(browser, site_url: str) -> dict:
    run = Run(browser, f"{site_url}recherche/?q={QUERY}")
    run.page.wait_for_function(
        "() => performance.getEntriesByName('first-contentful-paint').length > 0",
        timeout=PATIENCE_MS,
        polling=100,
    )
    paint = run.clock("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    found = run.wait("results")
    filters = run.wait("filters")
    run.settle()
    run.close()
    return {
        "paint": paint,
        "result": found,
        "filters": filters,
        "bytes": run.bytes,
        "requests": run.requests,
        "sitemaps": run.sitemaps,
        "errors": run.errors,
    }


def median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def seconds(value: float | None, runs: list[dict], key: str) -> str:
    missing = sum(1 for r in runs if r.get(key) is None)
    if value is None:
        return f"aucun en {PATIENCE_MS / 1000:.0f} s"
    text = f"{value:.1f} s".replace(".", ",")
    return text + (f" ({missing} essai(s) sans résultat)" if missing else "")


def report(site_url: str, runs: int, title: str) -> list[str]:
    header, page = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            header.append(header_search(browser, site_url))
            page.append(search_page(browser, site_url))
        browser.close()
    kio = lambda rs: f"{median([r['bytes'] for r in rs]) / 1024:.0f} Kio".replace(".", ",")  # noqa: E731
    lines = [
        f"### {title}",
        "",
        f"Slow 3G (2 s de latence, 400 kbit/s), processeur ×{CPU_SLOWDOWN}, gzip ; "
        f"médianes de {runs} essais.",
        "",
        "| scénario | premier affichage | premier résultat | depuis la frappe "
        "| filtres | requêtes | octets transférés | sitemap.xml |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
        "| en-tête : « atelier » tapé dès le premier affichage de l’accueil | "
        + " | ".join(
            [
                seconds(median([r["paint"] for r in header]), header, "paint"),
                seconds(median([r["result"] for r in header]), header, "result"),
                seconds(median([r["after_typing"] for r in header]), header, "after_typing"),
                "—",
                str(median([r["requests"] for r in header])),
                kio(header),
                str(median([r["sitemaps"] for r in header])),
            ]
        )
        + " |",
        f"| page `/recherche/?q={QUERY}` | "
        + " | ".join(
            [
                seconds(median([r["paint"] for r in page]), page, "paint"),
                seconds(median([r["result"] for r in page]), page, "result"),
                "—",
                seconds(median([r["filters"] for r in page]), page, "filters"),
                str(median([r["requests"] for r in page])),
                kio(page),
                str(median([r["sitemaps"] for r in page])),
            ]
        )
        + " |",
    ]
    errors = sorted({e for r in header + page for e in r["errors"]})
    if errors:
        lines += ["", "Erreurs de la console :"] + [f"- {e}" for e in errors]
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--project", type=Path, default=ROOT, help="projet à construire")
    parser.add_argument("--cases", type=int, help="corpus synthétique de N cas en plus")
    parser.add_argument("--site", type=Path, help="site déjà construit (pour cette adresse)")
    parser.add_argument("--port", type=int, help="port du serveur (celui du site construit)")
    parser.add_argument("--title", default="Recherche sur une connexion lente")
    parser.add_argument("--trace", action="store_true", help="requêtes de chaque essai")
    args = parser.parse_args(argv)
    global TRACE
    TRACE = args.trace
    port = args.port or free_port()
    if args.site:
        site = args.site
    else:
        work = Path(tempfile.mkdtemp(prefix="retex-slow-"))
        project = args.project
        if args.cases:
            from retex.synthetic import generate

            project = work / "corpus"
            generate(project, args.cases, seed=1)
        site = work / "site"
        result = mkdocs_build(project, site, env={"RETEX_SITE_URL": f"http://127.0.0.1:{port}/"})
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
    server = SiteServer(site, port, handler=GzipHandler)
    try:
        print("\n".join(report(server.url, args.runs, args.title)))
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
