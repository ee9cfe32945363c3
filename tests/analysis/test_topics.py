"""Checklist topics from headings, body language, table rows and definitions."""

from __future__ import annotations

import pytest

from slalint.analysis.facts import TOPIC_IDS
from slalint.analysis.topics import is_formal_definition, load_topic_model, tag_topics
from tests.analysis._topic_docs import make_context

BODY = "The parties agree as follows and each party will act in good faith."


def _topics(ctx, min_weight: float = 1.0) -> set[str]:  # type: ignore[no-untyped-def]
    return {h.topic for h in tag_topics(ctx) if h.weight >= min_weight}


def test_topics_pattern_file_covers_every_topic_id():  # type: ignore[no-untyped-def]
    model = load_topic_model()
    assert [t.topic for t in model.topics] == list(TOPIC_IDS)
    assert all(t.heading for t in model.topics)


@pytest.mark.parametrize(
    "title, topic",
    [
        ("Limitation of Liability", "limitation_of_liability"),
        ("Governing Law", "governing_law"),
        ("Term and Termination", "term"),
        ("Term and Termination", "termination"),
        ("Service Credits", "remedies"),
        ("Force Majeure", "force_majeure"),
        ("Customer Responsibilities", "customer_obligations"),
        ("Termination for Convenience", "termination_for_convenience"),
    ],
)
def test_topics_from_heading(title, topic):  # type: ignore[no-untyped-def]
    hits = tag_topics(make_context(("9", title, [BODY])))
    assert any(h.topic == topic and h.source == "heading" and h.weight == 1.0 for h in hits)


@pytest.mark.parametrize(
    "title, topic",
    [
        ("Effect of Termination", "termination"),
        ("Disclaimer of Warranties", "warranties"),
        ("Exclusion of Damages", "exclusions"),
    ],
)
def test_topics_misleading_heading_is_not_the_topic(title, topic):  # type: ignore[no-untyped-def]
    assert topic not in _topics(make_context(("9", title, [BODY])), min_weight=0.0)


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("This Agreement shall be governed by and construed in accordance with the laws of the State of New York.", "governing_law"),
        ("Provider will make the Service available 99.9% of the time in each calendar month.", "service_levels"),
        ("Provider will respond to Priority 1 incidents within four (4) hours.", "response_times"),
        ("Either party may terminate this Agreement upon thirty (30) days' written notice for any reason.", "termination_for_convenience"),
        ("This Agreement will automatically renew for successive one-year terms unless either party gives notice of non-renewal at least 60 days before the end of the term.", "auto_renewal"),
        ("This Agreement will automatically renew for successive one-year terms unless either party gives notice of non-renewal at least 60 days before the end of the term.", "renewal_notice"),
        ("Neither party shall be liable for any failure to perform caused by events beyond its reasonable control.", "force_majeure"),
        ("THE SERVICES ARE PROVIDED \"AS IS\" AND PROVIDER DISCLAIMS ALL IMPLIED WARRANTIES OF MERCHANTABILITY.", "warranty_disclaimer"),
        ("Supplier shall maintain professional liability insurance of not less than $1,000,000.", "insurance"),
        ("Customer may not assign this Agreement without the prior written consent of Provider.", "assignment"),
        ("Support is available from 9am to 5pm Monday to Friday, excluding public holidays.", "support_hours"),
        ("Downtime does not include scheduled maintenance or outages caused by Customer.", "exclusions"),
        ("If availability falls below the target, Customer will receive a service credit of 10% of the monthly fees.", "remedies"),
        ("Provider will deliver monthly service reports showing availability against the service levels.", "reporting"),
        ("The parties will hold quarterly service review meetings.", "service_review"),
    ],
)
def test_topics_from_body_language_without_heading(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic in _topics(make_context(("4", None, [sentence])))


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("The Services shall be provided subject to the Service Levels.", "service_levels"),
        ("Upon termination of this Agreement, Customer shall pay all accrued fees.", "termination"),
        ("Except for indemnification obligations, neither party is liable for lost profits.", "indemnification"),
        ("Provider will honour any price escalation clause agreed in writing.", "escalation"),
        ("Insurance Company shall act as agent for the Fund.", "insurance"),
    ],
)
def test_topics_mention_is_not_a_provision(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic not in _topics(make_context(("4", None, [sentence])))


def test_topics_run_in_heading():  # type: ignore[no-untyped-def]
    ctx = make_context(("12", None, ["Governing Law. The courts of England have exclusive jurisdiction."]))
    hits = [h for h in tag_topics(ctx) if h.topic == "governing_law"]
    assert hits and hits[0].source == "heading" and hits[0].evidence.quote == "Governing Law"


def test_topics_table_row_label_with_a_value():  # type: ignore[no-untyped-def]
    ctx = make_context(("1", "Key Terms", [[["Governing Law", "Delaware"], ["Insurance", ""]]]))
    found = {(h.topic, h.source) for h in tag_topics(ctx)}
    assert ("governing_law", "table") in found
    assert ("insurance", "table") not in found  # label with an empty value


def test_topics_definitions_are_counted_and_damped():  # type: ignore[no-untyped-def]
    ctx = make_context(("1", None, [
        '"Service Credit" means a credit against the monthly fees for missed availability targets.',
        '"Outage" means unavailability of the Service, excluding scheduled maintenance.',
        '"Fees" means the fees in the Order Form.',
    ]))
    hits = tag_topics(ctx)
    assert sum(1 for h in hits if h.topic == "definitions" and h.source == "definition") == 3
    assert all(h.weight < 1.0 for h in hits if h.topic == "remedies")
    assert any(h.topic == "exclusions" and h.weight == 1.0 for h in hits)  # an exclusion in a definition counts


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ('"Business Day" means a day other than a Saturday.', True),
        ("“Effective Date” has the meaning given in the preamble.", True),
        ("The Supplier means to comply.", False),
        ("This includes regular off-site backups.", False),
    ],
)
def test_topics_formal_definition(sentence, expected):  # type: ignore[no-untyped-def]
    assert is_formal_definition(sentence) is expected


def test_topics_drafting_notes_are_ignored():  # type: ignore[no-untyped-def]
    ctx = make_context(("1", None, ["[Drafting note: add governed by the laws of the State of Delaware here.]"]))
    assert "governing_law" not in _topics(ctx, min_weight=0.0)


def test_topics_delegated_heading_counts_half():  # type: ignore[no-untyped-def]
    ctx = make_context(("5", "Service Levels", ["The service levels are set out in the Order Form."]))
    hits = [h for h in tag_topics(ctx) if h.topic == "service_levels" and h.source == "heading"]
    assert hits and hits[0].weight == 0.5


def _weights(ctx, topic: str) -> list[float]:  # type: ignore[no-untyped-def]
    return [h.weight for h in tag_topics(ctx) if h.topic == topic]


def test_topics_heading_listing_several_topics_needs_its_body():  # type: ignore[no-untyped-def]
    ctx = make_context(("7", "Uptime, Security, and Privacy", [
        "We take many measures to protect and secure your data through backups, redundancies, and encryption.",
    ]))
    assert max(_weights(ctx, "security")) == 1.0  # the body makes the security provision
    assert max(_weights(ctx, "service_levels")) < 1.0  # "Uptime" is only listed in the title


def test_topics_placeholder_rows_and_numbered_label_cells():  # type: ignore[no-untyped-def]
    ctx = make_context(("1", "Order", [[
        ["15.", "Specified Personnel", "Jane Doe, senior developer, 3 days a week"],
        ["17.", "Liability Cap", "[Specify any liability cap if required by the agency]"],
    ]]))
    assert 0.8 in _weights(ctx, "labor_services")  # the label is in the second cell
    assert all(w < 0.8 for w in _weights(ctx, "limitation_of_liability"))  # only an instruction


def test_topics_generic_run_in_heading_reads_the_heading_before_it():  # type: ignore[no-untyped-def]
    ctx = make_context(("6", "Confidentiality", [
        ("6.1", None, ["Non-Use. Recipient will not use or disclose Discloser's Confidential Information."]),
        ("6.2", None, ["Exclusions. Confidential Information does not include information that is public."]),
    ]))
    assert "exclusions" not in _topics(ctx, min_weight=0.0)


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("XACCT shall have no obligation to support: (a) altered or damaged Product.", "exclusions"),
        ("There shall be no implied warranties or representations as to any obligation under this Agreement.", "warranty_disclaimer"),
        ("Customer may end this agreement at the end of a Billing Period by giving Notice at least one Billing Period in advance.", "termination"),
        ("If our uptime drops below 99.99%, we will provide an automatic credit on the next billing cycle.", "remedies"),
        ("After the DPA expires, Provider will return or delete Customer Personal Data at Customer's instruction.", "exit_transition"),
        ("If you want to export any data before your account is canceled, follow the export instructions.", "exit_transition"),
        ("At the conclusion of each sprint, the product owner will review the completed user stories.", "service_review"),
        ("This Agreement shall be governed and construed under the relevant laws of England.", "governing_law"),
        ("The Requesting Agency must make the following commitments to 18F:", "customer_obligations"),
    ],
)
def test_topics_more_provision_language(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic in _topics(make_context(("4", None, [sentence])))


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("If it is not possible to provide such assistance as is referred to in Paragraph 5.1, costs are agreed.", "warranty_disclaimer"),
        ("Neither party shall be liable or bound to any other party by any representations, warranties or covenants except as set forth herein.", "limitation_of_liability"),
        ("If the Parties cannot agree, such Dispute shall be resolved in accordance with the Dispute Resolution Procedure.", "dispute_resolution"),
        ("The Buyer shall have the right to terminate its requirement for Termination Assistance by serving notice.", "termination"),
        ("The Supplier shall provide complete updates of the Exit Information as soon as reasonably practicable.", "upgrades"),
        ("We will have no obligation to provide a refund of any fees previously paid.", "exclusions"),
    ],
)
def test_topics_look_alikes_are_not_provisions(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic not in _topics(make_context(("4", None, [sentence])))


def test_topics_several_quoted_definitions_in_one_sentence_count_apart():  # type: ignore[no-untyped-def]
    ctx = make_context(("3", None, [
        'For purposes of this Agreement, (i) the term "beneficial ownership" shall have the meaning set forth in Rule 13d-3, '
        '(ii) the term "voting securities" means the common stock and (iii) the term "affiliate" means a controlled person.'
    ]))
    defs = [h for h in tag_topics(ctx) if h.topic == "definitions"]
    assert len({h.evidence.anchor.start for h in defs}) == 3


def test_topics_price_list_rows_name_billed_items_not_provisions():  # type: ignore[no-untyped-def]
    # "Firewall management | 1 | $300.00" is a fee line, not a security provision
    table = [
        ["Service", "Quantity", "Monthly charge"],
        ["Firewall management", "1", "$300.00"],
        ["Server backup", "1", "$250.00"],
        ["Service credit", "10%"],
        ["Security", "Provider maintains ISO 27001 certification for the Services."],
    ]
    hits = tag_topics(make_context(("5", "Pricing", [table])))
    security = [h.evidence.quote for h in hits if h.topic == "security"]
    assert "Firewall management" not in security and "Server backup" not in security
    assert "Security" in security  # a label with a provision in the next cell still counts
    assert any(h.topic == "remedies" and h.evidence.quote == "Service credit" for h in hits)  # a value, not a price


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("The Buyer may request that the Supplier provide a Rectification Plan within 10 Working Days.", "response_times"),
        ("NAI will make available up to 500,000 impressions and ten percent (10%) of the impressions available on its site.", "service_levels"),
        ("Such period shall automatically be extended by the number of days taken for the determination of that matter by the arbitrator.", "auto_renewal"),
    ],
)
def test_topics_plans_shares_and_deadline_extensions_are_not_provisions(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic not in _topics(make_context(("4", None, [sentence])), min_weight=0.1)


def test_topics_evergreen_as_a_name_is_not_renewal():  # type: ignore[no-untyped-def]
    assert "auto_renewal" not in _topics(make_context(("4", None, ["RGHI shall file for the Evergreen Packaging Pension Plan."])), 0.1)
    assert "auto_renewal" in _topics(make_context(("4", None, ["This Agreement is evergreen and continues until terminated."])), 0.8)


@pytest.mark.parametrize(
    "sentence, topic",
    [
        ("The Supplier shall rectify each Critical Incident within four (4) hours.", "response_times"),
        ("Provider will make the Service available 99.5% of each month.", "service_levels"),
        ("This Agreement shall automatically be extended for successive one-year periods unless either party objects.", "auto_renewal"),
    ],
)
def test_topics_still_provisions_after_the_look_alike_fixes(sentence, topic):  # type: ignore[no-untyped-def]
    assert topic in _topics(make_context(("4", None, [sentence])))
