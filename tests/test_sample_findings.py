"""What each rule pack finds on the bundled samples (samples/README.md).

The flawed legacy agreement carries planted defects; each pack asserts that its rules find
exactly the defects that concern them, where they were planted, and nothing else. The
well-drafted agreement has no error-severity finding, and the statement of work names its
master agreement. The complete golden output of the flawed sample is
tests/golden/legacy-msp-agreement.findings.json (assembled from these per-pack sections).

Sections, one per pack, each with its own helper-free assertions:
- pack `sla` (the managed-services checklist)
- further packs add their own section below.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from slalint.config import Config
from slalint.engine.findings import Finding
from slalint.engine.lint import lint_document
from slalint.engine.loader import load_ruleset
from slalint.readers import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MSA = "msp-managed-services-agreement"
LEGACY = "legacy-msp-agreement"
SOW = "sow-network-refresh"


@lru_cache(maxsize=None)
def pack_findings(sample: str, suffix: str, pack: str) -> tuple[Finding, ...]:
    """Findings of one pack's rules (only) on one sample file."""
    rules = [r for r in load_ruleset().rules if r.pack == pack]
    assert rules, f"no rules in pack {pack}"
    document = read_document(SAMPLES / f"{sample}{suffix}")
    result = lint_document(document, Config(), triage=False, rules=rules)
    return tuple(result.findings)


def located(findings: tuple[Finding, ...]) -> list[tuple[str, str]]:
    """(rule name, section or "document") for each finding, sorted."""
    return sorted((f.name, f.location.section or "document") for f in findings)


# =========================================================================================
# pack `sla`: the managed-services checklist
# =========================================================================================

SLA_LEGACY_EXPECTED = sorted([
    # planted defects of samples/README.md that the sla pack owns, where they were planted
    ("missing-exclusions", "document"),
    ("missing-warranties", "document"),
    ("disclaimer-without-warranty", "9.1"),
    ("labor-services-undetailed", "2.3"),
    ("service-levels-without-remedy", "3.1"),
    ("response-times-without-priorities", "3.2"),
    ("one-sided-termination", "6.2"),
    ("one-sided-termination", "6.3"),
    ("auto-renewal-without-notice", "6.1"),
    ("missing-security", "document"),
    ("missing-reporting", "document"),
    ("missing-upgrades", "document"),
    ("missing-service-review", "document"),
])


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_sla_legacy_finds_exactly_the_planted_defects(suffix):
    found = located(pack_findings(LEGACY, suffix, "sla"))
    assert found == SLA_LEGACY_EXPECTED


def test_sla_legacy_messages_and_quotes_point_at_the_defects():
    by_name = {}
    for f in pack_findings(LEGACY, ".docx", "sla"):
        by_name.setdefault(f.name, []).append(f)
    assert "99.9%" in by_name["service-levels-without-remedy"][0].quote
    assert "four (4) hours" in by_name["response-times-without-priorities"][0].quote
    assert "automatically renew" in by_name["auto-renewal-without-notice"][0].quote
    assert '"AS IS"' in by_name["disclaimer-without-warranty"][0].quote
    assert "hourly rates" in by_name["labor-services-undetailed"][0].quote
    terminations = sorted(by_name["one-sided-termination"], key=lambda f: f.location.section or "")
    assert "for any reason" in terminations[0].quote and "convenience" in terminations[0].message
    assert "fails to pay" in terminations[1].quote and "for cause" in terminations[1].message
    assert all(f.severity == "error" for f in terminations)
    assert by_name["service-levels-without-remedy"][0].severity == "error"
    for f in pack_findings(LEGACY, ".docx", "sla"):
        assert f.suggestion, f"{f.code} has no suggested clause"


def test_sla_legacy_service_review_suggests_a_quarterly_review():
    review = [f for f in pack_findings(LEGACY, ".docx", "sla") if f.name == "missing-service-review"]
    assert len(review) == 1 and review[0].severity == "info"
    assert "quarter" in (review[0].suggestion or "").lower()


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_sla_well_drafted_agreement_has_no_sla_finding(suffix):
    findings = pack_findings(MSA, suffix, "sla")
    assert not [f for f in findings if f.severity == "error"]
    assert located(findings) == []


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_sla_statement_of_work_names_its_master_agreement(suffix):
    findings = pack_findings(SOW, suffix, "sla")
    assert "sow-without-master-agreement" not in {f.name for f in findings}
    assert located(findings) == []


# =========================================================================================
# pack `drafting`: drafting hygiene (undefined terms, cross-references, placeholders...)
# =========================================================================================

DRAFTING_LEGACY_EXPECTED = sorted([
    # planted defects of samples/README.md that the drafting pack owns, where they were planted
    ("number-mismatch", "5.2"),
    ("broken-cross-reference", "11.3"),
    ("broken-cross-reference", "1.2"),  # Schedule A, referenced in 1.2, 2.3 and 11.8: one finding
    ("placeholder-left", "document"),
    ("undefined-term", "3.3"),
    ("undefined-term", "1.7"),
])


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_drafting_legacy_finds_exactly_the_planted_defects(suffix):
    found = located(pack_findings(LEGACY, suffix, "drafting"))
    assert found == DRAFTING_LEGACY_EXPECTED


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_drafting_legacy_findings_beat_the_peer_tool(suffix):
    """contract-lint misses all of these: a term built on a defined one, a term used only
    inside a definition, a missing 9.4 when Section 9 exists, an unattached Schedule A;
    and it reports signature blanks as placeholders."""
    by_name: dict[str, list[Finding]] = {}
    for f in pack_findings(LEGACY, suffix, "drafting"):
        by_name.setdefault(f.name, []).append(f)
    undefined = {f.location.section: f for f in by_name["undefined-term"]}
    assert "Critical Incident" in undefined["3.3"].message and 'only "Incident" is defined' in undefined["3.3"].message
    assert "Downtime" in undefined["1.7"].message and 'inside the definition of "Uptime"' in undefined["1.7"].message
    xrefs = {f.location.section: f for f in by_name["broken-cross-reference"]}
    assert "Section 9.4" in xrefs["11.3"].message and "9.1-9.3" in xrefs["11.3"].message
    schedule = xrefs["1.2"]
    assert "Schedule A" in schedule.message and "not attached" in schedule.message and "(3 references)" in schedule.message
    assert [e.section for e in schedule.evidence] == ["1.2", "2.3", "11.8"]  # every place it is referenced
    assert all(f.severity == "error" for f in by_name["broken-cross-reference"])
    (placeholder,) = by_name["placeholder-left"]
    assert "[CUSTOMER ADDRESS]" in placeholder.message
    assert "____" not in " ".join(f.message for f in by_name["placeholder-left"])  # signature blanks
    (mismatch,) = by_name["number-mismatch"]
    assert "thirty (45) days" in mismatch.message and mismatch.severity == "error"


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_drafting_well_drafted_agreement_has_no_drafting_finding(suffix):
    findings = pack_findings(MSA, suffix, "drafting")
    assert not [f for f in findings if f.severity == "error"]
    assert located(findings) == []


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_drafting_statement_of_work_is_clean(suffix):
    findings = pack_findings(SOW, suffix, "drafting")
    assert not [f for f in findings if f.severity == "error"]
    assert located(findings) == []


# =========================================================================================
# pack `fairness`: one-sided rights and protections
# =========================================================================================

FAIRNESS_LEGACY_EXPECTED = sorted([
    ("unilateral-amendment", "11.1"),
    ("sole-discretion", "2.2"),
    ("suspension-without-notice", "5.4"),
    ("one-sided-indemnity", "9.3"),
    ("one-sided-liability-cap", "9.2"),
])


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_fairness_legacy_finds_exactly_the_planted_defects(suffix):
    found = located(pack_findings(LEGACY, suffix, "fairness"))
    assert found == FAIRNESS_LEGACY_EXPECTED


def test_fairness_legacy_findings_name_the_holder_and_suggest_a_clause():
    by_name = {f.name: f for f in pack_findings(LEGACY, ".docx", "fairness")}
    assert "posting the revised terms" in by_name["unilateral-amendment"].quote
    assert "sole discretion" in by_name["sole-discretion"].quote
    assert "without notice" in by_name["suspension-without-notice"].quote
    assert "Only Customer indemnifies" in by_name["one-sided-indemnity"].message
    assert "Only Provider's liability is limited" in by_name["one-sided-liability-cap"].message
    for f in by_name.values():
        assert f.suggestion and f.suggestion_id, f"{f.code} has no suggested clause"
    assert by_name["unilateral-amendment"].suggestion_id == "amendment-by-agreement"


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_fairness_well_drafted_agreement_has_no_fairness_finding(suffix):
    """Near misses in the MSA: a capped fee increase on notice (6.5), the indemnifying
    party's control of the defence (14.3), a cap lifted only for narrow carve-outs (13.3)."""
    findings = pack_findings(MSA, suffix, "fairness")
    assert located(findings) == []


@pytest.mark.parametrize("suffix", [".docx", ".md"])
def test_fairness_statement_of_work_is_clean(suffix):
    assert located(pack_findings(SOW, suffix, "fairness")) == []
