"""Search figures: Pagefind's indexing time and index size, the bytes a browser downloads
for a first query, and where the reference cases rank, on the real content and on the
synthetic corpus.

    .venv/bin/python scripts/search_figures.py [--cases N] [--runs K]

Nothing is asserted here (the tests do that); the figures are printed as a table.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlsplit

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "tests"), str(HERE.parent)]

from playwright.sync_api import sync_playwright  # noqa: E402

from retex.publish.search import index_directory  # noqa: E402
from support import CHROMIUM, CHROMIUM_ARGS, ROOT, build_and_serve  # noqa: E402
from tools.corpus import generate  # noqa: E402

QUERIES = [
    ("lean startup", "/cas/pau-lean-startup-directeurs/"),
    ("comptoir des services", "/cas/strasbourg-transfo-labo-et-comptoir-des-services/"),
    ("assistance numérique", "/cas/alpes-maritimes-barcamp-innovation-publique/"),
    ("barcamps", "/cas/alpes-maritimes-barcamp-innovation-publique/"),
]


def index_size(folder: Path) -> tuple[int, int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), 6)) for p in files)
    return len(files), raw, packed


def first_query(browser, url: str, query: str) -> tuple[int, int, int]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url + "cas/", wait_until="networkidle")
    sizes: list[tuple[int, int]] = []

    def on_response(response):
        try:
            body = response.body()
        except Exception:  # noqa: BLE001
            return
        compressed = (
            body
            if response.url.endswith(
                (".pagefind", ".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta")
            )
            else (gzip.compress(body, 6))
        )
        sizes.append((len(body), len(compressed)))

    page.on("response", on_response)
    page.locator("#rx-hsearch-input").click()
    page.keyboard.type(query)
    page.wait_for_selector(".rx-hsearch__result", timeout=30000)
    page.wait_for_load_state("networkidle")
    context.close()
    return len(sizes), sum(s[0] for s in sizes), sum(s[1] for s in sizes)


def ranks(browser, url: str) -> list[str]:
    context = browser.new_context()
    page = context.new_page()
    found = []
    for query, expected in QUERIES:
        page.goto(f"{url}recherche/?q={quote(query)}&type=cas")
        page.wait_for_selector("[data-rx-results] > li", timeout=30000)
        links = [
            urlsplit(a.get_attribute("href")).path
            for a in page.locator("[data-rx-results] .rx-result__title a").all()
        ]
        rank = links.index(expected) + 1 if expected in links else None
        found.append(f"« {query} » : {rank if rank else 'absent'}")
    context.close()
    return found


def measure(project: Path, label: str, runs: int, browser) -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="retex-search-"))
    server = build_and_serve(project, work / "site")
    try:
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            # In its own thread: Playwright's event loop runs in this one.
            with ThreadPoolExecutor(1) as pool:
                pool.submit(index_directory, work / "site", work / "index").result()
            timings.append(time.perf_counter() - started)
        count, raw, packed = index_size(work / "site" / "pagefind")
        requests, q_raw, q_packed = first_query(browser, server.url, "débat mouvant")
        return [
            f"| {label} | {statistics.median(timings):.2f} s | {count} fichiers, "
            f"{raw / 1024:.0f} Kio ({packed / 1024:.0f} Kio gzip) | {requests} requêtes, "
            f"{q_raw / 1024:.0f} Kio ({q_packed / 1024:.0f} Kio gzip) | "
            + " ; ".join(ranks(browser, server.url))
            + " |"
        ]
    finally:
        server.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    lines = [
        "| contenu | indexation Pagefind (médiane) | index | première recherche | "
        "rang du cas attendu parmi les cas |",
        "|---|---|---|---|---|",
    ]
    corpus = Path(tempfile.mkdtemp(prefix="retex-corpus-")) / "retex"
    generate(corpus, args.cases, seed=1)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        lines += measure(ROOT, "contenu réel", args.runs, browser)
        lines += measure(
            corpus, f"corpus synthétique ({args.cases} cas de plus)", args.runs, browser
        )
        browser.close()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
