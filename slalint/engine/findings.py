"""Findings: what a rule says about an agreement, and the results of a lint run.

A finding names the rule (stable code and kebab-case name), how serious it is, what is
wrong (message), which checklist topics it concerns, where (file, section, exact anchor),
the quoted words, the evidence, the suggested clause, and a fingerprint that survives
renumbering and unrelated edits so baselines and triage decisions stay attached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from slalint.analysis.facts import Coverage, Evidence
from slalint.document import Anchor

Severity = Literal["info", "warning", "error"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
TRIAGE_STATUSES = ("open", "accepted-risk", "false-positive", "to-fix", "needs-counsel")
"""Triage decisions a reviewer can take; accepted-risk and false-positive stop failing CI."""


@dataclass(frozen=True)
class Location:
    """Where a finding points: file, section reference and title, anchor (with span)."""

    file: str
    section: str | None = None
    title: str = ""
    anchor: Anchor | None = None
    section_path: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "title": self.title,
            "anchor": self.anchor.to_dict() if self.anchor else None,
            "section_path": list(self.section_path),
        }


@dataclass
class Finding:
    """One problem found by one rule in one document."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location
    topics: tuple[str, ...] = ()
    quote: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    suggestion: str | None = None
    suggestion_id: str | None = None
    fingerprint: str = ""
    pack: str = ""
    status: str = "open"
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "topics": list(self.topics),
            "location": self.location.to_dict(),
            "quote": self.quote,
            "evidence": [e.to_dict() for e in self.evidence],
            "suggestion": self.suggestion,
            "suggestion_id": self.suggestion_id,
            "fingerprint": self.fingerprint,
            "pack": self.pack,
            "status": self.status,
        }


@dataclass
class DocumentResult:
    """The lint result for one file: findings plus the coverage and facts behind them.

    ``document`` and ``analysis`` are kept for the TUI and annotate (not serialised);
    ``error`` is the one-line read error when the file could not be read.
    """

    path: str
    sha256: str = ""
    format: str = ""
    kind: str = "other"
    facts: dict[str, Any] = field(default_factory=dict)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    document: Any = None
    analysis: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "kind": self.kind,
            "facts": self.facts,
            "coverage": {k: v.to_dict() for k, v in self.coverage.items()},
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class RunResult:
    """The result of linting many files: documents, a summary, and read errors."""

    documents: list[DocumentResult] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
