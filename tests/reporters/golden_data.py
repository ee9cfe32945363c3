"""One fixed result set holding every hard case a reporter must survive: unicode and smart
quotes, double quotes and XML/markdown metacharacters in clause text, a multi-line
suggestion, findings with no section (document-level), every severity, a triaged finding,
a DOCX (no line numbers) and a Markdown file (line numbers), and an unreadable file."""

from __future__ import annotations

from slalint.analysis.facts import TOPIC_IDS, Coverage, Evidence
from slalint.document import Anchor
from slalint.engine.builtin_rules import engine_rules
from slalint.engine.findings import DocumentResult, Finding, Location, RunResult
from slalint.engine.spec import RuleSpec


def _rule(code, name, severity, summary, why, groups=(), topics=(), link=None):
    return RuleSpec(code=code, name=name, summary=summary, severity=severity, kind="require", message="-", pack="sla",
                    path=f"rules/sla/{code}.yaml", groups=groups, topics=topics, link=link,
                    docs={"why": why, "example_fail": "x", "example_pass": "y", "references": []})


RULES = {r.code: r for r in engine_rules() + [
    _rule("SLA002", "missing-exclusions", "warning", "No exclusions are stated.",
          "Without exclusions every request looks in scope.", ("scope",), ("exclusions",)),
    _rule("SLA016", "auto-renewal-without-notice", "error", "Renews automatically with no notice period.",
          "An evergreen clause with no notice window locks the customer in.", ("renewal",), ("auto_renewal", "renewal_notice"),
          link="https://example.org/rules/SLA016"),
    _rule("FAIR002", "sole-discretion", "info", "A key right is at one party's sole discretion.",
          "Sole discretion lets one party act unreasonably.", ("fairness",), ()),
]}


def _coverage(present: dict[str, Evidence]) -> dict[str, Coverage]:
    return {t: Coverage("present", [present[t]]) if t in present else Coverage("absent" if t != "signature" else "unknown")
            for t in TOPIC_IDS}


def run_result() -> RunResult:
    ev_renew = Evidence("4.2", "Renewal – “Evergreen”", Anchor("body", 17, 0, 71),
                        "This Agreement renews automatically for successive one-year “Terms”.")
    ev_sole = Evidence("12.3(b)", "Suspension & <Termination>", Anchor("body", 40, 10, 58, line=41),
                       'Provider may suspend at its "sole discretion" — without notice.')
    facts = {"parties": [{"name": "Société Générale Services S.A.", "role": "provider"},
                         {"name": "Globex, Inc.", "role": "customer"}],
             "termination_for_cause_by": "both", "termination_for_convenience_by": "provider",
             "auto_renews": True, "renewal_notice_stated": False, "service_levels_have_remedy": "not applicable"}
    docx = DocumentResult(
        path="contracts/Société MSA.docx", sha256="a" * 64, format="docx", kind="msa", facts=facts,
        coverage=_coverage({"auto_renewal": ev_renew, "term": ev_renew}),
        findings=[
            Finding("SLA002", "missing-exclusions", "warning",
                    "No exclusions stated (out-of-scope work, or events excluded from service-level measurement)",
                    Location("contracts/Société MSA.docx"), topics=("exclusions",),
                    suggestion="The Services do not include:\n(a) scheduled maintenance;\n(b) customer-caused outages.",
                    suggestion_id="exclusions-standard", fingerprint="fp-doc-level-0001", pack="sla"),
            Finding("SLA016", "auto-renewal-without-notice", "error",
                    "Automatic renewal in 4.2 with no notice period or deadline for stopping it",
                    Location("contracts/Société MSA.docx", "4.2", "Renewal – “Evergreen”", ev_renew.anchor,
                             ("4 Term and Termination", "4.2 Renewal – “Evergreen”")),
                    topics=("auto_renewal", "renewal_notice"), quote=ev_renew.quote, evidence=[ev_renew],
                    fingerprint="fp-renewal-0002", pack="sla", status="accepted-risk", note="Approved by counsel, 2026-11"),
        ],
    )
    md = DocumentResult(
        path="contracts/sow-001.md", sha256="b" * 64, format="markdown", kind="sow",
        facts={**facts, "parties": [], "auto_renews": False, "renewal_notice_stated": None},
        coverage=_coverage({"scope": ev_sole}),
        findings=[
            Finding("FAIR002", "sole-discretion", "info", "'sole discretion' in 12.3(b): 100% one-sided, see \"Schedule 2\"",
                    Location("contracts/sow-001.md", "12.3(b)", "Suspension & <Termination>", ev_sole.anchor,
                             ("12 Suspension", "12.3 Rights", "12.3(b) Suspension & <Termination>")),
                    quote=ev_sole.quote, evidence=[ev_sole], fingerprint="fp-sole-0003", pack="fairness"),
        ],
    )
    clean = DocumentResult(path="contracts/clean.txt", sha256="c" * 64, format="text", kind="sla",
                           facts={k: None for k in facts}, coverage=_coverage({}))
    return RunResult(documents=[docx, md, clean],
                     errors=[{"path": "contracts/broken.docx", "error": "contracts/broken.docx: not a DOCX file (not a zip archive)"}])
