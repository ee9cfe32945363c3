"""Baselines: adopt slalint on a folder of legacy contracts without fixing them all first.

`--write-baseline FILE` records every current finding; `--baseline FILE` hides the findings
recorded there so only new ones count. Entries match on (file path relative to the
baseline, fingerprint): fingerprints ignore section numbers, so renumbering keeps them.
Rewriting a baseline drops entries that no longer occur (fixed) and keeps the `reason` and
`reviewer` a person wrote on entries that remain (accepted deviations).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from slalint import __version__
from slalint.atomicio import write_text_atomic
from slalint.engine.findings import RunResult
from slalint.errors import ConfigError

FORMAT_VERSION = 1


def _rel(path: str, base: Path) -> str:
    p = Path(path).resolve()
    try:
        return p.relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(p, base.resolve())).as_posix()


def load_baseline(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{p}: baseline file not found (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read baseline: {exc}") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "fingerprint" in e and "path" in e for e in entries):
        raise ConfigError(f"{p}: not a slalint baseline (expected {{\"entries\": [{{\"path\", \"fingerprint\", ...}}]}})")
    return entries


def apply_baseline(run: RunResult, path: str | Path) -> int:
    """Remove baselined findings from ``run`` (in place); returns how many were hidden."""
    base = Path(path).resolve().parent
    budget = Counter((e["path"], e["fingerprint"]) for e in load_baseline(path))
    hidden = 0
    for doc in run.documents:
        rel = _rel(doc.path, base)
        kept = []
        for f in doc.findings:
            key = (rel, f.fingerprint)
            if budget[key] > 0:
                budget[key] -= 1
                hidden += 1
            else:
                kept.append(f)
        doc.findings = kept
    return hidden


def write_baseline(run: RunResult, path: str | Path) -> int:
    """Write every finding of ``run`` as the new baseline (atomically); keep reason and
    reviewer of entries that remain. Returns the number of entries."""
    target = Path(path)
    previous: dict[tuple[str, str], list[dict[str, Any]]] = {}
    if target.exists():
        try:
            for e in load_baseline(target):
                previous.setdefault((e["path"], e["fingerprint"]), []).append(e)
        except ConfigError:
            previous = {}
    base = target.resolve().parent
    entries = []
    for doc in run.documents:
        rel = _rel(doc.path, base)
        for f in doc.findings:
            entry: dict[str, Any] = {
                "path": rel, "code": f.code, "name": f.name, "fingerprint": f.fingerprint,
                "section": f.location.section, "title": f.location.title, "quote": f.quote[:200],
            }
            olds = previous.get((rel, f.fingerprint))
            if olds:
                old = olds.pop(0)
                for key in ("reason", "reviewer"):
                    if old.get(key):
                        entry[key] = old[key]
            entries.append(entry)
    entries.sort(key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    data = {"version": FORMAT_VERSION, "slalint": __version__, "entries": entries}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)
    return len(entries)
