"""Pack `fairness` on the real corpus (../shared/corpus): the expectations reviewed by hand.

Balanced professional forms (Common Paper, Bonterms) give both parties the same rights, so
the pack stays quiet on them; online terms of service reserve one-sided rights (amend the
terms at will, decide in their sole discretion, suspend without notice) and the pack finds
exactly those clauses.
"""

from __future__ import annotations

import pytest

from slalint.engine.findings import Finding
from tests._paths import CORPUS
from tests.corpus._lint import pack_findings


BALANCED = [
    "docx/common-paper-csa-with-sla.docx",
    "docx/common-paper-cloud-service-agreement.docx",
    "docx/common-paper-professional-services-agreement.docx",
    "text/common-paper-cloud-service-agreement.md",
    "text/common-paper-professional-services-agreement.md",
    "text/common-paper-sla.md",
    "text/bonterms-cloud-terms.md",
    "text/bonterms-professional-services-agreement-v1-2.md",
    "text/bonterms-service-level-agreement.md",
    "docx/ccs-fm-da-2020-call-off-schedule-9-security.docx",
]


def corpus_findings(rel: str) -> tuple[Finding, ...]:
    return pack_findings(CORPUS / rel, "fairness")


def names(rel: str) -> list[tuple[str, str]]:
    return sorted((f.name, f.location.section or "document") for f in corpus_findings(rel))


@pytest.mark.corpus
@pytest.mark.parametrize("rel", BALANCED)
def test_balanced_professional_forms_have_no_fairness_finding(rel):
    """Common Paper's suspension clause promises to inform the customer first; its export
    termination right "as determined in Provider's sole discretion" serves legal
    compliance; Bonterms caps and indemnities are mutual."""
    assert names(rel) == []


@pytest.mark.corpus
def test_github_terms_reserve_one_sided_rights():
    found = names("text/github-terms-of-service.md")
    assert ("unilateral-amendment", "Q") in found
    assert ("suspension-without-notice", "L.3") in found
    assert ("sole-discretion", "D.2") in found
    amend = next(f for f in corpus_findings("text/github-terms-of-service.md") if f.name == "unilateral-amendment")
    assert "amend these Terms" in amend.quote


@pytest.mark.corpus
def test_sole_discretion_spares_remedies_mutual_consent_and_employment():
    """Reviewed CUAD false positives: a discretion for "such party", a remedy after the
    other side fails to cure, an employer's payment in lieu of notice, a servicer's own
    systems error; a price change at will in the same filings stays reported."""
    def quotes(rel: str) -> str:
        return " ".join(f.quote or "" for f in corpus_findings(rel) if f.name == "sole-discretion")
    assert "such party's sole discretion" not in quotes("cuad/beyondcomcorp-08-03-2000-ex-10-2-co-hosting-agreement.txt")
    assert "change the prices" in quotes("cuad/beyondcomcorp-08-03-2000-ex-10-2-co-hosting-agreement.txt")
    assert "fails to remediate" not in quotes("cuad/vertexenergyinc-08-14-2014-ex-10-24-operation-and-maintenance-agreement.txt")
    assert not quotes("cuad/wppplc-04-30-2020-ex-4-28-service-agreement.txt")
    assert "receivables systems error" not in quotes("cuad/verizonabsllc-20200123-8-k-ex-10-4-11952335-ex-10-4-service-agreement.txt")
    assert "reclassify the Listing" in quotes("text/github-marketplace-developer-agreement.md")


@pytest.mark.corpus
def test_viewing_changes_is_not_making_them():
    """GitHub's "You can view all changes to these Terms" gives nobody a right to amend."""
    quotes = [f.quote for f in corpus_findings("text/github-terms-of-service.md") if f.name == "unilateral-amendment"]
    assert not any("view all changes" in q for q in quotes)


@pytest.mark.corpus
def test_contractor_agreement_indemnity_runs_one_way():
    found = [f for f in corpus_findings("docx/common-paper-independent-contractor-agreement.docx") if f.name == "one-sided-indemnity"]
    assert len(found) == 1 and "Contractor" in found[0].message


@pytest.mark.corpus
def test_infringement_remedy_to_modify_the_service_is_not_an_amendment():
    """Bonterms 17.5 lets Provider modify the Cloud Service to end an infringement: a
    remedy, not a right to change the agreement."""
    assert [n for n in names("text/bonterms-cloud-terms.md") if n[0] == "unilateral-amendment"] == []
