"""Small agreements for the analysis tests, written as Markdown and read with the real
Markdown reader (numbered headings become sections; **bold** becomes a bold mark; pipe
tables become tables)."""

from __future__ import annotations

import textwrap
from typing import Any

from slalint.analysis.analyze import analyze
from slalint.analysis.facts import Analysis
from slalint.document import Document
from slalint.readers.text import read_markdown


def md(text: str, path: str = "test.md") -> Document:
    return read_markdown(textwrap.dedent(text).strip() + "\n", path)


def analyze_md(text: str, **kw: Any) -> Analysis:
    return analyze(md(text), **kw)


PLANTED_SLA = """
# Service Level Agreement

This Service Level Agreement is made between Northwind Ltd., a company registered in England ("Provider") and Contoso Dental Group, P.C. ("Customer") (each a "Party", together the "Parties").

## 1. Definitions

1.1 "Availability" means the total minutes in a month minus Downtime, divided by the total minutes in the month.

1.2 "Incident" means any unplanned interruption of the Services.

1.3 "Services" means the managed IT services described in Schedule A.

## 2. Service Levels

2.1 Provider shall make the Services available 99.9% of the time in each month, measured as Availability.

2.2 Provider shall respond to each Critical Incident within four (4) business hours, e.g. by phone, and to any other Incident within thirty (45) days.

2.3 If Provider fails to meet Section 2.1, Customer may terminate under Section 9.4. See also Section 2.2 and Clause 3.

## 3. Fees

Customer shall pay $5,000 per month in January and every other month. Contoso Dental Group, P.C. agrees that the Customer's obligations survive under the laws of Delaware and the Data Protection Act 2018.

NORTHWIND LTD.

By: ____________
"""
"""An SLA with two planted undefined terms ("Critical Incident", with "Incident" defined;
"Downtime", used only inside the definition of "Availability"), a party name that must
not be reported, a broken cross-reference (9.4) and a words-vs-digits mismatch."""
