"""Rebuilds under ``mkdocs serve --dirty``: which pages a change touches.

MkDocs 1.6 rebuilds every page on every change; with ``--dirty`` it skips the pages
whose own source file did not change, which would leave stale every page that shows
another one (a method lists the cases that used it, a case its similar cases, an index
all of them). Here each page gets a signature: a hash of everything it shows from the
content. A page is rebuilt when its source changed or its signature did; the build's
own machinery (templates, vocabularies, configuration, hooks) is part of every
signature, so that changing a template rebuilds everything.

MkDocs reloads the hook module before each rebuild; what must outlive a build is kept
in this module, which stays imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .collection import Entry
from .pages import PageSpec
from .relations import Relations

_memory: dict[str, object] = {}
_background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="retex-apres-build")


def in_background(task) -> None:
    """Run ``task`` after the rebuild, one task at a time (exports, search index): the
    author waits for the page they edited, not for the open data of the whole site."""
    _background.submit(task)


def remember(key: str, value: object) -> None:
    _memory[key] = value


def recall(key: str, default: object = None) -> object:
    return _memory.get(key, default)


def machinery_fingerprint(root: Path, extra: Iterable[Path] = ()) -> str:
    """Modification times of what every page depends on besides content."""
    digest = hashlib.blake2b(digest_size=16)
    watched = [root / "vocabulary.yml", root / "mkdocs.yml", root / "retired.yml", *extra]
    for folder in ("overrides", "hooks"):
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


def signatures(
    specs: Iterable[PageSpec], relations: Relations, method_of, machinery: str
) -> dict[str, str]:
    """A signature per generated or content page: what it shows, hashed."""
    cache: dict[str, str] = {}
    out: dict[str, str] = {}
    for spec in specs:
        shown: list[Entry] = []
        if spec.entry is not None:
            entry = spec.entry
            shown.append(entry)
            if entry.kind == "case":
                shown += relations.similar.get(entry.slug, [])
                shown += [m for m in (method_of(s) for s in entry.data.methods) if m]
            else:
                shown += relations.used_by.get(entry.slug, [])
                shown += [m for m, _ in relations.used_with.get(entry.slug, [])]
                shown += relations.related.get(entry.slug, [])
        shown += spec.entries
        digest = hashlib.blake2b(digest_size=16)
        digest.update(f"{machinery}|{spec.template}|{spec.title}|{spec.description}".encode())
        for entry in shown:
            digest.update(_entry_hash(entry, cache).encode())
        out[spec.src_uri] = digest.hexdigest()
    return out
