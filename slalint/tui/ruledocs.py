"""Rule documentation for the detail pane: why a rule matters, and its references.

Looked up by rule code or name in the engine's rule set (built-in packs plus the user's
rule folders from the configuration). Loading the packs parses YAML, so the app does it
in its worker thread (:meth:`RuleDocs.preload`); if the engine cannot load them, the pane
simply says no explanation is available. Pure Python: no Textual.
"""

from __future__ import annotations

import threading
from typing import Any, Mapping


class RuleDocs:
    """Rule docs by code or name, loaded once, thread-safe."""

    def __init__(self, config: Any = None, table: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self.config = config
        """The loaded configuration (for extra rule folders), or None."""
        self._table: dict[str, dict[str, Any]] | None = (
            {k: dict(v) for k, v in table.items()} if table is not None else None
        )
        """Docs by code and by name; None until loaded."""
        self._lock = threading.Lock()
        self.error: str | None = None
        """Why the rule packs could not be loaded, if they could not."""

    def preload(self) -> None:
        """Load the rule packs now (call from a worker thread)."""
        with self._lock:
            if self._table is not None:
                return
            table: dict[str, dict[str, Any]] = {}
            try:
                from slalint.engine.loader import load_ruleset

                folders = _extra_folders(self.config)
                ruleset = load_ruleset(folders)
                for rule in list(getattr(ruleset, "rules", []) or []):
                    docs = dict(getattr(rule, "docs", {}) or {})
                    docs.setdefault("summary", getattr(rule, "summary", ""))
                    table[rule.code] = docs
                    table[rule.name] = docs
            except Exception as exc:  # the pane degrades to "no explanation available"
                self.error = f"{type(exc).__name__}: {exc}".splitlines()[0]
            self._table = table

    def get(self, finding: Any) -> dict[str, Any] | None:
        """The docs of the finding's rule, or None."""
        if self._table is None:
            self.preload()
        assert self._table is not None
        return self._table.get(finding.code) or self._table.get(finding.name)

    def why(self, code: str) -> str | None:
        """The "why it matters" text of a rule code (for the annotated Word copy)."""
        if self._table is None:
            self.preload()
        assert self._table is not None
        docs = self._table.get(code) or {}
        return docs.get("why") or None


def _extra_folders(config: Any) -> list[str]:
    for key in ("rule_folders", "extra_rules", "rules_dirs", "rule_dirs", "extra_rule_folders"):
        value = getattr(config, key, None) if config is not None else None
        if value is None and isinstance(config, dict):
            value = config.get(key)
        if value:
            return [str(v) for v in value]
    return []
