"""Retex's build against plain MkDocs: the benchmark behind « make bench ».

    .venv/bin/python scripts/bench.py [--cases N] [--runs K]

Generates the synthetic corpus (the real content plus N cases and N/10 methods, see
``tools.corpus``) in a temporary folder, then measures in one run, each K times
(median):

* ``retex check`` on the corpus and on a 10,000-case corpus, with a cold cache (first
  run after a change of rules) and a warm one (the usual case: few files changed);
* the full Retex build (validation, pages, browse pages, exports, Pagefind), and the
  same build without the Pagefind step (RETEX_SEARCH=0);
* the engine's floor: plain ``mkdocs build`` with the same theme, Markdown extensions
  and navigation policy on the same pages, written out as plain Markdown into docs/,
  with no hooks and no search;
* Pagefind indexing alone (its Python API, on the pages the build indexes);
* the French typography stage alone, on every page of the built site;
* the peak memory of the full build;
* the rebuild under ``mkdocs serve`` (as ``make serve`` runs it) after editing one case,
  from the edit until the served page shows it.

Prints a table; its last two lines are « overhead without search » and « overhead »:
the full build time without, then with, Pagefind, divided by the floor. Nothing here is
asserted: the figures depend on the machine, only their ratios are comparable.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}

sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from retex.kinds import CASE  # noqa: E402
from retex.pages import PageSpec, index_pages  # noqa: E402
from retex.publish.search import index_directory  # noqa: E402
from retex.publish.typography import french_spacing  # noqa: E402
from retex.render import EXTENSION_CONFIGS, EXTENSIONS, render_html  # noqa: E402
from retex.sections import entry_markdown, section_html  # noqa: E402
from retex.site import Site, load_site  # noqa: E402
from support import free_port, wait_for_page  # noqa: E402
from tools.corpus import generate  # noqa: E402


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    """Wall time of a command; fails loudly if the command fails."""
    started = time.perf_counter()
    result = subprocess.run(
        cmd, cwd=cwd, env={**ENV, **(env or {})}, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"échec de {' '.join(cmd)} dans {cwd} :\n{result.stdout}{result.stderr}")
    return elapsed


def median_of(runs: int, measure) -> float:
    return statistics.median(measure() for _ in range(runs))


def peak_memory(cmd: list[str], cwd: Path, env: dict | None = None) -> int:
    """Peak resident memory (KiB) of a command and its children (Pagefind included)."""
    probe = textwrap.dedent(f"""
        import resource, subprocess, sys
        subprocess.run({cmd!r}, check=True, capture_output=True)
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    """)
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=cwd,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip())


# --- The floor: the same pages as plain Markdown ---------------------------------------


def _link(from_uri: str, to_uri: str) -> str:
    return os.path.relpath(to_uri, os.path.dirname(from_uri) or ".").replace(os.sep, "/")


def _entry_page(entry) -> str:
    """What Retex's build hands MkDocs for an entry page: its title and its Markdown (the
    fact box, similar cases and backlinks are rendered by our templates, not here)."""
    # The sections' HTML where the build puts it (as raw HTML blocks for plain MkDocs).
    markdown = re.sub(
        "\ufdd0([a-z_]+)\ufdd1",
        lambda m: section_html(entry, m.group(1), render_html),
        entry_markdown(entry),
    )
    markdown = markdown.replace("](../methods/", "](../methodes/").replace(
        "](../cases/", "](../cas/"
    )
    return f"# {entry.title}\n\n{entry.data.summary}\n{markdown}\n"


def _list_page(spec: PageSpec) -> str:
    lines = [f"# {spec.title}", "", spec.description, ""]
    for entry in spec.entries:
        meta = entry.data.territory.name if entry.kind is CASE else ", ".join(entry.data.phase)
        target = _link(spec.src_uri, entry.url.rstrip("/") + ".md")
        lines.append(f"- [{entry.title}]({target}) — {meta}. {entry.data.summary}")
    return "\n".join(lines) + "\n"


FLOOR_CONFIG = """\
site_name: Retex
site_url: https://retex.github.io/retex/
docs_dir: docs
strict: true
use_directory_urls: true
theme:
  name: material
  language: fr
  font: false
  features: [navigation.instant, navigation.tracking, navigation.top, toc.follow,
             content.action.edit]
plugins: []
{markdown}nav:
  - Accueil: index.md
  - Cas: cas/index.md
  - Méthodes: methodes/index.md
"""


def _markdown_config() -> str:
    """The build's Markdown extensions (retex.render) as mkdocs.yml lines."""
    lines = ["markdown_extensions:"]
    for name in EXTENSIONS:
        options = EXTENSION_CONFIGS.get(name)
        if not options:
            lines.append(f"  - {name}")
            continue
        lines.append(f"  - {name}:")
        for key, value in options.items():
            if callable(value):
                text = f"!!python/name:{value.__module__}.{value.__qualname__}"
            else:
                text = json.dumps(value, ensure_ascii=False)
            lines.append(f"      {key}: {text}")
    return "\n".join(lines) + "\n"


def write_floor(site: Site, out: Path) -> int:
    """The same pages as plain Markdown in ``out/docs``: the engine's floor.

    Entry pages get exactly the Markdown that Retex's build gives MkDocs; index and
    browse pages get their list of entries as Markdown links (Retex renders them from
    its templates instead)."""
    docs = out / "docs"
    pages = 0
    for entry in site.cases + site.methods:
        uri = entry.url.rstrip("/") + ".md"
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_entry_page(entry), encoding="utf-8")
        pages += 1
    for spec in index_pages(site):
        target = docs / spec.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_list_page(spec), encoding="utf-8")
        pages += 1
    (docs / "index.md").write_text(
        "# Retex\n\n- [Cas](cas/index.md)\n- [Méthodes](methodes/index.md)\n", encoding="utf-8"
    )
    (out / "mkdocs.yml").write_text(
        FLOOR_CONFIG.format(markdown=_markdown_config()), encoding="utf-8"
    )
    return pages + 1


# --- Pagefind alone and the serve rebuild ---------------------------------------------------


def pagefind_alone(site_dir: Path, out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    index_directory(site_dir, out)
    return time.perf_counter() - started


def typography_alone(site_dir: Path) -> float:
    """French no-break spaces on every page of a built site (the build does it page by
    page as MkDocs writes them): its share of the build."""
    pages = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    started = time.perf_counter()
    for page in pages:
        french_spacing(page)
    return time.perf_counter() - started


def serve_rebuild(corpus: Path, runs: int) -> tuple[float, float]:
    """(first build, median rebuild after a one-case edit) under ``mkdocs serve``."""
    port = free_port()
    case = next(p for p in sorted((corpus / "cases").glob("[!_]*.md")))
    url = f"http://127.0.0.1:{port}/cas/{case.stem}/"
    original = case.read_text(encoding="utf-8")
    server = subprocess.Popen(
        [
            str(BIN / "python"),
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--dirty",
        ],
        cwd=corpus,
        env={**ENV, "RETEX_SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        started = time.perf_counter()
        wait_for_page(url, "</html>", timeout=900)
        first = time.perf_counter() - started
        times = []
        for i in range(runs):
            marker = f"Édition {i} {time.time_ns()}"
            time.sleep(1.5)  # distinct modification times, and the watcher settled
            edited = re.sub(r"^title: .*$", f'title: "{marker}"', original, count=1, flags=re.M)
            started = time.perf_counter()
            case.write_text(edited, encoding="utf-8")
            wait_for_page(url, marker, timeout=900)
            times.append(time.perf_counter() - started)
        return first, statistics.median(times)
    finally:
        case.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


# --- The benchmark ------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1000, help="cas générés (défaut : 1000)")
    parser.add_argument("--runs", type=int, default=3, help="mesures par chiffre (médiane)")
    parser.add_argument(
        "--check-cases",
        type=int,
        default=10000,
        help="cas du second corpus pour retex check (défaut : 10000)",
    )
    parser.add_argument("--no-serve", action="store_true", help="sans la mesure sous serve")
    args = parser.parse_args(argv)
    k = args.runs
    work = Path(tempfile.mkdtemp(prefix="retex-bench-"))
    # The check cache lives in the user's cache folder: keep the benchmark's apart.
    ENV["XDG_CACHE_HOME"] = str(work / "cache")
    rows: list[tuple[str, str]] = []
    try:
        corpus = work / "corpus"
        counts = generate(corpus, args.cases, seed=1)
        big = work / "corpus-check"
        generate(big, args.check_cases, seed=2)
        n_cases, n_methods = counts["total_cases"], counts["total_methods"]
        print(
            f"Corpus : {n_cases} cas et {n_methods} méthodes ({args.cases} cas générés) ; "
            f"{k} mesure(s) par chiffre, médiane.",
            flush=True,
        )

        retex = [str(BIN / "retex"), "check"]
        for folder, size in ((corpus, args.cases), (big, args.check_cases)):
            cold = median_of(
                k, lambda f=folder: (shutil.rmtree(work / "cache", True), run(retex, f))[1]
            )
            warm = median_of(k, lambda f=folder: run(retex, f))
            rows.append((f"retex check, {size} cas générés, cache froid", f"{cold:.2f} s"))
            rows.append((f"retex check, {size} cas générés, cache chaud", f"{warm:.2f} s"))

        site_dir = work / "site"
        build = [str(BIN / "mkdocs"), "build", "-q", "-d", str(site_dir)]
        full = median_of(k, lambda: run(build, corpus))
        no_search = median_of(k, lambda: run(build, corpus, {"RETEX_SEARCH": "0"}))

        floor_dir = work / "floor"
        pages = write_floor(load_site(corpus), floor_dir)
        floor_build = [str(BIN / "mkdocs"), "build", "-q", "-d", str(work / "floor-site")]
        floor = median_of(k, lambda: run(floor_build, floor_dir))

        run(build, corpus)  # a fresh site for Pagefind alone
        pagefind = median_of(k, lambda: pagefind_alone(site_dir, work / "pagefind-alone"))
        typography = median_of(k, lambda: typography_alone(site_dir))
        memory = peak_memory(build, corpus)

        rows += [
            ("build Retex complet (avec Pagefind)", f"{full:.2f} s"),
            ("build Retex sans Pagefind (RETEX_SEARCH=0)", f"{no_search:.2f} s"),
            (f"plancher : mkdocs build simple, mêmes {pages} pages en Markdown", f"{floor:.2f} s"),
            ("Pagefind seul (API Python, pages indexées)", f"{pagefind:.2f} s"),
            ("typographie française seule (toutes les pages)", f"{typography:.2f} s"),
            ("mémoire maximale du build complet", f"{memory / 1024:.0f} Mio"),
        ]
        if not args.no_serve:
            first, rebuild = serve_rebuild(corpus, k)
            rows += [
                ("make serve : premier build", f"{first:.2f} s"),
                ("make serve : reconstruction après modification d’un cas", f"{rebuild:.2f} s"),
                ("  rapport reconstruction / build complet", f"{rebuild / full:.2f}"),
            ]
        width = max(len(label) for label, _ in rows)
        print()
        for label, value in rows:
            print(f"{label.ljust(width)}  {value.rjust(10)}")
        print()
        print(f"overhead without search: {no_search / floor:.2f}")
        print(f"overhead: {full / floor:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
