"""Linting one corpus agreement with the rules of one pack, once per run: several corpus
tests look at the findings of the same agreement."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from slalint.config import Config
from slalint.engine.findings import Finding
from slalint.engine.lint import lint_document
from slalint.engine.loader import load_ruleset
from slalint.readers import read_document


@lru_cache(maxsize=None)
def pack_findings(path: Path, pack: str) -> tuple[Finding, ...]:
    """The findings of the agreement at ``path`` under the rules of ``pack``."""
    rules = [r for r in load_ruleset().rules if r.pack == pack]
    return tuple(lint_document(read_document(path), Config(), triage=False, rules=rules).findings)
