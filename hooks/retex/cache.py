"""A cache of what each content file says on its own, so that checking 10,000 files
re-reads only those that changed since the last run.

It lives in ``.cache/retex/`` at the project root (ignored by Git). An entry is reused
when the file has the same size and modification time, and the whole cache is dropped
when the vocabularies, the rules (this package's sources) or the Python or pydantic
versions change. It is written with ``marshal``: plain data only, fast to load.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path

import pydantic

from .collection import FileResult

CACHE_DIR = Path(".cache") / "retex"
_RULES = (
    "frontmatter.py",
    "safety.py",
    "schema.py",
    "collection.py",
    "problems.py",
    "slugs.py",
    "vocabulary.py",
    "cache.py",
)
_FORMAT = 1


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}|{sys.version}|{pydantic.VERSION}".encode())
    vocabulary = root / "vocabulary.yml"
    digest.update(vocabulary.read_bytes() if vocabulary.is_file() else b"")
    here = Path(__file__).parent
    for name in _RULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


# Validated models of unchanged files, kept in memory between the builds of one process
# (``mkdocs serve`` rebuilding after a change): path -> ((fingerprint, stamp), model).
_MODELS: dict[str, tuple[tuple, object]] = {}


class ResultCache:
    def __init__(self, root: Path, name: str = "files.marshal"):
        self.root = root
        self.path = root / CACHE_DIR / name
        self.fingerprint = fingerprint(root)
        self.entries: dict[str, tuple] = {}
        self.hits = 0
        self.changed = False
        try:
            stored = marshal.loads(self.path.read_bytes())
            if isinstance(stored, dict) and stored.get("fingerprint") == self.fingerprint:
                self.entries = stored["files"]
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            self.entries = {}

    def _stamp(self, path: str) -> tuple[int, int] | None:
        try:
            stat = os.stat(self.root / path)
        except OSError:
            return None
        return stat.st_size, stat.st_mtime_ns

    def get(self, path: str) -> FileResult | None:
        stored = self.entries.get(path)
        if stored is None or stored[0] != self._stamp(path):
            return None
        self.hits += 1
        return FileResult.from_tuple(stored[1])

    def model(self, path: str, build):
        """The validated model of a file: built by ``build()``, or the one built for the
        same file, unchanged, earlier in this process."""
        key = (self.fingerprint, self._stamp(path))
        found = _MODELS.get(path)
        if found is not None and found[0] == key:
            return found[1]
        model = build()
        _MODELS[path] = (key, model)
        return model

    def put(self, path: str, result: FileResult) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self.entries[path] = (stamp, result.to_tuple())
            self.changed = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache (only the files still present when ``keep`` is given)."""
        if keep is not None:
            gone = set(self.entries) - keep
            for path in gone:
                del self.entries[path]
            self.changed = self.changed or bool(gone)
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_bytes(
                marshal.dumps({"fingerprint": self.fingerprint, "files": self.entries})
            )
            os.replace(temporary, self.path)
        except OSError:
            pass  # a read-only checkout still works, only slower
