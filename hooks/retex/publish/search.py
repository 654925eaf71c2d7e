"""The Pagefind search index, fed while the pages are being rendered.

Pagefind's Python API drives the ``pagefind`` binary as a service in a child process.
The pages are handed over as soon as they are rendered, from MkDocs' thread, to an
asyncio loop running in a background thread: the binary parses and indexes them on
the other core while MkDocs renders the next ones, and only the final write is left
for the end of the build.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex


@dataclass
class IndexStats:
    pages: int
    words: int


class SearchIndexer:
    """Collects pages for one Pagefind index and writes it to ``output_path``."""

    def __init__(self, output_path: Path, language: str = "fr"):
        self.output_path = Path(output_path)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        config = IndexConfig(force_language=language, output_path=str(self.output_path))
        self._index = PagefindIndex(config)
        self._started: Future = self._submit(self._index.__aenter__())
        self._pending: list[Future] = []
        self._closed = False

    def _submit(self, coroutine) -> Future:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    async def _add(self, html: str, url: str):
        await asyncio.wrap_future(self._started)
        return await self._index.add_html_file(content=html, url=url)

    def add(self, html: str, url: str) -> None:
        """Queue a rendered page; returns at once."""
        self._pending.append(self._submit(self._add(html, url)))

    def write(self) -> IndexStats:
        """Wait for every page, write the index files and stop the service."""
        try:
            self._started.result()
            results = [future.result() for future in self._pending]
            self._submit(self._index.__aexit__(None, None, None)).result()
        finally:
            self._stop()
        words = sum(r.get("page_word_count", 0) for r in results)
        return IndexStats(len(results), words)

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
