"""Rebuilds under ``mkdocs serve --dirty``: which pages a change touches.

MkDocs 1.6 rebuilds every page on every change; with ``--dirty`` it skips the pages
whose own source file did not change, which would leave stale every page that shows
another one (a method lists the cases that used it, a case its similar cases, an index
all of them). Here each page gets a signature: a hash of everything it shows from the
content. A page is rebuilt when its source changed or its signature did; the build's
own machinery (templates, vocabularies, configuration) is part of every signature, so
that changing a template rebuilds everything. (The build's code is not: ``mkdocs
serve`` runs the code it started with, and a restart rebuilds every page.)

What must outlive one build (the signatures of the last one, the background work) is
kept by the plugin, which MkDocs keeps for the whole ``mkdocs serve``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .collection import Entry
from .kinds import CASE
from .pages import PRINT_DECK, PageSpec
from .relations import Relations

# What every page depends on besides content: files of the project root, and folders.
MACHINERY_FILES = ("vocabulary.yml", "mkdocs.yml", "retired.yml")
MACHINERY_FOLDERS = ("overrides",)


def machinery_fingerprint(root: Path) -> str:
    """Modification times and sizes of what every page depends on besides content."""
    digest = hashlib.blake2b(digest_size=16)
    watched = [root / name for name in MACHINERY_FILES]
    for folder in MACHINERY_FOLDERS:
        watched += sorted((root / folder).rglob("*")) if (root / folder).is_dir() else []
    for path in watched:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def _entry_hash(entry: Entry, cache: dict) -> str:
    found = cache.get(entry.path)
    if found is None:
        found = hashlib.blake2b(repr(entry.raw).encode(), digest_size=16).hexdigest()
        cache[entry.path] = found
    return found


def _shown(entry: Entry, relations: Relations, method_of: Callable) -> list[Entry]:
    """The entries an entry's page shows besides itself."""
    if entry.kind is CASE:
        similar = relations.similar.get(entry.slug, [])
        return similar + [m for m in (method_of(s) for s in entry.data.methods) if m]
    return (
        relations.used_by.get(entry.slug, [])
        + [m for m, _ in relations.used_with.get(entry.slug, [])]
        + relations.related.get(entry.slug, [])
    )


def signatures(
    specs: Iterable[PageSpec], relations: Relations, method_of: Callable, machinery: str
) -> dict[str, str]:
    """A signature per generated or content page: what it shows, hashed."""
    cache: dict[str, str] = {}
    out: dict[str, str] = {}
    for spec in specs:
        shown: list[Entry] = []
        if spec.entry is not None:
            shown += [spec.entry, *_shown(spec.entry, relations, method_of)]
        shown += spec.entries
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{machinery}|{spec.template}|{spec.title}|{spec.description}".encode())
        for entry in shown:
            digest.update(_entry_hash(entry, cache).encode())
        out[spec.src_uri] = digest.hexdigest()
    return out


def changed_pages(
    old: dict[str, str], new: dict[str, str], methods: Iterable[Entry]
) -> set[str]:
    """The pages (source URIs) whose signature changed since the last build."""
    changed = {uri for uri, signature in new.items() if old.get(uri) != signature}
    if PRINT_DECK in changed:  # the deck shows every sheet's rendered body
        changed |= {m.path for m in methods}
    return changed


class Background:
    """What follows a preview rebuild (open data, search index), one task at a time: the
    author waits for the page they edited, not for the open data of the whole site."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, task: Callable[[], object]) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="retex-apres-build")
        self._pool.submit(task)

    def close(self) -> None:
        """Let the task under way finish; drop the ones not started."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
