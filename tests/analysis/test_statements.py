"""Rights and duties: modality, bearer and action per sentence (no spaCy needed)."""

from __future__ import annotations

import pytest

from slalint.analysis.statements import extract_statements, split_sentences
from tests.analysis._topic_docs import PARTIES, sentence_context


def _one(sentence: str, parties=PARTIES):  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context(sentence), parties)
    assert found, f"no statement in {sentence!r}"
    return found[0]


@pytest.mark.parametrize(
    "sentence, modality, bearer, action",
    [
        ("Either party may terminate this Agreement for material breach not cured within thirty (30) days.", "right", "both", "terminate_for_cause"),
        ("This Agreement may be terminated by Customer for convenience upon ninety (90) days' prior written notice.", "right", "customer", "terminate_for_convenience"),
        ("Customer may terminate this Agreement upon thirty (30) days written notice to Provider.", "right", "customer", "terminate_for_convenience"),
        ("If either party materially breaches this Agreement, the other party may terminate this Agreement.", "right", "both", "terminate_for_cause"),
        ("Provider reserves the right to suspend the Services at any time without notice.", "right", "provider", "suspend"),
        ("Provider may, in its sole discretion, modify this Agreement at any time.", "right", "provider", "modify"),
        ("Customer shall indemnify, defend and hold harmless Provider from any third-party claims.", "obligation", "customer", "indemnify"),
        ("Customer agrees to pay all fees within thirty days of invoice.", "obligation", "customer", "pay"),
        ("Globex shall pay the Fees monthly in arrears.", "obligation", "customer", "pay"),
        ("Customer may not assign this Agreement without consent.", "prohibition", "customer", "other"),
        ("Neither party shall assign this Agreement without the other's consent.", "prohibition", "both", "other"),
        ("Provider may audit Customer's use of the Software once per year.", "right", "provider", "audit"),
        ("Provider shall promptly notify Customer of any Security Incident.", "obligation", "provider", "notify"),
        ("Acme will provide the Services in a professional manner.", "obligation", "provider", "provide"),
    ],
)
def test_statements_modality_bearer_action(sentence, modality, bearer, action):  # type: ignore[no-untyped-def]
    st = _one(sentence)
    assert (st.modality, st.bearer, st.action) == (modality, bearer, action)
    assert st.evidence.quote == sentence


@pytest.mark.parametrize(
    "sentence, bearer",
    [
        ("Provider's aggregate liability shall not exceed the fees paid in the preceding twelve months.", "provider"),
        ("In no event shall Provider be liable for any indirect or consequential damages.", "provider"),
        ("Neither party shall be liable for any indirect, special or consequential damages.", "both"),
        ("EXCEPT FOR INDEMNIFICATION OBLIGATIONS, IN NO EVENT WILL EITHER PARTY BE LIABLE FOR LOST PROFITS.", "both"),
        ("The total liability of Supplier under this Agreement shall not exceed £1m.", "provider"),
    ],
)
def test_statements_liability_cap_is_a_right_of_the_protected_party(sentence, bearer):  # type: ignore[no-untyped-def]
    st = _one(sentence)
    assert (st.modality, st.bearer, st.action) == ("right", bearer, "limit_liability")


@pytest.mark.parametrize(
    "sentence",
    ["Neither party shall be liable for delays caused by events beyond its reasonable control."],
)
def test_statements_force_majeure_is_not_a_liability_cap(sentence):  # type: ignore[no-untyped-def]
    assert all(st.action != "limit_liability" for st in extract_statements(sentence_context(sentence), PARTIES))


@pytest.mark.parametrize(
    "sentence, qualifiers",
    [
        ("Provider reserves the right to suspend the Services at any time without notice.", {"at_any_time", "without_notice"}),
        ("Provider may, in its sole discretion, modify the Services.", {"sole_discretion"}),
        ("If Customer fails to pay, Provider may suspend the Services upon ten days' notice.", {"with_notice"}),
    ],
)
def test_statements_qualifiers(sentence, qualifiers):  # type: ignore[no-untyped-def]
    assert set(_one(sentence).qualifiers) == qualifiers


@pytest.mark.parametrize("sentence", ["This Agreement will be binding on the successors of the parties."])
def test_statements_skip_duties_of_nobody(sentence):  # type: ignore[no-untyped-def]
    assert extract_statements(sentence_context(sentence), PARTIES) == []


@pytest.mark.parametrize(
    "sentence, bearer",
    [
        ("The Supplier may terminate the Contract if the Buyer fails to pay undisputed sums.", "provider"),
        ("We may suspend your account at any time.", "provider"),
    ],
)
def test_statements_role_words_without_parties(sentence, bearer):  # type: ignore[no-untyped-def]
    assert _one(sentence, parties=[]).bearer == bearer


def test_statements_two_modals_in_one_sentence():  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context("Acme shall provide the Services and Globex shall pay the Fees."), PARTIES)
    assert [(s.bearer, s.action) for s in found] == [("provider", "provide"), ("customer", "pay")]


def test_statements_rights_matrix_shows_one_sided_termination():  # type: ignore[no-untyped-def]
    from slalint.analysis.facts import Analysis
    from tests.analysis._topic_docs import make_document

    ctx = sentence_context(
        "Provider may terminate this Agreement for convenience upon thirty days' notice.",
        "Customer shall pay all invoices within thirty days.",
    )
    analysis = Analysis(document=make_document(), statements=extract_statements(ctx, PARTIES))
    matrix = analysis.rights_matrix()
    assert "terminate_for_convenience" in matrix["provider"]
    assert "customer" not in matrix


@pytest.mark.parametrize(
    "text, count",
    [
        ("Acme Inc. shall pay. Customer will notify e.g. by email.", 2),
        ("See Section 4.2. The Supplier shall comply with No. 5 of the U.S. rules.", 2),
        ("One sentence only", 1),
    ],
)
def test_statements_fallback_sentence_splitter(text, count):  # type: ignore[no-untyped-def]
    assert len(split_sentences(text)) == count


@pytest.mark.parametrize(
    "sentence, modality, bearer, action",
    [
        # the right-holder is the subject before the modal, whatever the condition says
        ("The Customer may terminate this Agreement if the Supplier fails to remedy a material breach.", "right", "customer", "terminate_for_cause"),
        ("Customer or Provider may terminate this Agreement for cause on notice.", "right", "both", "terminate_for_cause"),
        ("Provider shall have the right (but not the obligation) to terminate this Agreement if Customer breaches it.", "right", "provider", "terminate_for_cause"),
        ("Provider may, by written notice to Customer, immediately terminate this Agreement if Customer becomes insolvent.", "right", "provider", "terminate_for_cause"),
        ("Customer may end this agreement at the end of a Billing Period by giving Notice.", "right", "customer", "terminate_for_convenience"),
        ("Customer may terminate this Agreement if the Service does not meet the Target Uptime in two consecutive months.", "right", "customer", "terminate_for_cause"),
    ],
)
def test_statements_termination_rights_on_real_patterns(sentence, modality, bearer, action):  # type: ignore[no-untyped-def]
    st = _one(sentence)
    assert (st.modality, st.bearer, st.action) == (modality, bearer, action)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Buyer shall be entitled to require the provision of Termination Assistance at any time by notice.",
        "The Buyer shall have the right to terminate its requirement for Termination Assistance by serving notice.",
        "Provider may terminate this Agreement immediately without notice or liability to comply with applicable law.",
    ],
)
def test_statements_no_convenience_termination_where_there_is_none(sentence):  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context(sentence), PARTIES)
    assert found
    assert all(st.action != "terminate_for_convenience" for st in found), [(s.action, s.bearer) for s in found]
    if "Termination Assistance" in sentence:
        assert all(not st.action.startswith("terminate") for st in found)


def test_statements_coordinated_modals_share_the_subject():  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context(
        "Provider, at its own cost, will defend Customer against any Covered Claims and will indemnify Customer from any resulting damages."
    ), PARTIES)
    assert [(s.bearer, s.action) for s in found] == [("provider", "indemnify"), ("provider", "indemnify")]


def test_statements_as_may_be_amended_is_not_a_right():  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context(
        '"Support Services" means the support services selected by Customer, as may be amended from time to time.'
    ), PARTIES)
    assert not [s for s in found if s.action == "modify"]


def test_statements_entire_agreement_clause_is_not_a_liability_cap():  # type: ignore[no-untyped-def]
    found = extract_statements(sentence_context(
        "Neither party shall be liable or bound to any other party by any representations or warranties except as set forth herein."
    ), PARTIES)
    assert not [s for s in found if s.action == "limit_liability"]


def test_statements_grounds_listed_under_a_termination_right():  # type: ignore[no-untyped-def]
    from tests.analysis._topic_docs import make_context

    ctx = make_context(("2", "Termination", [
        "Either party may terminate the Agreement immediately:",
        "(a) if the other party fails to cure a material breach of the Agreement following 30 days notice;",
        "(b) for any or no reason following 30 days notice to the other party.",
        "Upon termination, each party will return the other's Confidential Information.",
    ]))
    found = [(s.bearer, s.action) for s in extract_statements(ctx, PARTIES) if s.action.startswith("terminate")]
    assert ("both", "terminate_for_cause") in found
    assert ("both", "terminate_for_convenience") in found


@pytest.mark.parametrize(
    "title, action",
    [
        ("Termination for Service Level Failure", "terminate_for_cause"),
        ("Termination for Cause", "terminate_for_cause"),
        ("Termination for Convenience", "terminate_for_convenience"),
        ("Term and Termination", "terminate"),
    ],
)
def test_statements_termination_heading_gives_the_ground(title, action):  # type: ignore[no-untyped-def]
    from slalint.analysis.context import AnalysisContext
    from tests.analysis._topic_docs import make_document

    sentence = ("Customer may terminate this Agreement on thirty (30) days' written notice, without paying any "
                "early-termination fee, in the circumstances set out in paragraph 4.4 of Schedule 2.")
    ctx = AnalysisContext.from_document(make_document(("7", None, [("7.5", title, [sentence])])))
    (st,) = [s for s in extract_statements(ctx, PARTIES) if s.modality == "right"]
    assert (st.bearer, st.action) == ("customer", action)


def test_statements_explicit_ground_beats_the_heading():  # type: ignore[no-untyped-def]
    from slalint.analysis.context import AnalysisContext
    from tests.analysis._topic_docs import make_document

    ctx = AnalysisContext.from_document(make_document(
        ("7", "Termination for Cause", ["Customer may terminate this Agreement for convenience on ninety (90) days' notice."])))
    (st,) = [s for s in extract_statements(ctx, PARTIES) if s.modality == "right"]
    assert st.action == "terminate_for_convenience"
