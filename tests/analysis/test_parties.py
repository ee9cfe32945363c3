"""Parties: names, aliases and normalised roles."""

from __future__ import annotations

import pytest

from tests.analysis._docs import PLANTED_SLA, analyze_md

PARTIES = {"parties"}


def by_role(a):  # noqa: ANN001, ANN202
    return {p.role: p for p in a.parties}


def test_parties_preamble_names_and_aliases() -> None:
    a = analyze_md(PLANTED_SLA, aspects=PARTIES)
    roles = by_role(a)
    assert roles["provider"].name == "Northwind Ltd."
    assert roles["provider"].aliases == ("Provider",)
    assert roles["customer"].name == "Contoso Dental Group, P.C."
    assert roles["customer"].evidence is not None and "Contoso" in roles["customer"].evidence.quote
    assert len(a.parties) == 2  # the signature block names the same provider


@pytest.mark.parametrize(
    ("alias", "role"),
    [("Supplier", "provider"), ("Vendor", "provider"), ("Licensor", "provider"), ("Contractor", "provider"),
     ("Client", "customer"), ("Buyer", "customer"), ("Licensee", "customer"), ("Authority", "customer")],
)
def test_parties_roles_normalised(alias: str, role: str) -> None:
    a = analyze_md(f'# Agreement\n\nThis Agreement is between Fabrikam Inc. ("{alias}") and the other party.\n', aspects=PARTIES)
    assert [(p.name, p.role) for p in a.parties] == [("Fabrikam Inc.", role)]


def test_parties_company_takes_the_other_role() -> None:
    a = analyze_md(
        '# Agreement\n\nThis Agreement is between Fabrikam Inc. (the "Company") and Tailspin Toys LLC (the "Client").\n',
        aspects=PARTIES,
    )
    assert {p.name: p.role for p in a.parties} == {"Fabrikam Inc.": "provider", "Tailspin Toys LLC": "customer"}


def test_parties_defined_by_means() -> None:
    a = analyze_md('# Definitions\n\n"Customer" means Contoso Dental Group, P.C., a professional corporation.\n', aspects=PARTIES)
    assert [(p.name, p.role, p.aliases) for p in a.parties] == [("Contoso Dental Group, P.C.", "customer", ("Customer",))]


def test_parties_signature_block() -> None:
    a = analyze_md(
        """
        # Signatures

        NORTHWIND LTD.

        By: ______________

        TAILSPIN TOYS LLC

        By: ______________
        """,
        aspects=PARTIES,
    )
    assert [p.name for p in a.parties] == ["NORTHWIND LTD.", "TAILSPIN TOYS LLC"]


def test_parties_hints_override() -> None:
    a = analyze_md(
        '# Agreement\n\nThis Agreement is between Fabrikam Inc. ("Fabrikam") and Tailspin Toys LLC ("Tailspin").\n',
        aspects=PARTIES,
        party_hints={"Fabrikam": "customer", "Tailspin Toys LLC": "provider"},
    )
    assert {p.name: p.role for p in a.parties} == {"Fabrikam Inc.": "customer", "Tailspin Toys LLC": "provider"}


def test_parties_role_words_stand_in_without_names() -> None:
    a = analyze_md(
        "# SLA\n\nProvider will respond. Provider will report. Provider will restore. Customer will pay. Customer will report. Customer will cooperate.\n",
        aspects=PARTIES,
    )
    assert {p.name: p.role for p in a.parties} == {"Provider": "provider", "Customer": "customer"}


@pytest.mark.parametrize(
    "preamble",
    [
        'This Agreement is made as of January 15, 2019 (the "Effective Date") by and between Northwind '
        "Computer Services LLC, a New York limited liability company with its offices at 12 Mill Road, "
        'Troy, New York 12180 ("Provider"), and Fabrikam Veterinary Clinic, LLC, with its principal '
        'place of business at [CUSTOMER ADDRESS] ("Customer").',
    ],
)
def test_parties_descriptor_with_address_before_alias(preamble: str) -> None:
    """"with its offices at ..." after the legal name is a descriptor, not the lead-in."""
    a = analyze_md("# Services Agreement\n\n" + preamble + "\n")
    got = {(p.name, p.role) for p in a.parties}
    assert ("Northwind Computer Services LLC", "provider") in got
    assert ("Fabrikam Veterinary Clinic, LLC", "customer") in got
