"""Reading an input agreement's bytes: read-only, once, with every operating-system failure
turned into a one-line `DocumentReadError` naming the file ("no such file", "is a folder,
not a file", "permission denied", "file too large ...")."""

from __future__ import annotations

import os
from pathlib import Path

from slalint.errors import DocumentReadError


def read_source_bytes(path: str | os.PathLike[str], limit: int | None = None, what: str = "agreement") -> bytes:
    """The file's bytes; larger than ``limit`` bytes is an error (None: no limit)."""
    name = str(path)
    p = Path(path)
    try:
        if limit is not None:
            size = p.stat().st_size
            if size > limit:
                raise DocumentReadError(name, f"file too large for a {what} ({size // (1024 * 1024)} MB)")
        with open(p, "rb") as fh:
            return fh.read() if limit is None else fh.read(limit + 1)
    except FileNotFoundError:
        raise DocumentReadError(name, "no such file") from None
    except IsADirectoryError:
        raise DocumentReadError(name, "is a folder, not a file") from None
    except PermissionError:
        raise DocumentReadError(name, "permission denied") from None
    except OSError as exc:
        raise DocumentReadError(name, f"cannot read file: {exc.strerror or exc}") from None
