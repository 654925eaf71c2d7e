"""Only passive files, only from the repository.

The site publishes the files of ``cases/``, ``methods/`` and ``docs/`` besides their
Markdown: they may only be raster images, checked by their name and by their first
bytes (an SVG, an HTML page or a script would run on the site's origin). No symbolic
link is accepted anywhere the build reads or writes (content, pages, theme, output):
MkDocs copies files through links, which would publish whatever they point to
(``/etc/passwd``, ``.git/config``…). Folders are walked without following links, and
this check runs before anything is copied.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .problems import FILE, Problem

# Passive file types: extension -> (name, accepted first bytes).
PASSIVE: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),  # and « WEBP » at offset 8, see _looks_like
    ".avif": ("AVIF", ()),  # « ftypavif » or « ftypavis » at offset 4
}
PASSIVE_NAMES = "PNG, JPEG, GIF, WebP ou AVIF"

# Folders whose files are published beside the Markdown, and folders the build reads.
PUBLISHED = ("cases", "methods", "docs")
READ = ("overrides", "maps")
# Single files the build reads from the project root.
ROOT_FILES = ("vocabulary.yml", "retired.yml")

LINK_MESSAGE = "lien symbolique refusé : le site ne publie que des fichiers du dépôt"
LINK_FIX = "remplacez le lien par le fichier lui-même"


@dataclass(frozen=True)
class Found:
    """A regular file found by ``walk``: its path relative to the walked folder."""

    relpath: str
    name: str


def walk(folder: Path) -> tuple[list[Found], list[tuple[str, str]]]:
    """Every regular file under ``folder``, links never followed; and the entries that
    are neither a file nor a folder, as (relative path, "link" or "special")."""
    files: list[Found] = []
    odd: list[tuple[str, str]] = []
    pending = [("", folder)]
    while pending:
        prefix, current = pending.pop()
        try:
            with os.scandir(current) as entries:
                items = sorted(entries, key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in items:
            rel = f"{prefix}{entry.name}"
            if entry.is_symlink():
                odd.append((rel, "link"))
            elif entry.is_dir(follow_symlinks=False):
                pending.append((rel + "/", Path(entry.path)))
            elif entry.is_file(follow_symlinks=False):
                files.append(Found(rel, entry.name))
            else:
                odd.append((rel, "special"))
    files.sort(key=lambda f: f.relpath)
    return files, odd


def _hidden(relpath: str) -> bool:
    """Never published: a name starting with « . » (or « _ » in content folders)."""
    return any(part.startswith(".") for part in relpath.split("/"))


def published_assets(folder: Path) -> list[str]:
    """Files of a content folder published beside its pages (images), relative to it:
    neither Markdown, nor hidden, nor a template (« _ »)."""
    files, _ = walk(folder)
    return [
        f.relpath
        for f in files
        if not f.name.lower().endswith(".md")
        and not any(part.startswith((".", "_")) for part in f.relpath.split("/"))
    ]


def _looks_like(head: bytes, extension: str) -> bool:
    _, magics = PASSIVE[extension]
    if extension == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if extension == ".avif":
        return head[4:12] in (b"ftypavif", b"ftypavis")
    return any(head.startswith(m) for m in magics)


def check_passive(root: Path, relpath: str) -> Problem | None:
    """Why a published file is refused, or None for an image whose bytes match its name."""
    name = relpath.rsplit("/", 1)[-1]
    extension = os.path.splitext(name)[1].lower()
    if extension not in PASSIVE:
        kind = extension[1:].upper() or "sans extension"
        why = " (un SVG peut contenir du script)" if extension == ".svg" else ""
        return Problem(
            relpath,
            1,
            FILE,
            f"fichier « {name} » refusé : seules des images {PASSIVE_NAMES} accompagnent "
            f"les pages ({kind}{why})",
            "convertissez-le en PNG ou en JPEG, ou retirez-le du dossier",
        )
    try:
        fd = os.open(root / relpath, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError("not a regular file")
            head = os.read(fd, 16)
        finally:
            os.close(fd)
    except OSError:
        return Problem(relpath, 1, FILE, "fichier illisible", "remplacez-le par une image")
    if not _looks_like(head, extension):
        label = PASSIVE[extension][0]
        return Problem(
            relpath,
            1,
            FILE,
            f"« {name} » n’est pas une image {label} : ses premiers octets ne "
            "correspondent pas à son extension",
            "enregistrez l’image dans le format que dit son extension",
        )
    return None


def check_files(root: Path) -> list[Problem]:
    """Links and special files anywhere the build reads; non-passive published files."""
    problems: list[Problem] = []
    for folder in (*PUBLISHED, *READ):
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(folder, 1, FILE, LINK_MESSAGE, LINK_FIX))
            continue
        files, odd = walk(base)
        for rel, what in odd:
            path = f"{folder}/{rel}"
            if what == "link":
                problems.append(Problem(path, 1, FILE, LINK_MESSAGE, LINK_FIX))
            else:
                problems.append(
                    Problem(
                        path,
                        1,
                        FILE,
                        "fichier spécial refusé (ni un fichier ordinaire ni un dossier)",
                        "retirez-le",
                    )
                )
        if folder not in PUBLISHED:
            continue
        for found in files:
            if found.name.lower().endswith(".md") or _hidden(found.relpath):
                continue
            problem = check_passive(root, f"{folder}/{found.relpath}")
            if problem is not None:
                problems.append(problem)
    for name in ROOT_FILES:
        if (root / name).is_symlink():
            problems.append(Problem(name, 1, FILE, LINK_MESSAGE, LINK_FIX))
    return problems


def links_under(folder: Path) -> list[str]:
    """Symbolic links at or under ``folder`` (the build's output, say), relative to it."""
    if folder.is_symlink():
        return ["."]
    _, odd = walk(folder)
    return [rel for rel, what in odd if what == "link"]
