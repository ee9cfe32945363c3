"""A portfolio of agreements summarised for an audit: one row per agreement, totals across.

An MSP owner auditing forty legacy contracts asks the same questions of each: how bad is it
(a score and the findings by severity), which checklist provisions are missing (coverage of
the topics in ``spec/topics.md``), who holds the dangerous rights (who may terminate,
suspend or change the agreement; whose liability is capped), and when does it renew (auto
renewal, the notice needed to stop it, the term). :func:`summarise` answers them for one
:class:`~slalint.engine.findings.DocumentResult` as a small picklable :class:`DocumentRow`;
:func:`build_portfolio` gathers the rows, the most frequent findings and the files that
could not be read.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from slalint.analysis.facts import TOPIC_IDS

SEVERITIES = ("error", "warning", "info")
SEVERITY_WEIGHT = {"error": 0.90, "warning": 0.97, "info": 0.995}
"""Score multipliers: each error keeps 90% of the remaining score, each warning 97%, each
info 99.5%. A clean agreement scores 100; five errors bring it to 59, fifteen to 21."""

RIGHTS = (
    ("terminate_for_cause", "Terminate for cause"),
    ("terminate_for_convenience", "Terminate for convenience"),
    ("suspend", "Suspend services"),
    ("amend", "Amend unilaterally"),
    ("liability_capped", "Liability capped"),
)
"""Rights-matrix columns: key and heading."""

_RIGHT_ACTIONS = {
    "terminate_for_cause": ("terminate_for_cause",),
    "terminate_for_convenience": ("terminate_for_convenience",),
    "suspend": ("suspend",),
    "amend": ("modify",),
}
_RIGHT_FACTS = {
    "terminate_for_cause": "termination_for_cause_by",
    "terminate_for_convenience": "termination_for_convenience_by",
    "suspend": "suspension_by",
    "amend": "unilateral_amendment_by",
    "liability_capped": "liability_capped_for",
}
ROLES = ("provider", "customer")


@dataclass
class FindingRow:
    """One finding as the report lists it."""

    code: str
    name: str
    severity: str
    message: str
    section: str
    quote: str = ""
    status: str = "open"


@dataclass
class DocumentRow:
    """One agreement of the portfolio, summarised.

    ``coverage`` maps every topic id to "present" / "absent" / "unknown" (and
    ``coverage_where`` to the section that provides it); ``rights`` maps each
    :data:`RIGHTS` key to the set of roles holding it ("provider", "customer", or a party
    name), or None when the analysis could not tell; ``renewal`` holds "auto_renews"
    (True/False/None), "notice" and "term" (stated periods, "" when none was found).
    """

    path: str
    kind: str = "other"
    format: str = ""
    title: str = ""
    counts: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    score: int = 100
    coverage: dict[str, str] = field(default_factory=dict)
    coverage_where: dict[str, str] = field(default_factory=dict)
    rights: dict[str, frozenset[str] | None] = field(default_factory=dict)
    renewal: dict[str, Any] = field(default_factory=dict)
    findings: list[FindingRow] = field(default_factory=list)
    name: str = ""
    parties: list[tuple[str, str]] = field(default_factory=list)
    """(role or "", legal name) of each party the analysis found."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class FrequentFinding:
    """A rule's findings across the portfolio."""

    code: str
    name: str
    severity: str
    findings: int
    documents: int


@dataclass
class Portfolio:
    """Everything the report shows."""

    rows: list[DocumentRow]
    errors: list[dict[str, str]] = field(default_factory=list)
    frequent: list[FrequentFinding] = field(default_factory=list)
    generated: str = ""
    version: str = ""

    @property
    def totals(self) -> dict[str, int]:
        return {s: sum(r.counts.get(s, 0) for r in self.rows) for s in SEVERITIES}

    @property
    def average_score(self) -> float | None:
        return sum(r.score for r in self.rows) / len(self.rows) if self.rows else None

    def topic_presence(self) -> dict[str, int]:
        """Per topic, the number of agreements where it is present."""
        return {t: sum(1 for r in self.rows if r.coverage.get(t) == "present") for t in TOPIC_IDS}


def score(counts: Mapping[str, int]) -> int:
    """The agreement's score, 0-100, from its open findings by severity (see SEVERITY_WEIGHT)."""
    value = 100.0
    for sev, weight in SEVERITY_WEIGHT.items():
        value *= weight ** max(0, counts.get(sev, 0))
    return int(value + 1e-9)


def _roles(value: Any) -> frozenset[str] | None:
    """A fact value ("provider", "both", "none", ["provider", "customer"], None) as roles."""
    if value is None or value == "unknown":
        return None
    if isinstance(value, str):
        v = value.strip().lower()
        if v in ("both", "either", "mutual", "each"):
            return frozenset(ROLES)
        if v in ("none", "neither", ""):
            return frozenset()
        return frozenset({v if v in ROLES else " ".join(value.split())})
    if isinstance(value, (list, tuple, set, frozenset)):
        out: set[str] = set()
        for item in value:
            r = _roles(item)
            if r:
                out |= r
        return frozenset(out)
    if isinstance(value, Mapping):
        return frozenset(k for k, v in value.items() if v)
    return None


def _statement_roles(analysis: Any, actions: tuple[str, ...], any_modality: bool = False) -> frozenset[str]:
    out: set[str] = set()
    for st in getattr(analysis, "statements", ()) or ():
        if st.action not in actions or not st.bearer:
            continue
        if not any_modality and st.modality != "right":
            continue
        if st.modality == "prohibition":
            continue
        out |= set(ROLES) if st.bearer == "both" else {st.bearer}
    return frozenset(out)


def rights_of(facts: Mapping[str, Any], analysis: Any = None) -> dict[str, frozenset[str] | None]:
    """Who holds each right of :data:`RIGHTS`: from the document facts where the analysis
    states them, else from its rights and duties (statements); None when unknown."""
    out: dict[str, frozenset[str] | None] = {}
    for key, _ in RIGHTS:
        fact = _RIGHT_FACTS[key]
        value = _roles(facts.get(fact)) if fact in facts else None
        if value is None and analysis is not None:
            if key == "liability_capped":
                value = _statement_roles(analysis, ("limit_liability",), any_modality=True)
            else:
                value = _statement_roles(analysis, _RIGHT_ACTIONS[key])
        out[key] = value
    return out


_NUM_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-?five|forty|fifty|sixty|ninety|hundred|twenty-?four|thirty-?six|one hundred (?:and )?twenty|one hundred (?:and )?eighty)"
_PERIOD = re.compile(
    rf"\b(?:(?:{_NUM_WORDS})\s*\(\s*(\d+)\s*\)|(\d+)|({_NUM_WORDS}))[\s-]*(calendar |business |working )?(day|month|year|week)s?\b",
    re.I,
)


def stated_period(text: str) -> str:
    """The first period stated in ``text`` ("thirty (30) days" -> "30 days"), or ""."""
    m = _PERIOD.search(text or "")
    if not m:
        return ""
    number = m.group(1) or m.group(2) or m.group(3).lower()
    unit = m.group(5).lower()
    qualifier = (m.group(4) or "").lower()
    plural = "" if number in ("1", "one") else "s"
    return f"{number} {qualifier}{unit}{plural}"


def _period_for(topic: str, coverage: Mapping[str, Any], analysis: Any) -> str:
    cov = coverage.get(topic)
    if cov is None or getattr(cov, "status", None) != "present":
        return ""
    evidence = list(getattr(cov, "evidence", ()) or ())
    if analysis is not None:
        paragraphs = {(e.anchor.part, e.anchor.paragraph) for e in evidence if e.anchor is not None}
        for q in getattr(analysis, "quantities", ()) or ():
            a = q.evidence.anchor
            if q.kind == "duration" and a is not None and (a.part, a.paragraph) in paragraphs:
                found = stated_period(q.text)
                if found:
                    return found
    for e in evidence:
        found = stated_period(e.quote)
        if found:
            return found
    return ""


def renewal_of(facts: Mapping[str, Any], coverage: Mapping[str, Any], analysis: Any = None) -> dict[str, Any]:
    """Auto-renewal, the notice needed to stop a renewal, and the term."""
    auto = facts.get("auto_renews")
    if auto is None and "auto_renewal" in coverage:
        status = getattr(coverage["auto_renewal"], "status", None)
        auto = True if status == "present" else (False if status == "absent" else None)
    notice = _period_for("renewal_notice", coverage, analysis)
    return {
        "auto_renews": auto if isinstance(auto, bool) else None,
        "notice_stated": facts.get("renewal_notice_stated"),
        "notice": notice,
        "term": _period_for("term", coverage, analysis),
    }


_ROLE_WORDS = {"provider", "customer", "supplier", "buyer", "client", "vendor", "party", "parties", "contractor",
               "company", "licensor", "licensee", "service provider"}


def parties_of(value: Any) -> list[tuple[str, str]]:
    """(role, name) of the parties named in the facts, those with a role first; an "alias"
    that is only a role word ("Provider") is not a name."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for party in value or ():
        if not isinstance(party, Mapping) or not party.get("name"):
            continue
        name = " ".join(str(party["name"]).split())
        if name.lower() in _ROLE_WORDS or name.lower() in seen:
            continue
        seen.add(name.lower())
        out.append((str(party.get("role") or ""), name))
    out.sort(key=lambda rn: 0 if rn[0] else 1)
    return out


def _section_name(finding: Any) -> str:
    loc = finding.location
    if loc is None:
        return ""
    if loc.section and loc.title:
        return f"{loc.section} {loc.title}"
    return loc.section or loc.title or ""


def summarise(result: Any) -> DocumentRow:
    """One document's row. Works on a result with or without its analysis attached (the
    rights and periods are then taken from the facts and coverage evidence alone)."""
    row = DocumentRow(path=result.path, kind=result.kind or "other", format=result.format or "")
    doc = getattr(result, "document", None)
    if doc is not None:
        row.title = (getattr(doc, "title", "") or "").strip()
    for f in result.findings:
        status = getattr(f, "status", "open") or "open"
        if status in ("accepted-risk", "false-positive"):
            continue
        if f.severity in row.counts:
            row.counts[f.severity] += 1
        row.findings.append(FindingRow(f.code, f.name, f.severity, " ".join(str(f.message).split()), _section_name(f), f.quote or "", status))
    row.findings.sort(key=lambda x: (SEVERITIES.index(x.severity) if x.severity in SEVERITIES else len(SEVERITIES), x.code))
    row.score = score(row.counts)
    for topic in TOPIC_IDS:
        cov = result.coverage.get(topic)
        row.coverage[topic] = getattr(cov, "status", "unknown") if cov is not None else "unknown"
        if cov is not None and cov.evidence:
            e = cov.evidence[0]
            row.coverage_where[topic] = " ".join(x for x in (e.section or "", e.title or "") if x).strip() or _clip(e.quote, 60)
    row.parties = parties_of((result.facts or {}).get("parties"))
    analysis = getattr(result, "analysis", None)
    row.rights = rights_of(result.facts or {}, analysis)
    row.renewal = renewal_of(result.facts or {}, result.coverage, analysis)
    return row


def _clip(text: str, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def display_names(paths: list[str]) -> dict[str, str]:
    """Short unique names: each path relative to the folder all of them share."""
    if not paths:
        return {}
    absolute = [os.path.abspath(p) for p in paths]
    try:
        common = os.path.commonpath([os.path.dirname(p) for p in absolute])
    except ValueError:
        return {p: p for p in paths}
    return {p: os.path.relpath(a, common) for p, a in zip(paths, absolute)}


def frequent_findings(rows: Iterable[DocumentRow], limit: int = 20) -> list[FrequentFinding]:
    """Rules by the number of agreements they fire on (then by findings), most frequent first."""
    count: Counter[str] = Counter()
    docs: Counter[str] = Counter()
    meta: dict[str, tuple[str, str]] = {}
    for row in rows:
        seen: set[str] = set()
        for f in row.findings:
            count[f.code] += 1
            meta.setdefault(f.code, (f.name, f.severity))
            if f.code not in seen:
                docs[f.code] += 1
                seen.add(f.code)
    ranked = sorted(count, key=lambda c: (-docs[c], -count[c], c))
    return [FrequentFinding(c, meta[c][0], meta[c][1], count[c], docs[c]) for c in ranked[:limit]]


def build_portfolio(rows: Iterable[DocumentRow], errors: Iterable[Mapping[str, str]] = (), generated: str = "", version: str = "") -> Portfolio:
    """The portfolio of ``rows`` (sorted worst score first, then by name) and read errors."""
    rows = list(rows)
    names = display_names([r.path for r in rows])
    for r in rows:
        r.name = names.get(r.path, r.path)
    rows.sort(key=lambda r: (r.score, r.name))
    errs = [{"path": str(e.get("path", "")), "error": str(e.get("error", e.get("message", "")))} for e in errors]
    return Portfolio(rows=rows, errors=errs, frequent=frequent_findings(rows), generated=generated, version=version)
