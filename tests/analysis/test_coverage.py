"""Per-document coverage (present / unknown / absent), document kind and facts."""

from __future__ import annotations

import pytest

from slalint.analysis.context import AnalysisContext
from slalint.analysis.coverage import score_hits, summarise, termination_by
from slalint.analysis.facts import FACT_KEYS, TOPIC_IDS, Analysis, Statement
from slalint.analysis.statements import extract_statements
from slalint.analysis.topics import tag_topics
from tests.analysis._topic_docs import PARTIES, make_document

MSA = [
    ("1", "Services", ["Provider shall provide the following services: hosting, monitoring and backups."]),
    ("2", "Service Levels", ["Provider will make the Service available 99.9% of the time each month."]),
    ("3", "Service Credits", ["If availability falls below 99.9%, Customer will receive a service credit of 5% of the monthly fees."]),
    ("4", "Term and Termination", [
        "This Agreement shall commence on the Effective Date and continue for an initial term of one (1) year.",
        "This Agreement will automatically renew for successive one-year terms unless either party gives notice of non-renewal at least 60 days before the end of the then-current term.",
        "Either party may terminate this Agreement if the other party materially breaches it and fails to cure within thirty (30) days.",
        "Customer may terminate this Agreement for convenience upon ninety (90) days' written notice.",
    ]),
    ("5", "Governing Law", ["This Agreement is governed by the laws of the State of New York."]),
]


def _analysis(*sections, title: str | None = None, preamble=()):  # type: ignore[no-untyped-def]
    doc = make_document(*sections, title=title, preamble=preamble)
    ctx = AnalysisContext.from_document(doc)
    a = Analysis(document=doc, parties=list(PARTIES))
    a.statements = extract_statements(ctx, a.parties)
    a.topic_hits = tag_topics(ctx)
    summarise(a)
    return a


def test_coverage_every_topic_has_a_status():  # type: ignore[no-untyped-def]
    a = _analysis(*MSA, title="Master Services Agreement")
    assert set(a.coverage) == set(TOPIC_IDS)
    assert {c.status for c in a.coverage.values()} <= {"present", "absent", "unknown"}


@pytest.mark.parametrize(
    "topic, status",
    [
        ("scope", "present"), ("service_levels", "present"), ("remedies", "present"), ("term", "present"),
        ("auto_renewal", "present"), ("renewal_notice", "present"), ("termination", "present"),
        ("termination_for_convenience", "present"), ("governing_law", "present"),
        ("insurance", "absent"), ("indemnification", "absent"), ("audit_rights", "absent"),
    ],
)
def test_coverage_status(topic, status):  # type: ignore[no-untyped-def]
    a = _analysis(*MSA, title="Master Services Agreement")
    assert a.coverage[topic].status == status
    if status == "present":
        assert a.coverage[topic].evidence and a.coverage[topic].evidence[0].quote
    else:
        assert a.coverage[topic].evidence == []


def test_coverage_facts():  # type: ignore[no-untyped-def]
    a = _analysis(*MSA, title="Master Services Agreement")
    assert set(a.facts) == set(FACT_KEYS)
    assert a.facts["parties"] == [{"name": "Acme Hosting Ltd.", "role": "provider"}, {"name": "Globex Corporation", "role": "customer"}]
    assert a.facts["termination_for_cause_by"] == "both"
    assert a.facts["termination_for_convenience_by"] == "customer"
    assert a.facts["auto_renews"] is True
    assert a.facts["renewal_notice_stated"] is True
    assert a.facts["service_levels_have_remedy"] is True


def test_coverage_service_levels_without_remedy_and_not_applicable():  # type: ignore[no-untyped-def]
    without = _analysis(MSA[1], title="Service Level Agreement")
    assert without.facts["service_levels_have_remedy"] is False
    none = _analysis(MSA[4], title="Master Services Agreement")
    assert none.facts["service_levels_have_remedy"] == "not applicable"


def test_coverage_mention_only_is_unknown_not_present():  # type: ignore[no-untyped-def]
    a = _analysis(("1", None, ["Provider's entire liability for missed targets is described in this SLA."]))
    assert a.coverage["limitation_of_liability"].status == "unknown"


def test_coverage_definitions_schedule_defers_to_other_documents():  # type: ignore[no-untyped-def]
    a = _analysis(
        ("1", "Definitions", [
            '"Service Credits" means the credits payable for failing the Service Levels in Call-Off Schedule 10.',
            '"Insurances" means the insurances the Supplier shall maintain under the Core Terms.',
            '"Confidential Information" means all information the Supplier shall keep confidential.',
        ]),
        preamble=["Joint Schedule 1 (Definitions)"],
    )
    assert a.kind == "definitions"
    assert a.coverage["definitions"].status == "present"
    assert all(a.coverage[t].status != "present" for t in TOPIC_IDS if t != "definitions")


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Service Level Agreement", "sla"),
        ("Statement of Work No. 3", "sow"),
        ("Order Form", "order_form"),
        ("Mutual Non-Disclosure Agreement", "nda"),
        ("Data Processing Addendum", "dpa"),
        ("Terms of Service", "terms"),
        ("Master Services Agreement", "msa"),
        ("Call-Off Schedule 10 (Key Performance Indicators)", "sla"),
        ("Call-Off Schedule 13 (Exit Management)", "schedule"),
        ("Independent Contractor Agreement", "other"),
    ],
)
def test_coverage_document_kind(title, kind):  # type: ignore[no-untyped-def]
    assert _analysis(MSA[4], preamble=[title]).kind == kind


def test_coverage_score_counts_each_paragraph_once():  # type: ignore[no-untyped-def]
    a = _analysis(("1", None, ["Customer shall provide access. Customer shall provide data. Customer shall cooperate."]))
    hits = [h for h in a.topic_hits if h.topic == "customer_obligations"]
    score, ranked = score_hits(hits)
    assert len(ranked) == 1 and score == ranked[0].weight


@pytest.mark.parametrize(
    "bearers, expected",
    [([], "none"), (["provider"], "provider"), (["provider", "customer"], "both"), (["both"], "both")],
)
def test_coverage_termination_by(bearers, expected):  # type: ignore[no-untyped-def]
    doc = make_document(("1", None, ["x"]))
    ev = AnalysisContext.from_document(doc).units[0].evidence()
    sts = [Statement("right", b, "terminate_for_cause", ev) for b in bearers]
    assert termination_by(sts, "terminate_for_cause") == expected


def test_coverage_contractor_agreement_with_a_sow_cover_page_is_other():  # type: ignore[no-untyped-def]
    cover = ("", None, [[["Statement of Work"], ["Services", "Design work"]]])
    a = _analysis(cover, MSA[4], preamble=["Independent Contractor Agreement"])
    assert a.kind == "other"
    b = _analysis(MSA[4], preamble=["Agreement Summary", "Consultant and Company enter into this consulting agreement."])
    assert b.kind == "other"
    assert _analysis(cover, MSA[4]).kind == "sow"  # the cover page alone still says SOW


def test_coverage_customer_named_by_its_name_has_obligations():  # type: ignore[no-untyped-def]
    sections = [("2", "Support", [
        "Globex shall provide Acme with remote access to the servers on which the Software is installed.",
        "Globex will reasonably cooperate with Acme in connection with the Professional Services.",
    ])]
    a = _analysis(*sections, title="Maintenance and Support Agreement")
    assert a.coverage["customer_obligations"].status == "present"
    assert any("Globex shall provide" in e.quote for e in a.coverage["customer_obligations"].evidence)
    # the provider's duties named by its name are not the customer's
    b = _analysis(("2", "Support", ["Acme shall provide Globex with remote access to the servers.",
                                    "Acme will reasonably cooperate with Globex."]), title="Maintenance and Support Agreement")
    assert b.coverage["customer_obligations"].status != "present"
