"""Writing files without ever writing through a symbolic link.

A checkout can carry symbolic links (``cases/_modele.md -> ../methods/barcamp.md``): a
plain ``open(path, "w")`` would overwrite what they point to. Here every folder of the
path is opened with ``O_NOFOLLOW`` from a trusted starting folder, a new file is created
with ``O_EXCL | O_NOFOLLOW``, and a replaced file is written to a temporary file (same
flags) then renamed over it — a rename replaces a link itself, never its target, and
an existing link is refused anyway.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_NEW_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


class UnsafePath(Exception):
    """A path that goes through a symbolic link (or is not a regular file): the French
    message says which part."""


def _open_folder(base: Path, parts: list[str], *, create: bool, mode: int = 0o755) -> int:
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    walked = []
    try:
        for part in parts:
            walked.append(part)
            try:
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(part, mode, dir_fd=fd)
                child = os.open(part, _DIR_FLAGS, dir_fd=fd)
            except OSError as exc:  # ELOOP or ENOTDIR: a link, or a file in the way
                raise UnsafePath(
                    f"« {'/'.join(walked)} » est un lien symbolique ou n’est pas un dossier"
                ) from exc
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def _split(relpath: str) -> tuple[list[str], str]:
    parts = [p for p in relpath.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        raise UnsafePath(f"chemin « {relpath} » refusé")
    return parts[:-1], parts[-1]


def write_new(base: Path, relpath: str, data: bytes) -> None:
    """Create ``base/relpath``; FileExistsError if anything (a link too) is already there."""
    folders, name = _split(relpath)
    fd = _open_folder(base, folders, create=True)
    try:
        out = os.open(name, _NEW_FLAGS, 0o644, dir_fd=fd)
        with os.fdopen(out, "wb") as handle:
            handle.write(data)
    finally:
        os.close(fd)


def read_regular(base: Path, relpath: str) -> bytes | None:
    """The bytes of ``base/relpath``, None if absent; UnsafePath for a link."""
    folders, name = _split(relpath)
    try:
        fd = _open_folder(base, folders, create=False)
    except FileNotFoundError:
        return None
    try:
        try:
            handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise UnsafePath(f"« {relpath} » est un lien symbolique") from exc
        with os.fdopen(handle, "rb") as source:
            if not stat.S_ISREG(os.fstat(source.fileno()).st_mode):
                raise UnsafePath(f"« {relpath} » n’est pas un fichier ordinaire")
            return source.read()
    finally:
        os.close(fd)


def replace_file(base: Path, relpath: str, data: bytes, *, folder_mode: int = 0o755) -> None:
    """Write ``base/relpath`` whole, through a temporary file renamed over it; refuse a
    link in its place or on its way."""
    folders, name = _split(relpath)
    fd = _open_folder(base, folders, create=True, mode=folder_mode)
    try:
        try:
            existing = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            existing = None
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            raise UnsafePath(
                f"« {relpath} » est un lien symbolique ou n’est pas un fichier ordinaire"
            )
        temporary = f".{name}.{secrets.token_hex(6)}.tmp"
        out = os.open(temporary, _NEW_FLAGS, 0o644, dir_fd=fd)
        try:
            with os.fdopen(out, "wb") as handle:
                handle.write(data)
            os.replace(temporary, name, src_dir_fd=fd, dst_dir_fd=fd)
        except BaseException:
            try:
                os.unlink(temporary, dir_fd=fd)
            except OSError:
                pass
            raise
    finally:
        os.close(fd)
