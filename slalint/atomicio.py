"""Atomic file writes: readers of a report, a review file, a cache entry or an annotated
copy see the old file or the new one, never a torn one.

The data goes to a temporary file in the target's folder (same file system), is flushed and
fsynced, keeps the permissions of the file it replaces (or the umask's defaults for a new
one), and is renamed over the target with ``os.replace``; the folder is fsynced after. If
anything fails the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, durable: bool = True,
    _before_replace: Callable[[Path], None] | None = None,
) -> None:
    """Atomically replace ``path`` with ``data``. ``durable=False`` skips the fsyncs
    (for caches, where losing the newest entry in a power cut costs only speed)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        try:
            mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
            os.chmod(tmp, mode)
        except OSError:
            pass
        if _before_replace is not None:
            _before_replace(tmp)
        os.replace(tmp, target)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    if durable:
        _fsync_dir(folder)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, durable: bool = True,
    _before_replace: Callable[[Path], None] | None = None,
) -> None:
    """Atomically replace ``path`` with ``text`` (UTF-8, "\\n" line ends)."""
    write_bytes_atomic(path, text.encode("utf-8"), durable=durable, _before_replace=_before_replace)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
