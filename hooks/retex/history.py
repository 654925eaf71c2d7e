"""What Git knows of the content files: when each was first and last committed, and
which content URLs were once published.

One ``git log`` per question, over the content folders only. Outside a Git checkout
(a downloaded archive), or for files not yet committed, dates fall back to the build
date and nothing is known to have been published.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import parse_document
from .kinds import BY_FOLDER

CONTENT_DIRS = tuple(BY_FOLDER)
DATED_DIRS = (*CONTENT_DIRS, "docs")
# The branch whose history says what was published; the first that exists is used.
PUBLISHED_REFS = ("origin/main", "main", "HEAD")


@dataclass(frozen=True)
class FileDates:
    published: dt.datetime  # first commit (following renames)
    updated: dt.datetime  # last commit


@dataclass
class History:
    in_git: bool
    dates: dict[str, FileDates] = field(default_factory=dict)  # path -> dates
    # Paths that were once published and are gone, with the commit where they last existed.
    vanished: dict[str, str] = field(default_factory=dict)
    shallow: bool = False
    root: Path | None = None
    published_ref: str | None = None

    def dates_of(self, path: str, now: dt.datetime) -> FileDates:
        return self.dates.get(path) or FileDates(now, now)

    def was_published(self, path: str) -> bool:
        """Whether the publication branch holds this file, not as a draft."""
        if self.root is None or self.published_ref is None:
            return False
        text = _git(self.root, "show", f"{self.published_ref}:{path}")
        return text is not None and not is_draft(text, path)


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _commits(log: str):
    """Parse ``git log --format=%x01%H %ct --name-status -M``: (hash, date, changes)."""
    for chunk in log.split("\x01")[1:]:
        lines = chunk.strip("\n").split("\n")
        sha, _, stamp = lines[0].partition(" ")
        when = dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC)
        changes = [line.split("\t") for line in lines[1:] if line.strip()]
        yield sha, when, changes


def read_history(root: Path) -> History:
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != root.resolve():
        return History(in_git=False)
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
    history = History(in_git=True, shallow=shallow, root=root, published_ref=_published_ref(root))
    log = _git(root, "log", "--format=%x01%H %ct", "--name-status", "-M", "HEAD", "--", *DATED_DIRS)
    if log is None:  # no commit yet
        return history
    first: dict[str, dt.datetime] = {}
    last: dict[str, dt.datetime] = {}
    renamed_to: dict[str, str] = {}  # old path -> the path it became (later in time)
    for _sha, when, changes in _commits(log):  # newest first
        for change in changes:
            status, paths = change[0], change[1:]
            for path in paths[-1:]:
                last.setdefault(path, when)
                first[path] = when
            if status.startswith("R") and len(paths) == 2:
                renamed_to[paths[0]] = paths[1]
                last.setdefault(paths[0], when)
                first.setdefault(paths[0], when)
    # A renamed file was published when its oldest name was first committed.
    for old, new in renamed_to.items():
        target = new
        while target in renamed_to:
            target = renamed_to[target]
        if old in first and target in first:
            first[target] = min(first[target], first[old])
    for path in first:
        history.dates[path] = FileDates(first[path], last[path])
    history.vanished = _vanished(root)
    return history


def _published_ref(root: Path) -> str | None:
    for ref in PUBLISHED_REFS:
        if _git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}"):
            return ref
    return None


def _vanished(root: Path) -> dict[str, str]:
    """Content files that existed in the published history, published (not drafts), and
    are no longer in the working tree: path -> last commit where they existed."""
    ref = _published_ref(root)
    if ref is None:
        return {}
    log = _git(
        root,
        "log",
        "--format=%x01%H %ct",
        "--name-status",
        "--no-renames",
        "--diff-filter=D",
        ref,
        "--",
        *CONTENT_DIRS,
    )
    found: dict[str, str] = {}
    for sha, _when, changes in _commits(log or ""):
        for change in changes:
            path = change[-1]
            if path in found or (root / path).exists() or not _is_content(path):
                continue
            found[path] = f"{sha}^"
    # Files present at the tip of the published ref but deleted in the working tree.
    listed = _git(root, "ls-tree", "-r", "--name-only", ref, "--", *CONTENT_DIRS) or ""
    for path in listed.splitlines():
        if _is_content(path) and not (root / path).exists():
            found.setdefault(path, ref)
    return {path: rev for path, rev in found.items() if not _was_draft(root, rev, path)}


def _is_content(path: str) -> bool:
    folder, _, name = path.partition("/")
    return (
        folder in CONTENT_DIRS
        and name.endswith(".md")
        and "/" not in name
        and not (name.startswith("_"))
    )


def _was_draft(root: Path, rev: str, path: str) -> bool:
    return is_draft(_git(root, "show", f"{rev}:{path}") or "", path)


def is_draft(text: str, path: str) -> bool:
    """Whether a version of a content file is a draft, read as the check reads it (the
    same front-matter parser: ``draft: true  # à relire`` is a draft here too). A version
    that cannot be read was not a draft: its page was published."""
    document, _ = parse_document(text.encode("utf-8"), path)
    return document is not None and document.data.get("draft") is True
