"""Facts the analysis layer finds in an agreement, for rules to check.

Rules need facts, not strings: which terms are defined and where they are used, who the
parties are, who may terminate or suspend, which sections are cross-referenced, which
periods and percentages are stated, and which checklist topics (`../shared/spec/topics.md`)
the document covers. These classes are the contract between `slalint.analysis` (which
fills them) and the rule engine, reporters and TUI (which read them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from slalint.document import Anchor, Document

TOPIC_IDS: tuple[str, ...] = (
    "scope", "exclusions", "warranties", "warranty_disclaimer", "limitation_of_liability",
    "indemnification", "labor_services", "definitions", "customer_obligations",
    "service_levels", "response_times", "remedies", "termination",
    "termination_for_convenience", "term", "auto_renewal", "renewal_notice", "fees",
    "security", "data_protection", "confidentiality", "reporting", "upgrades",
    "service_review", "escalation", "support_hours", "exit_transition", "governing_law",
    "dispute_resolution", "force_majeure", "insurance", "audit_rights", "assignment",
    "signature",
)
"""The checklist topic ids, verbatim from spec/topics.md, in its order."""

FACT_KEYS: tuple[str, ...] = (
    "parties", "termination_for_cause_by", "termination_for_convenience_by", "auto_renews",
    "renewal_notice_stated", "service_levels_have_remedy",
)
"""The document-level facts of spec/topics.md."""

TopicStatus = Literal["present", "absent", "unknown"]
Modality = Literal["obligation", "right", "prohibition"]
Role = Literal["provider", "customer"]


@dataclass(frozen=True)
class Evidence:
    """Where a fact was found: section reference and title, exact anchor, quoted words."""

    section: str | None
    title: str
    anchor: Anchor
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "title": self.title, "anchor": self.anchor.to_dict(), "quote": self.quote}


@dataclass
class Sentence:
    """A sentence of the body text, with the section that holds it."""

    text: str
    evidence: Evidence
    topics: tuple[str, ...] = ()


@dataclass
class TermUse:
    """One use of a defined (or candidate) term."""

    text: str
    evidence: Evidence
    in_definition_of: str | None = None
    before_definition: bool = False
    lowercase: bool = False


@dataclass
class DefinedTerm:
    """A term the agreement defines, and how it is used.

    ``how``: "means" ("X" means / shall mean), "parenthetical" ((the "Effective Date")),
    "party" (Acme Corp. ("Provider")), "bold" (bold-only term in a definitions section),
    "table" (a definitions table), "external" (defined in the Master Agreement or another
    document named by ``source``), "reference" (has the meaning given in Section X).
    """

    term: str
    definition: str
    evidence: Evidence
    how: str = "means"
    alternates: tuple[str, ...] = ()
    source: str | None = None
    uses: list[TermUse] = field(default_factory=list)
    duplicates: list[Evidence] = field(default_factory=list)


@dataclass
class UndefinedTerm:
    """A capitalised term used as if defined, but defined nowhere we can see."""

    term: str
    uses: list[Evidence] = field(default_factory=list)


@dataclass
class Party:
    """A party to the agreement: legal name, defined alias(es), normalised role."""

    name: str
    role: Role | None = None
    aliases: tuple[str, ...] = ()
    evidence: Evidence | None = None


@dataclass
class Statement:
    """A right, duty or prohibition in one sentence: who bears it and what it is about.

    ``bearer`` is "provider", "customer", "both" (either/each/both parties), a party name
    when no role is known, or None when nobody can be resolved. ``action`` is one of
    "terminate", "terminate_for_cause", "terminate_for_convenience", "suspend", "renew",
    "modify", "indemnify", "limit_liability", "audit", "pay", "provide", "notify", "other".
    ``qualifiers`` include "sole_discretion", "without_notice", "at_any_time", "with_notice".
    """

    modality: Modality
    bearer: str | None
    action: str
    evidence: Evidence
    bearer_text: str = ""
    qualifiers: tuple[str, ...] = ()


@dataclass
class CrossRef:
    """A cross-reference ("Section 4.2", "Schedule A", "Sections 4 to 6") and whether it
    resolves against the section tree (or an attached schedule/exhibit/annex)."""

    text: str
    kind: str
    target: str
    resolved: bool
    evidence: Evidence
    target_section: str | None = None
    external: bool = False


@dataclass
class Quantity:
    """A stated period, percentage, amount of money or count.

    ``kind``: "duration", "percentage", "money", "count". ``unit`` for durations: "minute",
    "hour", "business_hour", "day", "business_day", "calendar_day", "week", "month", "year";
    for money the ISO currency ("USD", "GBP", "EUR"); "percent" for percentages.
    ``words_value``/``digits_value`` are set when both are written ("thirty (30) days");
    ``mismatch`` is True when they disagree ("thirty (45) days").
    """

    kind: str
    text: str
    value: float | None
    unit: str | None
    evidence: Evidence
    words_value: float | None = None
    digits_value: float | None = None
    mismatch: bool = False


@dataclass
class TopicHit:
    """Evidence that a section or paragraph makes a provision on a checklist topic."""

    topic: str
    evidence: Evidence
    source: Literal["heading", "body", "table", "definition"] = "body"
    weight: float = 1.0


@dataclass
class Coverage:
    """Whether the document as a whole makes a provision on a topic."""

    status: TopicStatus
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "evidence": [{"section": e.section, "quote": e.quote} for e in self.evidence],
        }


@dataclass
class Analysis:
    """Everything the analysis found in one document.

    ``kind`` is the document's kind: "msa", "sla", "sow", "order_form", "definitions",
    "schedule", "nda", "dpa", "terms" (online terms of service), or "other".
    ``facts`` holds the FACT_KEYS of spec/topics.md with JSON-ready values.
    """

    document: Document
    kind: str = "other"
    sentences: list[Sentence] = field(default_factory=list)
    glossary: dict[str, DefinedTerm] = field(default_factory=dict)
    undefined_terms: list[UndefinedTerm] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    cross_refs: list[CrossRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    topic_hits: list[TopicHit] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    external_glossaries: list[Evidence] = field(default_factory=list)
    """Sentences saying capitalised terms not defined here take their meaning from another
    document ("... have the meanings given in the Master Agreement"); when present, no
    undefined-term candidates are reported."""

    def rights_matrix(self) -> dict[str, dict[str, list[Statement]]]:
        """Per party role ("provider", "customer", other names) and action: the rights
        (modality "right") it holds. "both" statements count for both roles."""
        matrix: dict[str, dict[str, list[Statement]]] = {}
        for st in self.statements:
            if st.modality != "right" or not st.bearer:
                continue
            bearers = ["provider", "customer"] if st.bearer == "both" else [st.bearer]
            for b in bearers:
                matrix.setdefault(b, {}).setdefault(st.action, []).append(st)
        return matrix
