"""The Pagefind search index, fed while the pages are being rendered.

Pagefind's Python API drives the ``pagefind`` binary as a service in a child process.
Rendered pages are staged as files, in batches, and each batch is handed to the service
with one ``add_directory`` request as soon as it is complete: the binary parses and
indexes it on the other core while MkDocs renders the next pages, and only the last
batch and the final write are left for the end of the build.

Why batches rather than ``add_html_file`` for each page: the API's client reads the
service's answers one per 0.1 s (``PagefindService._wait_for_responses`` sleeps before
each read), so a thousand single-page requests would take at least a hundred seconds.
A batch costs one answer.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from .staging import LockedDir, clean_stale

BATCH = 100  # pages per request
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})
RECORD_MARK = "data-rx-record"  # the element holding a page's filters and result data


# Not indexed: the « # » permalink after each heading (it would glue a « # » to the
# heading in excerpts: « Quand l’utiliser# Les dossiers… »).
EXCLUDED = [".headerlink"]

BODY_START = "<div data-pagefind-body>"
BODY_END = "</div><!-- /data-pagefind-body -->"


def searchable(html: str) -> str:
    """The page as Pagefind should read it.

    * Only what readers search: the page's ``data-pagefind-body`` in a bare document
      (the header, navigation and scripts are a third of each page, and Pagefind would
      parse them only to skip them).
    * Pagefind splits words at the straight apostrophe but not at the typographic one
      that French text uses: « d’assistance » would be one word, and a search for
      « assistance » or « usager » (in « l’usager ») would miss it. The published page
      keeps its typography; only the indexed copy changes, and the filters and result
      data (``data-rx-record``) keep theirs.
    """
    start, end = html.find(BODY_START), html.find(BODY_END)
    if start >= 0 and end > start:
        html = '<!doctype html><html lang="fr"><body>' + html[start : end + 6] + "</body></html>"
    start = html.find(RECORD_MARK)
    end = html.find("</div>", start) if start >= 0 else -1
    if end < 0:
        return html.translate(_APOSTROPHES)
    return (
        html[:start].translate(_APOSTROPHES) + html[start:end] + html[end:].translate(_APOSTROPHES)
    )


# Pagefind writes its ready-made interfaces too; the site uses its own (retex.js) and
# only loads pagefind.js: the others are removed from the published index.
UNUSED = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)


@dataclass
class IndexStats:
    pages: int
    batches: int


class SearchIndexer:
    """Collects pages for one Pagefind index and writes it to ``output_path``."""

    def __init__(self, output_path: Path, language: str = "fr", batch: int = BATCH):
        self.output_path = Path(output_path)
        self.batch = batch
        self._staging_dir = _staging_dir()
        self._staging = self._staging_dir.path
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        config = IndexConfig(
            force_language=language, output_path=str(self.output_path), exclude_selectors=EXCLUDED
        )
        self._index = PagefindIndex(config)
        self._started: Future = self._submit(self._index.__aenter__())
        self._pending: list[Future] = []
        self._batch_dir: Path | None = None
        self._in_batch = 0
        self._pages = 0
        self._errors: list[OSError] = []
        self._closed = False

    def _submit(self, coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _add(self, folder: Path):
        await asyncio.wrap_future(self._started)
        return await self._index.add_directory(path=str(folder), glob="**/*.html")

    def add(self, html: str, url: str) -> None:
        """Stage a rendered page (``url`` site-relative, like ``/cas/x/``); returns at once:
        the page is written out by the indexer's thread, not MkDocs'."""
        if self._batch_dir is None:
            self._batch_dir = self._staging / f"lot-{len(self._pending):04d}"
        target = self._batch_dir / url.strip("/") / "index.html"
        self._loop.call_soon_threadsafe(self._stage, target, html)
        self._pages += 1
        self._in_batch += 1
        if self._in_batch >= self.batch:
            self._flush()

    def _stage(self, target: Path, html: str) -> None:
        try:
            _stage(target, html)
        except OSError as exc:  # reported by write(): a page missing from the index
            self._errors.append(exc)

    def _flush(self) -> None:
        if self._batch_dir is not None:
            self._pending.append(self._submit(self._add(self._batch_dir)))
        self._batch_dir, self._in_batch = None, 0

    def write(self) -> IndexStats:
        """Index the last pages, write the index files and stop the service."""
        self.start_writing()
        return self.wait()

    def start_writing(self) -> None:
        """Index the last pages and write the index in the background: the build can
        write its other files meanwhile; ``wait()`` then returns the ``IndexStats``."""
        self._flush()
        self._writing = self._submit(self._finish())

    def wait(self) -> IndexStats:
        try:
            return self._writing.result()
        finally:
            self._stop()

    async def _finish(self) -> IndexStats:
        try:
            await asyncio.wrap_future(self._started)
            for future in self._pending:
                await asyncio.wrap_future(future)
            if self._errors:
                raise self._errors[0]
            await write_and_close(self._index, self.output_path)
        finally:
            self._closed = True
        for pattern in UNUSED:
            for path in self.output_path.glob(pattern):
                path.unlink()
        return IndexStats(self._pages, len(self._pending))

    def abandon(self) -> None:
        """Stop the service without writing anything (the build failed)."""
        if self._closed:
            return
        try:
            self._started.result(timeout=30)
            self._submit(self._index.__aexit__(RuntimeError, None, None)).result(timeout=30)
        except Exception:  # noqa: BLE001 - best effort on an already failing build
            pass
        finally:
            self._stop()

    def _stop(self) -> None:
        self._closed = True
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._staging_dir.remove()


ENTRY_PAGES = "{cas,methodes}/*/index.html"
WRITE_PATIENCE = 120.0  # seconds: how long a very busy machine may take to write the index


async def write_and_close(index: PagefindIndex, output_path: Path) -> None:
    """Write the index files, wait until they are all on disk, then stop the service.

    Pagefind's service answers « written » as soon as its writes are queued (its
    ``tokio::fs::File::write_all`` returns before the background thread has written, and
    nothing is flushed); the Python API then terminates the service at once. On a busy
    machine files were left empty (``pagefind-entry.json`` most often), and every search
    of that site failed (« Failed to load Pagefind metadata »). Each file exists, possibly
    empty, when the answer comes, and is written in one piece (all are well under tokio's
    2 MiB write buffer): the index is on disk when no file is empty."""
    await index.write_files()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WRITE_PATIENCE
    while _empty_files(output_path) and loop.time() < deadline:
        await asyncio.sleep(0.02)  # the service's writer threads are still at work
    await index.__aexit__(RuntimeError, None, None)  # stops the service, writes nothing more
    empty = _empty_files(output_path)
    if empty:
        raise OSError(
            f"Pagefind n’a pas fini d’écrire l’index de recherche ({len(empty)} fichiers vides, "
            f"dont {empty[0]}) : relancez la construction."
        )


def _empty_files(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in Path(folder).rglob("*")
        if p.is_file() and p.stat().st_size == 0
    )


STAGING_PREFIX = "retex-pagefind-"


def _staging_dir() -> LockedDir:
    """A temporary folder for the pages handed to Pagefind: in memory when the system
    offers one (/dev/shm), so that staging costs no disk writes. Folders left by builds
    that were killed are removed first (see publish/staging.py)."""
    memory = Path("/dev/shm")
    parent = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
    parent = parent or Path(tempfile.gettempdir())
    clean_stale(parent, STAGING_PREFIX)
    return LockedDir(parent, STAGING_PREFIX)


def _stage(target: Path, html: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(searchable(html), encoding="utf-8")


def index_directory(site_dir: Path, output_path: Path, language: str = "fr") -> None:
    """Index the case and method pages of a built site in one request."""
    locked = _staging_dir()
    staging = locked.path
    try:
        for page in Path(site_dir).glob("*/*/index.html"):
            if page.parts[-3] in ("cas", "methodes"):
                _stage(staging / page.relative_to(site_dir), page.read_text(encoding="utf-8"))

        async def index() -> None:
            config = IndexConfig(
                force_language=language, output_path=str(output_path), exclude_selectors=EXCLUDED
            )
            pagefind = await PagefindIndex(config).__aenter__()
            try:
                await pagefind.add_directory(path=str(staging), glob=ENTRY_PAGES)
            except BaseException:
                await pagefind.__aexit__(RuntimeError, None, None)  # stop, write nothing
                raise
            await write_and_close(pagefind, Path(output_path))

        asyncio.run(index())
    finally:
        locked.remove()
    for pattern in UNUSED:
        for path in Path(output_path).glob(pattern):
            path.unlink()
