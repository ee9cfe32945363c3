"""Defined terms (the glossary) and undefined-term candidates."""

from __future__ import annotations

import pytest

from tests.analysis._docs import PLANTED_SLA, analyze_md

TERMS = {"terms"}


@pytest.mark.parametrize(
    ("body", "term", "how"),
    [
        ('"Fees" means the amounts payable under an Order.', "Fees", "means"),
        ("\u201cFees\u201d shall mean the amounts payable.", "Fees", "means"),
        ('"Fees": the amounts payable under this Agreement.', "Fees", "means"),
        ("This Agreement is effective on the date of signature (the \u201cEffective Date\u201d).", "Effective Date", "parenthetical"),
        ('"Affiliate" has the meaning given in the Master Agreement.', "Affiliate", "external"),
        ('"Fees" has the meaning given in Section 4.2.', "Fees", "reference"),
        ('Acme Corp., a Delaware corporation ("Provider"), provides the services.', "Provider", "party"),
        ('The customer (hereinafter referred to as "Client") agrees to pay.', "Client", "parenthetical"),
    ],
)
def test_terms_definition_styles(body: str, term: str, how: str) -> None:
    a = analyze_md(f"# Agreement\n\n{body}\n", aspects=TERMS)
    assert term in a.glossary
    assert a.glossary[term].how == how


def test_terms_external_source_named() -> None:
    a = analyze_md('# A\n\n"Affiliate" has the meaning given in the Master Agreement.\n', aspects=TERMS)
    assert a.glossary["Affiliate"].source == "Master Agreement"
    a = analyze_md('# A\n\n"Fees" has the meaning given in Section 4.2.\n', aspects=TERMS)
    assert a.glossary["Fees"].source == "Section 4.2"


def test_terms_each_together_and_alternates() -> None:
    a = analyze_md(
        """
        # Agreement

        Acme Inc. ("Provider") and Contoso LLC ("Customer") (each a "Party", together the "Parties") agree.

        "Service" or "Services" means the hosted service.

        Each Party may use the Services; the Parties agree.
        """,
        aspects=TERMS,
    )
    assert a.glossary["Party"].alternates == ("Parties",)
    assert a.glossary["Service"].alternates == ("Services",)
    assert {u.text for u in a.glossary["Party"].uses} >= {"Party", "Parties"}
    assert any(u.text == "Services" for u in a.glossary["Service"].uses)


def test_terms_bold_in_definitions_section() -> None:
    a = analyze_md(
        """
        # 1. Definitions

        **Availability** the percentage of minutes in a month in which the Service is up.

        **Maintenance Window**: the hours announced for planned work.

        # 2. Service Levels

        Provider shall meet the Availability target outside any Maintenance Window.
        """,
        aspects=TERMS,
    )
    assert a.glossary["Availability"].how == "bold"
    assert a.glossary["Maintenance Window"].definition.startswith("the hours")
    assert a.glossary["Availability"].uses


def test_terms_definitions_table() -> None:
    a = analyze_md(
        """
        # Definitions

        | Term | Definition |
        | --- | --- |
        | Service Credit | a credit against the Fees |
        | Business Day | a day other than a Saturday or Sunday |

        # Remedies

        Service Credits are issued within five Business Days.
        """,
        aspects=TERMS,
    )
    assert a.glossary["Service Credit"].how == "table"
    assert a.glossary["Business Day"].definition == "a day other than a Saturday or Sunday"
    assert [u.text for u in a.glossary["Service Credit"].uses] == ["Service Credits"]


def test_terms_uses_flags() -> None:
    a = analyze_md(
        """
        # Agreement

        The Provider's Services start on the Effective Date.

        "Services" means the support services.

        "Effective Date" means the date of signature; the services start then.

        "Support Hours" means the hours during which the Services are provided.
        """,
        aspects=TERMS,
    )
    uses = a.glossary["Services"].uses
    first = uses[0]
    assert first.text == "Services" and first.before_definition and first.in_definition_of is None
    assert any(u.lowercase and u.text == "services" for u in uses)
    assert any(u.in_definition_of == "Support Hours" for u in uses)
    assert a.glossary["Effective Date"].uses[0].before_definition


def test_terms_duplicate_definition_recorded() -> None:
    a = analyze_md(
        """
        # Agreement

        "Fees" means the amounts in the Order Form.

        "Fees" means the amounts in Schedule 2.
        """,
        aspects=TERMS,
    )
    assert len(a.glossary["Fees"].duplicates) == 1


def test_terms_planted_undefined_terms() -> None:
    a = analyze_md(PLANTED_SLA, aspects=TERMS)
    found = {u.term for u in a.undefined_terms}
    assert "Critical Incident" in found  # "Incident" is defined, "Critical Incident" is not
    assert "Downtime" in found  # used only inside the definition of "Availability"
    assert not any("Contoso" in t or "Northwind" in t for t in found)
    # proper nouns, statutes, months, headings, party aliases are not candidates
    assert not found & {"January", "Delaware", "Data Protection Act", "Service Level Agreement", "Provider", "Customer", "Service Levels"}
    downtime = next(u for u in a.undefined_terms if u.term == "Downtime")
    assert downtime.uses[0].section == "1.1" and downtime.uses[0].quote == "Downtime"


@pytest.mark.parametrize(
    "sentence",
    [
        "Provider shall comply with the General Data Protection Regulation and HIPAA.",
        "Support is available Monday to Friday in London and New York.",
        "THE SERVICES ARE PROVIDED AS IS WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.",
        "Provider uses Microsoft Azure and Google Workspace to host the Service.",
        "Notices go to the Chief Executive Officer of the Provider.",
        "The Provider shall observe the Acceptable Use Policy.",
        "Customer shall pay in U.S. Dollars.",
        "Upon Termination, the Provider returns data.",
        "The service desk is staffed by a Project Manager (PM) at all times.",
    ],
)
def test_terms_not_candidates(sentence: str) -> None:
    a = analyze_md(f'# Agreement\n\n"Service" means the service provided by Provider.\n\n{sentence}\n', aspects=TERMS)
    assert [u.term for u in a.undefined_terms] == []


def test_terms_vocabulary_and_external_terms_suppress() -> None:
    text = '# SLA\n\n"Incident" means an outage.\n\nEach Critical Incident and each Major Problem is logged.\n\nProvider reviews every Major Problem.\n'
    assert {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms} == {"Critical Incident", "Major Problem"}
    a = analyze_md(text, aspects=TERMS, vocabulary=["Critical Incident"], external_terms=["Major Problem"])
    assert a.undefined_terms == []


def test_terms_external_glossary_suppresses_candidates() -> None:
    text = """
    # Service Level Agreement

    Capitalised terms used but not defined in this SLA have the meanings given in the Master Agreement.

    Provider shall resolve each Critical Incident promptly and report every Critical Incident.
    """
    a = analyze_md(text, aspects=TERMS)
    assert a.external_glossaries and "Master Agreement" in a.external_glossaries[0].quote
    assert a.undefined_terms == []
    # when the caller knows the other document's terms, the rest are reported
    a = analyze_md(text, aspects=TERMS, external_terms=["Provider"])
    assert [u.term for u in a.undefined_terms] == ["Critical Incident"]


def test_terms_schedule_of_a_larger_contract_relies_on_its_definitions() -> None:
    a = analyze_md(
        """
        # Schedule 3 - Service Levels

        The Supplier shall meet each Service Level set out in the Core Terms, including the Critical Service Level.
        """,
        aspects=TERMS,
    )
    assert a.external_glossaries
    assert a.undefined_terms == []


def test_terms_imported_list_defines_each_term() -> None:
    a = analyze_md(
        """
        # Uptime Add-On

        The following terms mean the same in this add-on as in the base terms: **Billing Period**, **Feature Set**, **Users**.

        Provider credits Customer when Users cannot use the Feature Set during a Billing Period.
        """,
        aspects=TERMS,
    )
    assert {t for t, d in a.glossary.items() if d.how == "external"} == {"Billing Period", "Feature Set", "Users"}
    assert a.glossary["Users"].source == "base terms"
    assert a.undefined_terms == []


def test_terms_key_terms_table_defines_its_labels() -> None:
    a = analyze_md(
        """
        # Order Form

        | **Subscription Period** | 12 months |
        | --- | --- |
        | **Target Uptime** | 99.9% |
        | **Support Channel** | support@example.com |
        | **Payment Process** | invoiced monthly |

        Provider meets the Target Uptime during the Subscription Period.
        """,
        aspects=TERMS,
    )
    assert {"Subscription Period", "Target Uptime", "Support Channel", "Payment Process"} <= set(a.glossary)
    assert a.glossary["Target Uptime"].how == "table" and a.glossary["Target Uptime"].definition == "99.9%"
    assert [u.text for u in a.glossary["Target Uptime"].uses] == ["Target Uptime"]


def test_terms_cover_page_variables_are_not_reported_but_stray_roles_are() -> None:
    text = """
    # Standard Terms

    This agreement is between Acme Corp. ("Company") and Jane Roe Consulting LLC ("Contractor").

    Capitalized words have the meanings or descriptions given in the Cover Page.

    ## 1. Confidentiality

    1.1 Contractor shall keep the Confidential Information secret until the Notice Date, and shall deliver notices to the Notice Address before the Notice Date.

    1.2 If Contractor must disclose, Recipient provides the Discloser reasonable advance notice.

    1.3 Company pays the Fees monthly and may audit the Fees.
    """
    a = analyze_md(text, aspects=TERMS)
    found = {u.term for u in a.undefined_terms}
    # multi-word Title-case phrases are the cover page's variables; stray confidentiality
    # roles in a document whose parties are "Company" and "Contractor" are drafting slips
    assert {"Recipient", "Discloser"} <= found
    assert not found & {"Notice Date", "Notice Address", "Confidential Information"}


def test_terms_single_use_needs_evidence() -> None:
    text = """
    # Services Agreement

    ## 1. Definitions

    1.1 "Incident" means an outage.

    ## 2. Support

    2.1 Provider answers questions from the Federal Reserve promptly.

    2.2 Provider fixes each Critical Incident within four hours.
    """
    found = {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms}
    assert "Critical Incident" in found  # extends a defined term
    assert "Federal Reserve" not in found  # one use, nothing presupposing a definition


def test_terms_heading_run_in_and_pieces_of_known_phrases_are_not_candidates() -> None:
    text = """
    # Hosting Agreement

    This agreement is between Northwind Ltd. ("Provider") and Contoso Inc. ("Customer").

    ## 1. Definitions

    1.1 "Pre-Existing Materials" means materials Provider owned before the Effective Date.

    1.2 "Effective Date" means 1 January 2025.

    ## 2. Services

    2.1 Customer Care Provider will answer calls. Provider keeps Pre-Existing Materials and licenses Pre-Existing Materials to Customer.

    2.2 Customer Care Provider will log calls. Customer shall comply with the Children's Online Privacy Protection Act and the Children's Online Privacy Protection Act rules.

    2.3 Provider shall resolve each Priority Incident and report every Priority Incident.
    """
    found = {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms}
    assert "Priority Incident" in found
    assert not found & {"Customer Care", "Materials", "Children"}


def test_terms_amendment_takes_its_terms_from_the_amended_agreement() -> None:
    text = """
    # Amendment No. 2

    Amendment No. 2 to the Northwind Master Services Agreement.

    The Service Credits and the Service Levels change as follows: each Service Credit doubles and each Service Level tightens.
    """
    a = analyze_md(text, aspects=TERMS)
    assert a.external_glossaries
    assert a.undefined_terms == []


def test_terms_town_from_an_address_is_a_place_everywhere() -> None:
    text = (
        "# Services Agreement\n\n"
        'This Agreement is made between Northwind Ltd., with its principal office at 410 Harbor Street, '
        'Albany, New York 12207 ("Provider"), and Contoso LLC ("Customer").\n\n'
        "# 1. Travel\n1.1 Travel within fifty (50) miles of Provider's Albany office is not charged.\n"
        "1.2 Meetings take place at the Albany office or by video.\n"
    )
    a = analyze_md(text)
    assert "Albany" not in {u.term for u in a.undefined_terms}
