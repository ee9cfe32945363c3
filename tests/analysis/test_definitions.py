"""Where definitions are found: lines that only look like definitions, and clauses that
open a list of definitions without being titled so."""

from __future__ import annotations

from slalint.analysis.terms import is_definitions_section
from tests.analysis._docs import analyze_md, md

TERMS = {"terms"}


def test_contents_line_with_dot_leaders_is_not_a_definition() -> None:
    a = analyze_md(
        """
        # Contents

        SECTION 24.0 INFORMATION TECHNOLOGIES SERVICES ("I/T") SYSTEMS ........ Page 37

        # 24. Information Technologies

        24.1 IBM provides the information technologies services ("I/T Services") to MSL.
        """,
        aspects=TERMS,
    )
    assert "I/T" not in a.glossary
    assert a.glossary["I/T Services"].evidence.section == "24.1"


def test_bare_part_name_is_not_a_layout_definition() -> None:
    a = analyze_md(
        """
        # 1. Definitions

        Attachment \u2013 this section includes the glossary that has been used in this SLA.

        Incident \u2013 an unplanned interruption of the Service.
        """,
        aspects=TERMS,
    )
    assert "Attachment" not in a.glossary
    assert "Incident" in a.glossary


def test_clause_announcing_additional_definitions_is_a_definitions_section() -> None:
    doc = md(
        """
        # 5. Restrictions

        5.1 For the purposes of this Schedule 3 the following additional definitions shall apply:

        5.2 The Executive will not compete during the Restricted Period.
        """
    )
    sections = {s.label: s for s in doc.sections()}
    assert is_definitions_section(sections["5.1"])
    assert not is_definitions_section(sections["5.2"])


def test_party_defined_together_with_its_group() -> None:
    a = analyze_md(
        """
        This Outsourcing Agreement ("Agreement") is made between Tri City National Bank, a Wisconsin corporation (including its Affiliates, "Customer") and Acme Data Services, Inc. (together with its subsidiaries, the "Provider").

        # 1. Services

        1.1 Provider will provide the Services to Customer.
        """,
        aspects=TERMS,
    )
    assert a.glossary["Customer"].how == "party"
    assert a.glossary["Provider"].how == "party"
    assert a.glossary["Customer"].evidence.section is None  # the preamble, not a later restatement
