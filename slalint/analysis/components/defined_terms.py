"""``slalint_defined_terms``: where a paragraph defines a term, from its text alone.

Drafters define terms in a handful of ways, all of them found here with regular
expressions over ``doc.text`` (straight and curly quotes alike):

* ``"Term" means ...`` / ``shall mean`` / ``refers to`` (``how="means"``), with alternates
  (``"Service" or "Services" means``) and the colon style at a paragraph's start
  (``"Term": ...``), and an unquoted ``Term means ...`` opening a paragraph;
* ``"Term" has the meaning given in Section 4.2`` (``how="reference"``) or ``... in the
  Master Agreement`` (``how="external"``, ``source`` names the other document);
* a parenthetical after the thing defined: ``(the "Effective Date")``, ``(each a "Party",
  together the "Parties")``, ``Acme Corp. ("Provider")`` (``how="party"`` when the words
  before it end in a company name), and ``hereinafter referred to as "X"``.

Bold-only terms in a definitions section and definitions tables need the paragraph's
formatting and the section it sits in, so `slalint.analysis.terms` finds those.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from slalint.analysis.extensions import doc_text, set_raw  # (importing it registers the Doc/Span attributes)
from slalint.analysis.components._data import pattern_file, read_jsonl


class DefinitionMatch(NamedTuple):
    """A definition found in one paragraph; offsets are into ``doc.text``."""

    term: str
    start: int
    end: int
    how: str
    def_start: int
    def_end: int
    alternates: tuple[str, ...] = ()
    source: str | None = None


_QUOTED = re.compile(
    r"[\"\u201c\u201d]([^\"\u201c\u201d\n]{1,100}?)[\"\u201c\u201d]|\u2018([^\u2018\u2019\n]{1,100}?)\u2019(?![a-z])"
)
_JOINER = re.compile(r"\s*(?:,|;|/|\bor\b|\band\b|,\s*or\b|,\s*and\b)\s*(?:the\s+|an?\s+)?$", re.I)
_PAREN = re.compile(r"\(([^()]{1,250})\)")
_WITH_ITS_GROUP = re.compile(
    r"^\s*(?:including|together\s+with|with)\s+(?:its|their)\s+(?:\w+\s+){0,2}?"
    r"(?:affiliates|subsidiaries|successors(?:\s+and\s+(?:permitted\s+)?assigns)?|permitted\s+assigns)\s*,?",
    re.I,
)
"""A party defined with its group: 'Tri City National Bank (including its Affiliates,
"Customer")', 'Acme Ltd (together with its subsidiaries, the "Supplier")'."""
_HEREINAFTER = re.compile(
    r"\b(?:hereinafter|hereafter|herein)\s*(?:,\s*)?(?:referred\s+to\s+as|called|defined\s+as)?\s*(?:the\s+)?$", re.I
)
_LABEL_PREFIX = re.compile(r"^\s*(?:\(?[0-9a-zA-Z]{1,4}(?:\.\d+)*[.)]\s*)?$")
_ARTICLE_PREFIX = re.compile(r"^\s*(?:\(?[0-9a-zA-Z]{1,4}(?:\.\d+)*[.)]\s*)?(?:an?|the)\s+$", re.I)
_AFTER_SENTENCE = re.compile(r"[.!?]\s+(?:(?:An?|The)\s+)?$")
"""A quoted term opening a sentence inside a paragraph ('... with GitHub. A "Personal
Account" represents ...'): the start-only verbs ("is", "represents") define there too."""
_UNQUOTED_MEANS = re.compile(
    r"^\s*(?:the\s+)?(?P<term>[A-Z][\w\u2019'&/-]*(?:\s+(?:[A-Z0-9][\w\u2019'&/-]*|of|and|for|the|to|in|on|or|by)){0,7})\s+(?P<verb>means|shall\s+mean)\b"
)
_ENTITY_END = re.compile(
    r"(?:\b(?:Inc|Ltd|Limited|LLC|L\.L\.C|LLP|PLC|plc|Corp|Corporation|Co|Company|GmbH|AG|S\.A|B\.V|N\.V|P\.C|LP|L\.P|P\.A|PLLC|Pty|SE|SAS|S\.r\.l|Group|Trust|Bank|Partnership|University|Council|Authority)\.?|\{[^{}]+\}|\[[^\[\]]+\])"
    r"\s*,?\s*(?:(?:an?|the)\s[^()]{0,200}?)?[,;]?\s*$"
)
_SOURCE = re.compile(
    r"^\s*(?:(?:given|set\s+(?:forth|out)|ascribed|assigned|attributed|provided)\s+)?(?:(?:to\s+(?:it|them|such\s+terms?|that\s+term))\s+)?(?:in|under|by)\s+"
    r"(?:(?P<ref>(?:Section|Clause|Article|Schedule|Exhibit|Annex|Appendix|Attachment|Part|paragraph)s?\s+[\w.()-]+)"
    r"|(?P<this>this|these)\s+(?P<thisdoc>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})"
    r"|(?:the\s+)?(?P<doc>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|and|on|for)){0,7}))"
)
_SENTENCE_CUT = re.compile(r"[.;:]\s+(?=[A-Z(\"\u201c])")
_PARTY_CUT = re.compile(r"[.;:]\s+(?=[A-Z(\"\u201c])|\bbetween\s+|\band\s+(?=[A-Z\"\u201c{\[])")
_TERM_OK = re.compile(r"^[\W_]*[A-Z0-9]")


@registry.misc("slalint.term_patterns.v1")
def term_patterns(path: str = "") -> dict[str, Any]:
    """Definition verbs (with the ``how`` they imply), parenthetical filler words and the
    names of documents that hold definitions elsewhere."""
    rows = read_jsonl(pattern_file(path, "terms.jsonl"))
    return {
        "verbs": [(r["text"], r["how"], bool(r.get("only_at_start"))) for r in rows if r["kind"] == "verb"],
        "fillers": sorted({r["text"] for r in rows if r["kind"] == "filler"}),
        "external_sources": sorted({r["text"] for r in rows if r["kind"] == "external_source"}),
    }


def clean_term(raw: str) -> str:
    """The term as written, without surrounding space and trailing punctuation inside the
    quotes (``"Services,"`` -> ``Services``) and without a leading article quoted with it
    (``"The User,"`` -> ``User``)."""
    term = raw.strip().strip(",.;:").strip()
    if term[:4] in ("The ", "the ") and term[4:5].isupper():
        term = term[4:]
    return term


class DefinedTermsFinder:
    def __init__(self, name: str, patterns: dict[str, Any]):
        self.name = name
        verbs = sorted(patterns["verbs"], key=lambda v: -len(v[0]))
        self.verb_how = {v[0].lower(): v[1] for v in verbs}
        self.start_only = {v[0].lower() for v in verbs if v[2]}
        alt = "|".join(r"\s+".join(map(re.escape, v[0].split())) for v in verbs)
        self.verb_re = re.compile(rf"^\s*(?:\([^()]{{0,80}}\)\s*)?[,]?\s*(?P<verb>{alt})\b", re.I)
        self.colon_re = re.compile(r"^\s*[:\u2013\u2014]\s*\S")
        self.fillers = set(patterns["fillers"])
        self.external_sources = [s.lower() for s in patterns["external_sources"]]

    def __call__(self, doc: Doc) -> Doc:
        set_raw(doc, "slalint_definitions", self.find(doc_text(doc)))
        return doc

    # -- the finders ---------------------------------------------------------------
    def find(self, text: str) -> list[DefinitionMatch]:
        quotes = [
            (m.group(1) if m.group(1) is not None else m.group(2), m.start(), m.end())
            for m in _QUOTED.finditer(text)
        ]
        out: list[DefinitionMatch] = []
        taken: set[int] = set()
        out += self._means(text, quotes, taken)
        out += self._parentheticals(text, quotes, taken)
        out += self._hereinafter(text, quotes, taken)
        if not out:
            m = _UNQUOTED_MEANS.match(text)
            if m and len(m.group("term").split()) <= 6:
                end = self._definition_end(text, m.end())
                out.append(DefinitionMatch(m.group("term"), m.start("term"), m.end("term"), "means", _skip_ws(text, m.end()), end))
        out.sort(key=lambda d: d.start)
        return out

    def _means(self, text: str, quotes: list[tuple[str, int, int]], taken: set[int]) -> list[DefinitionMatch]:
        out = []
        i = 0
        while i < len(quotes):
            group = [quotes[i]]
            j = i
            while j + 1 < len(quotes) and len(group) < 6 and (
                _JOINER.match(text[quotes[j][2]:quotes[j + 1][1]])
                # the comma inside the quotes: "The User," "You," and "Your" refer to
                or (quotes[j][0].rstrip().endswith(",") and not text[quotes[j][2]:quotes[j + 1][1]].strip())
            ):
                j += 1
                group.append(quotes[j])
            last_end = group[-1][2]
            rest = text[last_end:last_end + 200]
            m = self.verb_re.match(rest)
            head = text[:group[0][1]]
            at_start = bool(_LABEL_PREFIX.match(head) or _ARTICLE_PREFIX.match(head) or _AFTER_SENTENCE.search(head[-12:]))
            verb = None
            if m:
                verb = " ".join(m.group("verb").lower().split())
                if verb in self.start_only and not at_start:
                    verb = None
            if verb is None and at_start and self.colon_re.match(rest):
                verb, m_end = ":", last_end + rest.index(":" if ":" in rest[:3] else rest.strip()[0]) + 1
            elif verb is not None:
                m_end = last_end + m.end()
            terms = [(clean_term(t), s, e) for t, s, e in group]
            terms = [t for t in terms if t[0] and _TERM_OK.match(t[0]) and len(t[0].split()) <= 10]
            if verb is None or not terms:
                i += 1
                continue
            how = self.verb_how.get(verb, "means")
            source = None
            def_start = _skip_ws(text, m_end)
            if how == "reference":
                how, source = self._source(text[m_end:])
            def_end = self._definition_end(text, def_start)
            head, *alts = terms
            out.append(DefinitionMatch(head[0], head[1] + 1, head[2] - 1, how, def_start, def_end, tuple(a[0] for a in alts), source))
            for k in range(i, j + 1):
                taken.add(quotes[k][1])
            i = j + 1
        return out

    def _source(self, after: str) -> tuple[str, str | None]:
        m = _SOURCE.match(after)
        if not m:
            return "reference", None
        if m.group("ref"):
            return "reference", m.group("ref").rstrip(".,;")
        if m.group("this"):
            return "reference", f"this {m.group('thisdoc')}"
        return "external", m.group("doc").rstrip(".,;")

    def _parentheticals(self, text: str, quotes: list[tuple[str, int, int]], taken: set[int]) -> list[DefinitionMatch]:
        out = []
        for pm in _PAREN.finditer(text):
            inner_quotes = [q for q in quotes if pm.start() < q[1] and q[2] < pm.end() and q[1] not in taken]
            if not inner_quotes:
                continue
            rest = text[pm.start() + 1:pm.end() - 1]
            for _, s, e in reversed(inner_quotes):
                rest = rest[: s - pm.start() - 1] + " " + rest[e - pm.start() - 1:]
            words = re.findall(r"[A-Za-z]+", _WITH_ITS_GROUP.sub(" ", rest))
            if any(w.lower() not in self.fillers for w in words):
                continue
            terms = [(clean_term(t), s, e) for t, s, e in inner_quotes]
            terms = [t for t in terms if t[0] and _TERM_OK.match(t[0]) and len(t[0].split()) <= 10]
            if not terms:
                continue
            def_start = self._sentence_start(text, pm.start(), party=True)
            defined = text[def_start:pm.start()].rstrip()
            how = "party" if _ENTITY_END.search(defined[-300:]) else "parenthetical"
            if how == "parenthetical":
                def_start = self._sentence_start(text, pm.start(), party=False)
                defined = text[def_start:pm.start()].rstrip()
            head, *alts = terms
            out.append(DefinitionMatch(head[0], head[1] + 1, head[2] - 1, how, def_start, def_start + len(defined), tuple(a[0] for a in alts)))
            for q in inner_quotes:
                taken.add(q[1])
        return out

    def _hereinafter(self, text: str, quotes: list[tuple[str, int, int]], taken: set[int]) -> list[DefinitionMatch]:
        out = []
        for t, s, e in quotes:
            if s in taken or not _HEREINAFTER.search(text[max(0, s - 60):s]):
                continue
            term = clean_term(t)
            if not term or not _TERM_OK.match(term):
                continue
            def_start = self._sentence_start(text, s, party=True)
            how = "party" if _ENTITY_END.search(text[def_start:s][:300].split("hereinafter")[0].rstrip(" ,(")) else "parenthetical"
            out.append(DefinitionMatch(term, s + 1, e - 1, how, def_start, s))
            taken.add(s)
        return out

    @staticmethod
    def _sentence_start(text: str, pos: int, party: bool = False) -> int:
        """Start of what a parenthetical defines: after the last sentence end or semicolon,
        and for a party also after the "between"/"and" that introduces it."""
        cut = 0
        rx = _PARTY_CUT if party else _SENTENCE_CUT
        for m in rx.finditer(text, 0, pos):
            cut = m.end()
        return cut

    @staticmethod
    def _definition_end(text: str, start: int) -> int:
        return len(text.rstrip())


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


@Language.factory(
    "slalint_defined_terms",
    assigns=["doc._.slalint_definitions"],
    default_config={"patterns": {"@misc": "slalint.term_patterns.v1", "path": ""}},
)
def make_defined_terms(nlp: Language, name: str, patterns: dict[str, Any]) -> DefinedTermsFinder:
    return DefinedTermsFinder(name, patterns)
