"""``slalint_parties``: party names and their aliases introduced in a paragraph.

``Acme Corp., a Delaware corporation ("Provider")``, ``between Contoso Dental Group, P.C.
(the "Customer") and ...``, ``Northwind Ltd. (hereinafter "Supplier")`` and
``"Customer" means Contoso Dental Group, P.C.``. Reads the definitions that
``slalint_defined_terms`` found, so it runs after it. Signature blocks span paragraphs and
are found by `slalint.analysis.parties`.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from slalint.analysis.extensions import doc_text, raw, set_raw  # (importing it registers the Doc/Span attributes)
from slalint.analysis.components._data import pattern_file, read_jsonl


class PartyMention(NamedTuple):
    name: str
    alias: str | None
    role: str | None
    start: int
    end: int
    how: str  # "preamble" (parenthetical alias) or "definition" ("Customer" means X)


_LEAD = re.compile(
    r"^(?:.*?\b(?:by\s+and\s+between|between|among|by|with|and|from|to)\s+)?(?:the\s+)?", re.I | re.S
)
_DESCRIPTOR = re.compile(
    r",?\s+(?:a|an|the|with|having|whose|located|organi[sz]ed|incorporated|registered|acting|on\s+behalf|each|of|at)\b.*$|,\s*$",
    re.S,
)
_NOT_A_PARTY = re.compile(
    r"^(?:this|these|the|such|each|any)\b|^(?:agreement|contract|sow|statement of work|msa|dpa|sla|order form|schedule|addendum|terms|exhibit|annex|appendix)$",
    re.I,
)
_NAME_OK = re.compile(r"^[\[{A-Z0-9][^\n]{0,120}$")
_MEANS_NAME = re.compile(
    r"^\s*(?P<name>(?:[A-Z][\w&.'\u2019-]*|\{[^{}]+\}|\[[^\[\]]+\])(?:[\s,]+(?:[A-Z][\w&.'\u2019-]*|of|and|&|\{[^{}]+\}))*)"
)


@registry.misc("slalint.party_patterns.v1")
def party_patterns(path: str = "") -> dict[str, str | None]:
    """Alias (as written in agreements, "Supplier") -> normalised role or None."""
    return {r["alias"]: r["role"] for r in read_jsonl(pattern_file(path, "parties.jsonl"))}


_ADDRESS = re.compile(r",?\s+\d+\s+[A-Z][A-Za-z]*\b.*$|\s+\((?:company|registration|registered|reg\.?)\b.*$", re.S | re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z0-9\[{(&][\w.,'\u2019&/()\[\]{}-]*|of|and|the|de|du|der|von|van|for|&|,|/|-|\u2013)$")
_NOT_A_NAME_START = frozenset("that this these whereas in if when where each any such the for by with now".split())
_SUFFIX_WORDS = re.compile(r"\b(?:Inc|LLC|L\.L\.C|LLP|PLC|plc|Ltd|Limited|Corp|Corporation|GmbH|AG|N\.V|B\.V|S\.A|P\.C|LP|L\.P)\b\.?", re.I)


def entity_name(before: str) -> str | None:
    """The party's name from the words before its alias: drops "between", "and", the
    descriptor (", a Delaware corporation with offices at ..."), an address, a trailing
    "as"; None unless what is left looks like a name (capitalised words, at most one
    company suffix)."""
    text = before.strip()
    # the descriptor and address go first: "with its offices at ..." must not be taken
    # for the "between ... with" lead-in that precedes a name
    text = _DESCRIPTOR.sub("", text).strip(" ,;:")
    text = _ADDRESS.sub("", text).strip(" ,;:")
    m = _LEAD.match(text)
    if m and m.end() < len(text):
        # keep the last "between/and" split only when a capitalised name follows it
        text = text[m.end():]
    text = re.sub(r"\s+as$", "", text)
    if not text or not _NAME_OK.match(text) or len(text.split()) > 12:
        return None
    return text if looks_like_name(text) else None


def looks_like_name(text: str) -> bool:
    """Capitalised words (or a placeholder), not a sentence fragment, one company at most."""
    words = text.split()
    if not words or words[0].lower().strip(",") in _NOT_A_NAME_START:
        return False
    if re.search(r"\bagreement\b|\b(?:19|20)\d\d\b", text, re.I):
        return False  # a title or a date, not a name
    if len(_SUFFIX_WORDS.findall(text)) > 1:
        return False  # two names run together: "CORIO, INC. CHANGEPOINT, INC."
    return all(_NAME_WORD.match(w) for w in words)


class PartyFinder:
    def __init__(self, name: str, roles: dict[str, str | None]):
        self.name = name
        self.roles = roles
        self.lower_roles = {k.lower(): v for k, v in roles.items()}

    def role_of(self, alias: str) -> str | None:
        return self.lower_roles.get(alias.lower().removeprefix("the "))

    def is_role_word(self, alias: str) -> bool:
        return alias.lower().removeprefix("the ") in self.lower_roles

    def __call__(self, doc: Doc) -> Doc:
        set_raw(doc, "slalint_party_mentions", self.find(doc_text(doc), raw(doc, "slalint_definitions") or []))
        return doc

    def find(self, text: str, definitions: list[Any]) -> list[PartyMention]:
        out: list[PartyMention] = []
        for d in definitions:
            if re.search(r"\bpart(?:y|ies)$", d.term, re.I):
                continue  # "Receiving Party", "Disclosing Party": roles within a clause
            if d.how in ("party", "parenthetical") and (d.how == "party" or self.is_role_word(d.term)):
                name = entity_name(text[d.def_start:d.def_end])
                if name and not _NOT_A_PARTY.match(name) and not _NOT_A_PARTY.match(d.term):
                    out.append(PartyMention(name, d.term, self.role_of(d.term), d.def_start, d.end, "preamble"))
            elif d.how == "means" and self.is_role_word(d.term):
                m = _MEANS_NAME.match(text[d.def_start:d.def_end])
                if m and re.search(r"\b(?:Inc|Ltd|LLC|LLP|PLC|Corp|Corporation|Limited|Co|P\.C|GmbH|AG)\b", m.group("name")):
                    name = m.group("name").strip(" ,")
                    out.append(PartyMention(name, d.term, self.role_of(d.term), d.start, d.def_start + m.end(), "definition"))
        return out


@Language.factory(
    "slalint_parties",
    assigns=["doc._.slalint_party_mentions"],
    requires=["doc._.slalint_definitions"],
    default_config={"roles": {"@misc": "slalint.party_patterns.v1", "path": ""}},
)
def make_parties(nlp: Language, name: str, roles: dict[str, str | None]) -> PartyFinder:
    return PartyFinder(name, roles)
