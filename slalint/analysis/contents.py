"""Tables of contents flattened into running text.

EDGAR exhibits (and some Word exports) keep the contents page as prose: headings followed by
their page numbers, one after another ("9.1 Financing Statements 39 9.2 No Transfer 40").
Such a line lists clauses; it is not a clause, a use of a defined term or a reference.
"""

from __future__ import annotations

import re

_ENTRY = re.compile(r"\b\d+(?:\.\d+)*\.?\s*[A-Z][^.;:]{2,70}?\s+\d{1,3}\b")
"""One entry: a clause number, its title and a page number ("6.01 Conditions of Closing 25")."""

_RUN = re.compile(
    r"(?:\b\d{1,3}\s+(?:Section|SECTION|Article|ARTICLE|Clause|CLAUSE|Schedule|Exhibit)\s+\d[\d.]*\b[^\n]*?){2,}"
    r"|(?:[A-Za-z]\s+\d{1,3}\s+\d{1,2}\.\d{1,2}\.?\s+[A-Z][^\n]*?){2,}"
)
"""Two or more entries in a row where the page number runs into the next clause number:
"... Agreements of the Company 13 Section 4.02 Covenants 14 Section 4.03 ...", "... Datec's
Obligations 33 12.2 BSP's Obligations 33 12.3 ..."."""


def contents_entries(text: str) -> int:
    """How many contents entries ("number, title, page") ``text`` holds."""
    return len(_ENTRY.findall(text))


def runs_into_contents(text: str) -> bool:
    """Whether ``text`` (a sentence) holds a run of contents entries."""
    return bool(_RUN.search(text))
