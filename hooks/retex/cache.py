"""A cache of what each content file says on its own, so that checking 10,000 files
re-reads only those that changed since the last run.

It lives outside the checkout, where a pull request cannot put a file:
``$XDG_CACHE_HOME/retex/<hash of the project's path>/files.json`` (``~/.cache`` by
default), and is never read from the project itself. It is plain JSON, which cannot run
code when loaded (no pickle, no marshal), written to a temporary file then renamed, never
through a symbolic link (``writing.py``). An entry is reused when the file has the same
size and modification time, and the whole cache is dropped when the vocabularies, the
rules (this package's sources) or the Python or pydantic versions change.
``RETEX_CACHE=0`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pydantic

from .collection import FileResult
from .writing import UnsafePath, read_regular, replace_file

_RULES = (
    "frontmatter.py",
    "characters.py",
    "render.py",
    "files.py",
    "site_pages.py",
    "safety.py",
    "fields.py",
    "messages.py",
    "schema.py",
    "collection.py",
    "problems.py",
    "slugs.py",
    "kinds.py",
    "vocabulary.py",
    "cache.py",
)
_FORMAT = 2


def cache_home() -> Path:
    """The user's cache folder (``$XDG_CACHE_HOME``, or ``~/.cache``)."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    return Path(base) if os.path.isabs(base) else Path.home() / ".cache"


def cache_folder(root: Path) -> tuple[Path, str]:
    """(base, folder relative to it) of a project's cache: one per project path."""
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_home(), f"retex/{key}"


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    digest.update(f"{_FORMAT}|{sys.version}|{pydantic.VERSION}".encode())
    vocabulary = root / "vocabulary.yml"
    digest.update(vocabulary.read_bytes() if vocabulary.is_file() else b"")
    here = Path(__file__).parent
    for name in _RULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


class ResultCache:
    """``models``: where validated models outlive this cache, for the next build of the
    same process (``mkdocs serve`` rebuilding after a change; the plugin keeps it):
    path -> ((fingerprint, stamp), model). None: models are built every time."""

    def __init__(self, root: Path, name: str = "files.json", models: dict | None = None):
        self.root = root
        self.models = models
        self.base, folder = cache_folder(root)
        self.relpath = f"{folder}/{name}"
        self.fingerprint = fingerprint(root)
        self.entries: dict[str, list] = {}
        self.hits = 0
        self.changed = False
        # Never a cache inside the project: a pull request could have put it there.
        self.usable = not _inside(self.base / folder, root.resolve())
        if not self.usable:
            return
        try:
            raw = read_regular(self.base, self.relpath)
            stored = json.loads(raw) if raw else None
            if (
                isinstance(stored, dict)
                and stored.get("fingerprint") == self.fingerprint
                and isinstance(stored.get("files"), dict)
            ):
                self.entries = stored["files"]
        except (OSError, ValueError, UnsafePath):
            self.entries = {}

    def _stamp(self, path: str) -> list[int] | None:
        try:
            stat = os.stat(self.root / path, follow_symlinks=False)
        except OSError:
            return None
        return [stat.st_size, stat.st_mtime_ns]

    def get(self, path: str) -> FileResult | None:
        stored = self.entries.get(path)
        if not isinstance(stored, list) or len(stored) != 2 or stored[0] != self._stamp(path):
            return None
        try:
            result = FileResult.from_tuple(stored[1])
        except (TypeError, ValueError):
            return None
        self.hits += 1
        return result

    def model(self, path: str, build):
        """The validated model of a file: built by ``build()``, or the one built for the
        same file, unchanged, earlier in this process."""
        if self.models is None:
            return build()
        stamp = self._stamp(path)
        key = (self.fingerprint, tuple(stamp) if stamp else None)
        found = self.models.get(path)
        if found is not None and found[0] == key:
            return found[1]
        model = build()
        self.models[path] = (key, model)
        return model

    def put(self, path: str, result: FileResult) -> None:
        stamp = self._stamp(path)
        if stamp is not None:
            self.entries[path] = [stamp, result.to_tuple()]
            self.changed = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache (only the files still present when ``keep`` is given)."""
        if keep is not None:
            gone = set(self.entries) - keep
            for path in gone:
                del self.entries[path]
            self.changed = self.changed or bool(gone)
        if not self.changed or not self.usable:
            return
        text = json.dumps(
            {"fingerprint": self.fingerprint, "files": self.entries},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        try:
            self.base.mkdir(parents=True, exist_ok=True)  # the user's own cache folder
            replace_file(self.base, self.relpath, text.encode("utf-8"), folder_mode=0o700)
        except (OSError, UnsafePath):
            pass  # no writable cache folder: the next run is only slower


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    return True
