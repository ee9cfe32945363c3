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
