"""Undefined-term candidates: the informal ways real agreements name things are not
reported, and the terms they really leave undefined still are."""

from __future__ import annotations

import pytest

from tests.analysis._docs import analyze_md

TERMS = {"terms"}
PARTIES = 'This Agreement is made between Northwind Computer Services LLC ("Provider") and Fabrikam Veterinary Clinic, LLC ("Customer").\n\n'


def undefined(body: str) -> set[str]:
    return {u.term for u in analyze_md("# Agreement\n\n" + PARTIES + body, aspects=TERMS).undefined_terms}


@pytest.mark.parametrize(
    ("body", "term"),
    [
        # a short name in parentheses without quotation marks
        ("Provider operates a group pension plan (the Plan). Customer may join the Plan and leave the Plan at any time.\n", "Plan"),
        # a quoted name with an optional plural
        ('The term renews from year to year ("Extended Term(s)"). Either party may end any Extended Term by notice. Each Extended Term lasts one year.\n', "Extended Term"),
        # the full name before the short name it is given
        ('Provider shall keep a Services Continuity Plan (the "Plan") and shall test the Services Continuity Plan each year.\n', "Services Continuity Plan"),
        # a term that says where it is defined
        ("Provider acts as Registrar (as such term is defined in the Indenture). The Registrar keeps the register.\n", "Registrar"),
        # the expansion of an acronym the document uses
        ("Customer may issue an Engineering Change Order (ECO). Each Engineering Change Order is priced separately.\n", "Engineering Change Order"),
        ('Customer may answer a Request for Information ("RFI") of Provider. Each Request for Information is free.\n', "Request"),
        # a defined term spelt the other side of the Atlantic
        ('The licence fee (the "Licence Fee") is due on signature. Customer pays the License Fee in US dollars. The License Fee is not refundable.\n', "License Fee"),
        # a numbered form and a lettered part
        ("Customer files a Registration Statement on Form S-1 and Provider reviews the Form S-1 filing.\n", "Form"),
        # a party's person
        ("Each party appoints a project manager. The Customer Project Manager approves changes, and the Customer Project Manager signs off the tests.\n", "Customer Project Manager"),
        # a town before its state, an organisation by its description
        ("Provider keeps an office in Minot, North Dakota. Support calls go to the Minot office.\n", "Minot"),
        ("Provider subcontracts hosting to Rand Carbide, a Delaware corporation. Rand Carbide hosts the servers.\n", "Rand Carbide"),
        # a piece of a term written with an optional plural
        ("Upon Customer's cure of all Event(s) of Default the pricing reverts. No Event(s) of Default may remain.\n", "Default"),
    ],
)
def test_informal_names_are_not_undefined_terms(body: str, term: str) -> None:
    assert term not in undefined(body)


def test_run_in_glossary_defines_its_terms() -> None:
    text = (
        "# Agreement\n\n" + PARTIES + "## 1. Defined Terms\n\n"
        "Due Period. The calendar month for which fees are invoiced. Holder. The registered owner of a Note.\n\n"
        "## 2. Payments\n\nProvider pays each Holder after each Due Period. A Holder may ask for the Due Period to change.\n"
    )
    found = {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms}
    assert not found & {"Due Period", "Holder"}


def test_line_drawing_and_contents_line_are_not_prose() -> None:
    body = (
        "---- Incident ---- | Response | ---- | Quotation | ---- | Problem |\n\n"
        "---- | Quotation | ---- | Response | ---- | Problem solved |\n\n"
        "Representations, Warranties and Covenants 13 Section 4.02 Indemnification 14 Section 4.03 Insurance 15\n\n"
        "Representations, Warranties and Covenants 13 Section 4.02 Indemnification 14 Section 4.03 Insurance 15\n"
    )
    assert not undefined(body) & {"Response", "Quotation", "Problem", "Warranties", "Indemnification"}


def test_names_inside_a_definition_are_not_terms_but_a_bare_term_is() -> None:
    text = (
        "# Agreement\n\n" + PARTIES + "## 1. Definitions\n\n"
        '1.1 "Business Day" means a day on which banks in Milwaukee, Waukesha and Ozaukee Counties are open.\n\n'
        '1.2 "CPI" means the Consumer Price Index for All Urban Consumers published monthly.\n\n'
        '1.3 "Uptime" means the time in a month during which the service is not affected by Downtime.\n\n'
        "## 2. Service Levels\n\n2.1 Provider keeps Uptime above 99.9% on each Business Day, and fees rise by the CPI.\n"
    )
    found = {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms}
    assert "Downtime" in found
    assert not found & {"Milwaukee", "Waukesha", "Ozaukee", "Consumer Price Index", "Urban Consumers"}


def test_real_undefined_terms_stay_found() -> None:
    body = (
        "Provider shall report every Critical Incident within one hour and fix all Critical Incidents first.\n\n"
        "Customer shall forward all proposals regarding the Retention Plan. The trustees with no interest in the "
        'Retention Plan ("Independent Trustees") approve it.\n'
    )
    found = undefined(body)
    assert {"Critical Incident", "Retention Plan"} <= found


@pytest.mark.parametrize(
    ("body", "term"),
    [
        # capitalised for emphasis while the same word is written in lower case as often
        ("Provider maintains the Hardware and insures the Hardware. Customer may not move the hardware; any hardware added "
         "later is covered, and Provider reports faults in the hardware.\n", "Hardware"),
        # a capitalised label on a lower-case noun (a table run into the text)
        ("Severity 3 requests are answered Next business day. Severity 4 requests are answered Next business day after triage.\n", "Next"),
        # sentence-initial after the "o" bullet of EDGAR text
        ("The following is charged: o Installation costs if on-site work is needed o Installation costs of spare parts.\n", "Installation"),
        # a two-word name joined by "for" or "&"
        ("Provider sponsors the Center for Excellence and names the Center for Excellence in its reports.\n", "Excellence"),
        ("Provider sends Notice & Access letters whenever Notice & Access applies.\n", "Access"),
        # a brand in a list written in capitals, a company with its suffix, an office of an organisation
        ("Users pay by card (VISA, MasterCard, AMEX, Discover). Provider accepts VISA, AMEX, Discover and cash.\n", "Discover"),
        ("Provider subcontracts billing to Galacticomm, Inc. Galacticomm invoices monthly and Galacticomm keeps records.\n", "Galacticomm"),
        ("An arbitrator is appointed by the Chairperson of AFSA. If the Chairperson of AFSA does not act, a court decides.\n", "Chairperson"),
        # an amount written out, a plural possessive in a name, a word glued by an underscore
        ("Provider runs a Twenty-Four Hour help desk. The Twenty-Four Hour desk answers in English.\n", "Hour"),
        ("Provider holds Workers' Compensation insurance and shows its Workers' Compensation certificate.\n", "Workers"),
        ("The Fee_per_Port is in Table 1 and the Fee_per_Port rises yearly.\n", "Port"),
        # a plural quoted as the definition, the singular used
        ('No viruses or similar items ("Viruses") may be introduced. If a Virus is found, Provider removes the Virus.\n', "Virus"),
        # a running footer with a longer owner's name
        ("Provider shall Proprietary to Bank of America Page 5 deliver the data. Customer shall Proprietary to Bank of "
         "America Page 6 pay the fees.\n", "Proprietary"),
    ],
)
def test_single_words_that_are_not_terms(body: str, term: str) -> None:
    assert term not in undefined(body)


def test_pieces_of_longer_defined_names_are_not_terms() -> None:
    text = (
        "# Agreement\n\n"
        'This Agreement is made between Northwind LLC ("Licensor") and Fabrikam LLC ("Licensee").\n\n'
        "## 1. Definitions\n\n"
        '1.1 "Licensee Product" means the product Licensee develops.\n\n'
        '1.2 "Deployment, Hosting and Maintenance Specifications" means Exhibit A.\n\n'
        '1.3 "Minority-Owned Business Enterprise", "Woman-Owned Business Enterprise" and "Disabled-Owned Business Enterprise" '
        "have the meanings in the policy.\n\n"
        '1.4 "Retail Price Index" means the UK Index of Retail Prices.\n\n'
        "Representative an employee, officer or agent of a party.\n\n"
        "System:\n\nThe hardware and software that run the hosted service.\n\n"
        "## 2. Obligations\n\n"
        "2.1 Licensor hosts Licensee's Product under the Deployment, Hosting and Maintenance Specifications; Licensee's Product stays Licensee's.\n\n"
        "2.2 Licensor uses a Minority, Woman or Disabled-Owned Business Enterprise and reports each Minority, Woman or "
        "Disabled-Owned Business Enterprise it uses.\n\n"
        "2.3 Fees rise by such Index; if such Index ends the parties agree another.\n\n"
        "2.4 Each Representative follows the rules, and the System is monitored; the System is backed up.\n"
    )
    found = {u.term for u in analyze_md(text, aspects=TERMS).undefined_terms}
    assert not found & {"Product", "Deployment", "Minority", "Woman", "Index", "Representative", "System"}


def test_single_words_used_as_terms_stay_found() -> None:
    body = (
        "Provider grants a licence to use the Software. Customer shall not copy the Software, and Provider fixes errors "
        "in the Software; other software Customer installs is its own affair.\n\n"
        "Customer reports any Error in writing and Provider supplies Error corrections. Provider need not correct an "
        "Error that Customer causes.\n"
    )
    assert {"Software", "Error"} <= undefined(body)
