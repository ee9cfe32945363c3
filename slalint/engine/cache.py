"""The result cache: a document's findings keyed by its content, slalint's version (and its
code files' sizes and times), the configuration and the rule set in force, so re-checking an unchanged folder is instant.

Entries live in `.slalint_cache/` beside the config file (or the user cache dir), one
pickle per key, written atomically (temp file in the same folder, then os.replace). A
corrupt or unreadable entry is treated as a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from slalint import __version__
from slalint.atomicio import write_bytes_atomic

FORMAT = 1


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """Size and mtime of every slalint module and data file: an edited analysis module or
    check (a development install, a patched release) invalidates the cache like a new
    version does. Computed once per process."""
    root = Path(__file__).resolve().parent.parent
    roots = [root]
    try:
        from slalint.resources import models_dir

        roots.append(models_dir())
    except FileNotFoundError:
        pass
    h = hashlib.sha256()
    for dirpath, dirnames, files in (w for r in roots for w in os.walk(r)):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".yaml", ".yml", ".json", ".cfg", ".jsonl", ".txt")):
                try:
                    st = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                h.update(f"{dirpath}/{name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def cache_key(content_sha256: str, path: str, config_digest: str, ruleset_digest: str) -> str:
    raw = "\x1f".join([str(FORMAT), __version__, code_digest(), content_sha256, os.path.abspath(path),
                        config_digest, ruleset_digest])
    return hashlib.sha256(raw.encode()).hexdigest()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Any | None:
        try:
            with open(self._file(key), "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss
            return None

    def put(self, key: str, value: Any) -> None:
        target = self._file(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.folder / ".gitignore"
            if not gitignore.exists():
                _atomic_write(gitignore, b"*\n")
            _atomic_write(target, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only folder only costs speed


def _atomic_write(target: Path, data: bytes) -> None:
    write_bytes_atomic(target, data, durable=False)
