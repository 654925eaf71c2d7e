"""What a browser downloads for each kind of page on a first visit, and for a first search.

    .venv/bin/python scripts/page_weight.py [--site DOSSIER]

Builds the site (unless --site names a built one), serves it on localhost, opens one
page of each kind in a fresh headless Chromium (empty cache) and sums every response:
bytes as served (uncompressed) and as gzip would send them (level 6, per file, as a
web server compressing text would; already-compressed formats counted as they are).
Prints one table; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    ROOT,
    SiteServer,
    build_and_serve,
    free_port,
)

PAGES = [
    ("accueil", ""),
    ("index des cas", "cas/"),
    ("cas", "cas/strasbourg-transfo-labo-et-comptoir-des-services/"),
    ("index des méthodes", "methodes/"),
    ("méthode", "methodes/debat-mouvant/"),
    ("page de thème", "themes/laboratoire-d-innovation/"),
    ("recherche", "recherche/"),
    ("choix de méthode", "choisir-une-methode/"),
    ("carte des cas", "carte/"),
    ("formulaire de proposition", "proposer/?type=cas"),
]
BINARY = (
    ".png",
    ".jpg",
    ".jpeg",
    ".webp",
    ".woff2",
    ".gz",
    ".pagefind",
    ".pf_fragment",
    ".pf_index",
    ".pf_filter",
    ".pf_meta",
)


def sizes(body: bytes, url: str) -> tuple[int, int]:
    if url.split("?")[0].endswith(BINARY):
        return len(body), len(body)
    return len(body), len(gzip.compress(body, 6))


def measure(browser, url: str, action=None) -> tuple[int, int, int]:
    context = browser.new_context()
    page = context.new_page()
    seen: list[tuple[int, int]] = []

    def on_response(response):
        try:
            seen.append(sizes(response.body(), response.url))
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            pass

    page.on("response", on_response)
    page.goto(url, wait_until="networkidle")
    before = len(seen)
    if action:
        seen.clear()
        action(page)
        page.wait_for_load_state("networkidle")
    context.close()
    raw = sum(s[0] for s in seen)
    packed = sum(s[1] for s in seen)
    return (len(seen) if action else before), raw, packed


def first_query(page):
    page.locator("#rx-hsearch-input").click()
    page.keyboard.type("débat mouvant")
    page.wait_for_selector(".rx-hsearch__result", timeout=15000)


def report(site_url: str, title: str) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| page | requêtes | Kio bruts | Kio gzip |",
        "|---|---:|---:|---:|",
    ]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in PAGES:
            n, raw, packed = measure(browser, site_url + path)
            lines.append(f"| {name} (`/{path}`) | {n} | {raw / 1024:.1f} | {packed / 1024:.1f} |")
        n, raw, packed = measure(browser, site_url + "cas/", first_query)
        lines.append(
            f"| première recherche (en plus de la page) | {n} | {raw / 1024:.1f} | "
            f"{packed / 1024:.1f} |"
        )
        browser.close()
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="site déjà construit (sinon : construit ici)")
    parser.add_argument("--project", type=Path, default=ROOT, help="projet à construire")
    parser.add_argument("--title", default="Poids des pages (première visite, cache vide)")
    args = parser.parse_args(argv)
    if args.site:
        server = SiteServer(args.site, free_port())
    else:
        tmp = tempfile.mkdtemp(prefix="retex-weight-")
        server = build_and_serve(args.project, Path(tmp) / "site")
    try:
        print("\n".join(report(server.url, args.title)))
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
