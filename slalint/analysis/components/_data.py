"""Reading the pattern data in ``models/patterns/*.jsonl`` (one JSON object a line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The objects of a JSONL file; blank lines and lines starting with ``//`` are skipped."""
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("//"):
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON pattern line ({exc.msg})") from None
    return rows


def pattern_file(path: str, default_name: str) -> Path:
    """``path`` when given (the config passes ``${paths.patterns}/<name>.jsonl``), else the
    packaged ``models/patterns/<default_name>``."""
    if path:
        return Path(path)
    from slalint.resources import models_dir

    return models_dir() / "patterns" / default_name
