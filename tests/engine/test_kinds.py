"""Each declarative kind on short agreements with hand-built analyses (no analysis layer)."""

from __future__ import annotations

from engine_helpers import analysis, doc, parse, quantity, rule_yaml, statement

from slalint.engine.runner import run_rules


def spec_of(**kw):
    spec, errors = parse(rule_yaml(**kw))
    assert errors == [], errors
    return spec


def run(spec, document, a):
    return run_rules(document, a, [spec])


SERVICES = """
# 1. Services
1.1 The Provider shall provide the managed services in Schedule 1.
# 2. Term
2.1 This Agreement renews automatically for successive one-year terms.
# 3. Service Levels
3.1 The Platform will be available 99.9% of each month.
3.2 If availability falls below the target, the Customer receives a service credit of 5% of the monthly fee.
"""


def test_require_topic_reports_document_level_finding():
    d = doc(SERVICES)
    spec = spec_of(params="topic: exclusions", message="No {topic} provision")
    [f] = run(spec, d, analysis(d, present={"scope": "managed services"}))
    assert f.location.section is None and f.message == "No exclusions provision"
    assert run(spec, d, analysis(d, present={"exclusions": "managed services"})) == []


def test_require_per_section_points_at_each_failing_section():
    d = doc(SERVICES)
    spec = spec_of(params="pattern: 'claim'\nwithin: {topic: remedies}\nper: section", message="Credits without claim process in {section}")
    a = analysis(d, present={"remedies": "service credit"})
    [f] = run(spec, d, a)
    assert f.location.section == "3.2" and "3.2" in f.message
    assert run(spec, d, analysis(d)) == []  # topic absent: not applicable


def test_forbid_with_unless_in_same_sentence():
    d = doc("""
    # 1. Termination
    1.1 The Provider may terminate this Agreement at its sole discretion.
    1.2 The Provider may suspend the Services at its sole discretion, acting reasonably.
    """)
    spec = spec_of(kind="forbid", params="pattern: 'sole discretion'\nunless: {pattern: 'reasonabl'}", message="'{match}' in {section}")
    [f] = run(spec, d, analysis(d))
    assert f.location.section == "1.1" and f.message == "'sole discretion' in 1.1"
    assert f.quote.startswith("The Provider may terminate")
    assert f.location.anchor.start == 0 and f.location.anchor.end == len(f.quote)


def test_forbid_within_topic_only_searches_those_sections():
    d = doc(SERVICES)
    spec = spec_of(kind="forbid", params="terms: [month]\nwithin: {topic: service_levels}\nonce_per: section")
    a = analysis(d, present={"service_levels": "99.9%"})
    found = run(spec, d, a)
    assert [f.location.section for f in found] == ["3.1"]


def test_implies_points_at_the_if_evidence():
    d = doc(SERVICES)
    spec = spec_of(kind="implies", params="if: {topic: auto_renewal}\nthen: {topic: renewal_notice}",
                   message="Renews at {if_section} without notice")
    [f] = run(spec, d, analysis(d, present={"auto_renewal": "renews automatically"}))
    assert f.location.section == "2.1" and f.message == "Renews at 2.1 without notice"
    assert run(spec, d, analysis(d, present={"auto_renewal": "renews", "renewal_notice": "renews"})) == []
    assert run(spec, d, analysis(d)) == []


def test_symmetry_flags_a_right_only_one_party_holds():
    d = doc("""
    # 9. Termination
    9.1 The Provider may terminate this Agreement for convenience on 30 days' notice.
    9.2 Either party may terminate this Agreement for material breach.
    """)
    spec = spec_of(kind="symmetry", params="actions: [terminate_for_convenience, terminate_for_cause]",
                   message="Only {holder} may {action}; {other} may not")
    a = analysis(d, statements=[
        statement(d, "for convenience", "provider", "terminate_for_convenience"),
        statement(d, "material breach", "both", "terminate_for_cause"),
    ])
    [f] = run(spec, d, a)
    assert f.location.section == "9.1"
    assert f.message == "Only Provider may terminate for convenience; Customer may not"
    a.statements.append(statement(d, "material breach", "customer", "terminate_for_convenience"))
    assert run(spec, d, a) == []


def test_numeric_limit_compares_durations_in_a_common_unit():
    d = doc("""
    # 2. Term
    2.1 Either party may give notice of non-renewal at least 120 days before the end of the term.
    2.2 Invoices are payable within 3 months.
    """)
    spec = spec_of(kind="numeric", params="quantity: {kind: duration, near: 'notice'}\nmust_be: '<='\nvalue: 90\nunit: day",
                   message="Notice of {value} exceeds {limit}")
    a = analysis(d, quantities=[quantity(d, "non-renewal", "120 days", 120, "day"),
                                quantity(d, "payable", "3 months", 3, "month")])
    [f] = run(spec, d, a)
    assert f.message == "Notice of 120 days exceeds 90 day" and f.location.section == "2.1"
    a.quantities[0] = quantity(d, "non-renewal", "120 days", 2, "month")
    assert run(spec, d, a) == []


def test_numeric_pairs_response_and_resolution_per_row():
    d = doc("""
    # 4. Support
    4.1 Priority 1: the Provider will respond within 8 hours and resolve within 4 hours.
    4.2 Priority 2: the Provider will respond within 1 hour and resolve within 8 hours.
    """)
    spec = spec_of(kind="numeric", params="""
        quantity: {kind: duration, near: 'respon'}
        must_be: '<='
        other: {kind: duration, near: 'resol'}
        pair: paragraph""", message="Response {value} is longer than resolution {limit}")
    a = analysis(d, quantities=[
        quantity(d, "Priority 1", "8 hours", 8, "hour"), quantity(d, "Priority 1", "4 hours", 4, "hour"),
        quantity(d, "Priority 2", "1 hour", 1, "hour"), quantity(d, "Priority 2", "8 hours", 8, "hour"),
    ])
    [f] = run(spec, d, a)
    assert f.location.section == "4.1" and f.message == "Response 8 hours is longer than resolution 4 hours"


def test_numeric_missing_report():
    d = doc(SERVICES)
    spec = spec_of(kind="numeric", params="quantity: {kind: percentage, within: {topic: remedies}}\nmissing: report",
                   message="No credit cap")
    assert len(run(spec, d, analysis(d, present={"remedies": "service credit"}))) == 1
    a = analysis(d, present={"remedies": "service credit"},
                 quantities=[quantity(d, "service credit", "5%", 5, "percent", kind="percentage")])
    assert run(spec, d, a) == []


def test_consistency_extract_reports_values_that_differ_from_the_first():
    d = doc("""
    # 1. Notices
    1.1 Either party may terminate on thirty days' notice.
    # 2. Renewal
    2.1 Renewal may be stopped on sixty days' notice.
    2.2 Suspension requires thirty days' notice.
    """)
    spec = spec_of(kind="consistency", params="extract: '(?P<value>\\w+) days'' notice'",
                   message="{value} days here, {first_value} days in {first_section}")
    [f] = run(spec, d, analysis(d))
    assert f.location.section == "2.1" and f.message == "sixty days here, thirty days in 1.1"


def test_when_and_applies_to_gate_the_rule():
    d = doc(SERVICES)
    spec = spec_of(params="topic: exclusions", extra="applies_to: {except: [definitions]}\nwhen: {pattern: 'managed services'}")
    assert len(run(spec, d, analysis(d))) == 1
    assert run(spec, d, analysis(d, kind="definitions")) == []
    spec2 = spec_of(params="topic: exclusions", extra="when: {pattern: 'cloud hosting'}")
    assert run(spec2, d, analysis(d)) == []


def test_require_within_an_absent_topic_does_not_apply():
    d = doc(SERVICES)
    spec = spec_of(params="pattern: 'claim'\nwithin: {topic: remedies}", message="No claim process")
    assert run(spec, d, analysis(d)) == []
    assert len(run(spec, d, analysis(d, present={"remedies": "service credit"}))) == 1


def test_numeric_pairs_cells_of_a_response_time_matrix():
    d = doc("""
    # 5. Support

    | Priority | Response time | Resolution time |
    | --- | --- | --- |
    | P1 | 12 hours | 4 hours |
    | P2 | 2 hours | 1 day |
    """)
    spec = spec_of(kind="numeric", params="""
        quantity: {kind: duration, near: 'respon'}
        must_be: '<='
        other: {kind: duration, near: 'resol'}
        pair: row""", message="Response {value} is longer than resolution {limit}")
    a = analysis(d, quantities=[
        quantity(d, "12 hours", "12 hours", 12, "hour"), quantity(d, "4 hours", "4 hours", 4, "hour"),
        quantity(d, "2 hours", "2 hours", 2, "hour"), quantity(d, "1 day", "1 day", 1, "day"),
    ])
    [f] = run(spec, d, a)
    assert f.message == "Response 12 hours is longer than resolution 4 hours"
