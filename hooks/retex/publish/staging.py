"""Atomic builds: the new site is written beside the old one and swapped in only when
the whole build succeeded.

``StagedSite(target)`` creates a hidden work folder next to ``target`` (same folder,
hence same file system), for example ``.site.retex-build-k2j4/`` next to ``site/``;
the build writes into its ``site/`` subfolder. Then:

* ``commit()`` puts the new site in place. On Linux this is one system call,
  ``renameat2(RENAME_EXCHANGE)``: the old and the new folder trade names atomically,
  and a reader (or a web server) sees either the whole old site or the whole new one.
  Where that call is missing, two renames: the old site into the work folder, the new
  one in its place; a crash between them leaves no ``target`` but the old site in the
  work folder, and the next build puts it back before doing anything else.
* ``discard()`` removes the work folder: ``target`` was never touched.

A process killed outright (SIGKILL, power loss) cannot clean up after itself: its work
folder stays until the next build, which removes every work folder that no running
build holds. A work folder is held by an exclusive ``flock`` on its ``.lock`` file,
which the system releases when the process ends, however it ends.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

MARK = ".retex-build-"
LOCK = ".lock"
NEW = "site"
PREVIOUS = "previous"
# A folder without a lock file: a build being created, or left by an older Retex (after an hour).
_UNLOCKED_GRACE = 3600.0

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class LockedDir:
    """A temporary folder held by this process (see ``clean_stale``)."""

    def __init__(self, parent: Path, prefix: str):
        parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
        self._fd: int | None = os.open(
            self.path / LOCK, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_NOFOLLOW, 0o600
        )
        fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def remove(self) -> None:
        remove_tree(self.path)
        self.release()

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _held(folder: Path) -> bool:
    """Whether a running process holds this work folder."""
    try:
        fd = os.open(folder / LOCK, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        try:
            return time.time() - folder.lstat().st_mtime < _UNLOCKED_GRACE
        except OSError:
            return False
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def clean_stale(parent: Path, prefix: str, restore: Path | None = None) -> list[Path]:
    """Remove the work folders ``parent/prefix*`` that no running process holds.

    ``restore``: the published folder; if it is missing and a stale work folder kept the
    previous site (a crash between the two renames of the fallback swap), it is put back.
    """
    removed = []
    try:
        candidates = sorted(p for p in parent.iterdir() if p.name.startswith(prefix))
    except OSError:
        return removed
    for folder in candidates:
        if folder.is_symlink() or not folder.is_dir() or _held(folder):
            continue
        kept = folder / PREVIOUS
        if restore is not None and not os.path.lexists(restore) and kept.is_dir():
            os.rename(kept, restore)
        remove_tree(folder)
        removed.append(folder)
    return removed


def remove_tree(path: Path) -> None:
    """Remove a folder, or the file or link standing in its place (never what a link
    points to)."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    path, fd = ctypes.c_char_p, ctypes.c_int
    renameat2.argtypes = [fd, path, fd, path, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    status = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


class StagedSite:
    """A build written beside ``target`` and swapped in by ``commit()``."""

    def __init__(self, target: Path):
        self.target = Path(os.path.abspath(target))  # a link named site/ is replaced, not followed
        prefix = f".{self.target.name}{MARK}"
        clean_stale(self.target.parent, prefix, restore=self.target)
        self._work = LockedDir(self.target.parent, prefix)
        self.path = self._work.path / NEW
        self.path.mkdir()
        self.done = False

    def commit(self) -> None:
        """Put the new site in place of ``target``, then remove the old one."""
        if self.done:
            return
        if not os.path.lexists(self.target):
            os.rename(self.path, self.target)
        elif not exchange(self.path, self.target):
            os.rename(self.target, self._work.path / PREVIOUS)
            os.rename(self.path, self.target)
        self.done = True
        self._work.remove()

    def discard(self) -> None:
        """Forget the new site: ``target`` stays exactly as it was."""
        if self.done:
            return
        self.done = True
        self._work.remove()
