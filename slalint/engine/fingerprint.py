"""Finding fingerprints that survive renumbering and unrelated edits.

A fingerprint hashes the rule code, where the finding is (the section *titles* from the
top-level section down, never the numbers) and the quoted words, normalised: lowercased,
whitespace collapsed, list labels and the numbers in cross-references ("Section 4.2",
"Schedule 3") replaced by '#'. Document-level findings ("missing X") hash the rule code,
the document kind and the topic. Baselines and triage decisions match on it.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable

_REF = re.compile(r"\b(sections?|clauses?|schedules?|exhibits?|annex(?:es)?|appendix|appendices|articles?|paragraphs?|parts?|§)\s*"
                  r"(?:[0-9]+(?:\.[0-9]+)*(?:\([a-z0-9]+\))*|[ivxlc]+\b|[a-z]\b)", re.I)
_LEADING_LABEL = re.compile(r"^\s*(?:(?:\(?[0-9]{1,3}(?:\.[0-9]+)*[.)]?|\(?[a-z]{1,4}\)|[a-z][.)])\s+)+", re.I)
_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    t = _LEADING_LABEL.sub("", text or "")
    t = _REF.sub(lambda m: m.group(1).lower() + " #", t)
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return _SPACE.sub(" ", t).strip().lower()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def text_fingerprint(code: str, title_path: Iterable[str], quote: str) -> str:
    """Fingerprint of a finding about words in a section."""
    path = "/".join(_SPACE.sub(" ", t).strip().lower() for t in title_path)
    return _digest(code, "text", path, normalise_text(quote))


def document_fingerprint(code: str, kind: str, topic: str | None) -> str:
    """Fingerprint of a document-level finding (no section: "missing X")."""
    return _digest(code, "document", kind or "", topic or "")
