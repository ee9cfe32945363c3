"""The managed-services checklist (pack `sla`) on real agreements: reviewed expectations.

Every finding of the pack on the professionally drafted agreements of ../shared/corpus
(Common Paper, Bonterms, CCS, GitHub) was reviewed by hand. What remains is advisory and
true by the checklist (a cloud agreement with no service reports or service reviews); the
false positives found in review were fixed in the rules (see each rule's known_problems).
These tests keep those reviews:

* no error-severity finding of the pack on any professionally drafted agreement, and no
  finding at all where the review found the agreement complete (SOWs and SLAs that name
  their master agreement; master agreements that price professional services in the SOW);
* genuine gaps stay found: the student service-desk SLA has no exclusions, the Common Paper
  CSA with SLA provides no service reports, the Bonterms cloud terms say nothing about
  upgrades or maintenance windows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from slalint.engine.findings import Finding
from tests.corpus._lint import pack_findings

pytestmark = pytest.mark.corpus

PROFESSIONAL = (
    "docx/common-paper-cloud-service-agreement.docx",
    "docx/common-paper-csa-with-sla.docx",
    "docx/common-paper-csa-without-sla.docx",
    "docx/common-paper-order-form-with-sla.docx",
    "docx/common-paper-professional-services-agreement.docx",
    "docx/common-paper-statement-of-work.docx",
    "docx/ccs-fm-2017-core-terms-v1-4.docx",
    "docx/ccs-fm-da-2020-core-terms-v3-0-2.docx",
    "docx/ccs-fm-2017-call-off-schedule-10-kpis.docx",
    "docx/ccs-fm-2017-call-off-schedule-15-facilities-management.docx",
    "docx/ccs-fm-da-2020-call-off-schedule-4-facilities-management.docx",
    "docx/ccs-fm-2017-order-form-template.docx",
    "docx/ccs-rm6263-dsp-order-form-and-call-off-schedules.docx",
    "text/common-paper-cloud-service-agreement.md",
    "text/common-paper-sla.md",
    "text/common-paper-professional-services-agreement.md",
    "text/bonterms-cloud-terms.md",
    "text/bonterms-service-level-agreement.md",
    "text/bonterms-professional-services-agreement-v1-2.md",
    "text/github-terms-of-service.md",
    "text/github-corporate-terms-of-service.md",
)

NO_FINDING = (
    # reviewed: complete for this checklist, or relying on the master agreement they name
    "docx/common-paper-cloud-service-agreement.docx",
    "docx/common-paper-statement-of-work.docx",
    "docx/ccs-fm-2017-call-off-schedule-15-facilities-management.docx",
    "docx/ccs-fm-da-2020-call-off-schedule-4-facilities-management.docx",
    "docx/ccs-fm-2017-order-form-template.docx",
    "text/common-paper-cloud-service-agreement.md",
    "text/common-paper-sla.md",
    "text/common-paper-professional-services-agreement.md",
    "text/bonterms-service-level-agreement.md",
    "text/github-terms-of-service.md",
)


def sla_findings(corpus: Path, rel: str) -> tuple[Finding, ...]:
    return pack_findings(corpus / rel, "sla")


def _describe(findings) -> str:  # type: ignore[no-untyped-def]
    return "; ".join(f"{f.name} [{f.location.section or '-'}] {f.quote[:60]!r}" for f in findings)


@pytest.mark.parametrize("rel", PROFESSIONAL)
def test_no_error_on_professionally_drafted_agreements(corpus_dir, rel):
    findings = sla_findings(corpus_dir, rel)
    errors = [f for f in findings if f.severity == "error" or f.code == "LINT001"]
    assert not errors, _describe(errors)


@pytest.mark.parametrize("rel", NO_FINDING)
def test_reviewed_complete_agreements_have_no_sla_finding(corpus_dir, rel):
    findings = sla_findings(corpus_dir, rel)
    assert not findings, _describe(findings)


def test_master_agreements_pricing_labour_in_sows_are_not_flagged(corpus_dir):
    for rel in ("text/bonterms-cloud-terms.md", "text/bonterms-professional-services-agreement-v1-2.md",
                "docx/common-paper-professional-services-agreement.docx"):
        names = {f.name for f in sla_findings(corpus_dir, rel)}
        assert "labor-services-undetailed" not in names, rel
        assert "master-terms-in-sow" not in names, rel


def test_student_service_desk_sla_lacks_exclusions(corpus_dir):
    names = {f.name for f in sla_findings(corpus_dir, "docx/student-it-outsourcing-service-desk-sla.docx")}
    assert "missing-exclusions" in names


def test_common_paper_csa_with_sla_provides_no_service_reports(corpus_dir):
    found = {f.name: f for f in sla_findings(corpus_dir, "docx/common-paper-csa-with-sla.docx")}
    assert "missing-reporting" in found
    assert found["missing-reporting"].severity == "warning"


def test_bonterms_cloud_terms_say_nothing_about_upgrades(corpus_dir):
    names = {f.name for f in sla_findings(corpus_dir, "text/bonterms-cloud-terms.md")}
    assert "missing-upgrades" in names
