"""Fixed lint results for report tests (no engine, no spaCy)."""

from __future__ import annotations

from slalint.analysis.facts import TOPIC_IDS, Analysis, Coverage, Evidence, Quantity, Statement
from slalint.document.model import Anchor, Document, Metadata, Section
from slalint.engine.findings import DocumentResult, Finding, Location


def ev(quote: str, paragraph: int = 0, section: str | None = "1", title: str = "") -> Evidence:
    return Evidence(section, title, Anchor("body", paragraph, 0, len(quote)), quote)


def result(path: str, *, findings=(), present=(), absent=None, facts=None, statements=(), quantities=(), kind="msa",
           evidence=None, title="") -> DocumentResult:
    """A result whose coverage is "present" for ``present``, "absent" for ``absent`` (default:
    every other topic) and "unknown" for the rest."""
    evidence = evidence or {}
    absent = set(TOPIC_IDS) - set(present) if absent is None else set(absent)
    coverage = {}
    for t in TOPIC_IDS:
        if t in present:
            coverage[t] = Coverage("present", [evidence.get(t, ev(f"{t} clause", section="2", title=t.title()))])
        elif t in absent:
            coverage[t] = Coverage("absent")
        else:
            coverage[t] = Coverage("unknown")
    doc = Document(path=path, metadata=Metadata("docx", "0" * 64, title=title), root=Section(title=title))
    analysis = Analysis(document=doc, kind=kind, statements=list(statements), quantities=list(quantities), coverage=coverage)
    fs = [
        Finding(code=c, name=n, severity=s, message=m, location=Location(file=path, section=sec, title="Terms", anchor=Anchor("body", 3, 0, 5)),
                quote=q, fingerprint=f"{c}-{i}")
        for i, (c, n, s, m, sec, q) in enumerate(findings)
    ]
    return DocumentResult(path=path, sha256="0" * 64, format="docx", kind=kind, facts=dict(facts or {}), coverage=coverage,
                          findings=fs, document=doc, analysis=analysis)


def stmt(bearer: str, action: str, modality: str = "right", text: str = "may") -> Statement:
    return Statement(modality=modality, bearer=bearer, action=action, evidence=ev(text))


def duration(text: str, paragraph: int) -> Quantity:
    return Quantity(kind="duration", text=text, value=None, unit="day", evidence=ev(text, paragraph))


def portfolio_results():
    """Three agreements: a good one, a flawed legacy one, and a hostile-text one."""
    good = result(
        "/contracts/acme/good-msa.docx",
        present=TOPIC_IDS,
        facts={"termination_for_cause_by": "both", "termination_for_convenience_by": "customer", "auto_renews": True,
               "renewal_notice_stated": True},
        statements=[stmt("provider", "limit_liability", "obligation"), stmt("customer", "limit_liability", "obligation")],
        evidence={"renewal_notice": ev("either party gives at least sixty (60) days' notice of non-renewal", 12),
                  "term": ev("an initial term of three (3) years", 11)},
        findings=[("DRAFT-001", "undefined-term", "info", "'Service Window' is used as a defined term but never defined.", "1.2", "Service Window")],
        title="Managed Services Agreement",
    )
    legacy = result(
        "/contracts/acme/legacy/old-sla.docx",
        present=("scope", "service_levels", "termination", "auto_renewal", "fees", "term"),
        absent=("exclusions", "remedies", "renewal_notice", "limitation_of_liability"),
        facts={"termination_for_cause_by": "provider", "termination_for_convenience_by": "none", "auto_renews": True,
               "renewal_notice_stated": False,
               "parties": [{"name": "Acme IT Ltd", "role": "provider"}, {"name": "Widget <Co>", "role": "customer"}]},
        statements=[stmt("provider", "suspend"), stmt("provider", "modify")],
        findings=[
            ("SLA-007", "service-levels-without-remedy", "error", "Service levels are set but no remedy is given.", "4", ""),
            ("SLA-012", "auto-renewal-without-notice", "error", "Renews automatically with no notice period.", "9.2", "renews automatically"),
            ("SLA-009", "one-sided-termination", "warning", "Only the Provider may terminate for cause.", "9.1", "The Provider may terminate"),
            ("DRAFT-001", "undefined-term", "info", "'Uptime' is used but never defined.", "4.1", "Uptime"),
        ],
    )
    hostile = result(
        "/contracts/acme/<script>alert(1)</script>|evil.md",
        present=("scope",),
        absent=None,
        facts={},
        findings=[("DRAFT-009", "placeholder-left", "warning", 'Placeholder "<img src=x onerror=alert(1)>" | left in text.', "2", "</td></tr><script>alert(2)</script>")],
        kind="other",
    )
    return [good, legacy, hostile]
