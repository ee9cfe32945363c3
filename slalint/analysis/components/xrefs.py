"""``slalint_xrefs``: cross-references in a paragraph's text.

"Section 4.2", "Clause 9.3(b)", "Article IV", "paragraph (c)", "Schedule A", "Exhibit B",
"Annex 1", "Appendix 2", "§ 7", lists ("Sections 4.1 and 4.3") and ranges ("Sections 4 to 6",
"4 through 6"). A reference followed by "of/in/under the <other document>" ("Section 3 of
the Master Agreement", "Section 230 of the Communications Decency Act") points outside the
agreement and is marked external; "of this Agreement" stays internal. Resolution against
the section tree is `slalint.analysis.xrefs`' job.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from slalint.analysis.extensions import doc_text, set_raw  # (importing it registers the Doc/Span attributes)
from slalint.analysis.components._data import pattern_file, read_jsonl


class XrefMatch(NamedTuple):
    """One reference phrase; ``targets`` are the referenced numbers/letters in order
    (a range is expanded by the aspect, ``is_range`` says so)."""

    text: str
    start: int
    end: int
    kind: str
    targets: tuple[str, ...]
    is_range: bool = False
    external: bool = False
    ambiguous_owner: bool = False
    owner: str | None = None


_ITEM = r"\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}|[A-Z])\)"
_NUM = (
    rf"(?:\d+(?:[A-Za-z](?![A-Za-z]))?(?:[.-]\d+(?:[A-Za-z](?![A-Za-z]))?)*(?:\s?{_ITEM})*|{_ITEM}(?:\s?{_ITEM})*"
    rf"|[IVXLCDM]{{1,7}}\b(?:\.\d+)*(?:{_ITEM})*|[A-Z]{{1,2}}\b(?:\.?\d+)*(?:{_ITEM})*)"
)
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+and/or\s+|\s+(?:to|through|thru)\s+|[-\u2013\u2014])"
_RANGE_SEP = re.compile(r"^\s*(?:to|through|thru|-|\u2013|\u2014)\s*$")
_OWNER = re.compile(
    r"^(?:,\s*)?\s+(?i:of|in|under|to)\s+(?:(?:each|either|any|all|both)\s+of\s+)?(?P<owner>(?i:the|this|that|these|those|such|any|its)\s+[A-Z\w][\w.&'\u2019-]*(?:\s+(?:[A-Z][\w.&'\u2019-]*|of|and|on|for|\d{4}))*|[A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|of|and|on|for|\d{4})){0,8}|(?:the\s+)?U\.S\.C\.)"
)
_STATUTE_AFTER = re.compile(r"^\s*(?:of\s+)?(?:title\s+\d+\s+)?(?:of\s+the\s+)?(?:U\.S\.C|USC|C\.F\.R|CFR)\b", re.I)
_STATUTE_BEFORE = re.compile(r"(?:U\.S\.C\.?|C\.F\.R\.?|CFR|USC|D?FARS?|Code|Act|Regulations?|Stat\.?|Cal\.\s*Civ\.)\s*$")
_STATUTE_NUMBER = re.compile(r"^\d{3,}|^\d+-\d{3,}")
"""A section number of three or more digits ("Section 508", "section 227.7202", the
UCC's "Section 8-102") is a statute's or regulation's: agreements do not run to a
hundred clauses at one level."""
_CITATION_BEFORE = re.compile(
    r"(?:\b(?:Act|Regulations?|Directive|Order|Rules|Code|Law|Ordinance|Statute)\s+(?:of\s+)?(?:\d{4}|No\.?\s*\d+)"
    r"|\b(?:\d{2}|\d{4})/\d{1,4}(?:/E[CUE]{1,2})?)\s*,?\s*$"
)
"""A statute or regulation cited just before ("Courts Act 2003 Section 1(1)", "Regulation
(EU) 2016/679, Article 9(1)"): the reference is to a provision of that law."""
_HYPHEN_RANGE = re.compile(r"^(\d+)-(\d+)$")
_DOTTED_RANGE = re.compile(r"^(\d+(?:\.\d+)+)-(\d+(?:\.\d+)+)$")
_ATTACHMENT_WORDS = ("schedule", "exhibit", "annex", "appendix", "attachment")
_INCLUSIVE = re.compile(r"\s*\((?:both\s+)?inclusive\)", re.I)
_CAPTION_AFTER = re.compile(r"\s*(?:\[[^\[\]]{3,80}\]|\((?![ivxlcdm]{1,5}\)|[a-z]{1,2}\)|\d{1,3}\)|[\"\u201c'\u2018]|the\s+[\"\u201c])[^()]{3,80}\))")
"""A caption or drafting note between a reference and the document it points into:
"paragraph 5.1.2 [concerning Delay Payments] of Part A of Call-Off Schedule 9",
"Clause 10.5 (Termination) of the Core Terms" (a definition in brackets, "Exhibit F
("HOF Entity Marks") in the United States", is not a caption)."""


@registry.misc("slalint.xref_patterns.v1")
def xref_patterns(path: str = "") -> dict[str, Any]:
    """Reference words ("Section", "Schedule"...) with the kind they name, and the phrases
    that mean this agreement itself ("this Agreement") or may mean it ("the Agreement")."""
    rows = read_jsonl(pattern_file(path, "xrefs.jsonl"))
    return {
        "words": {r["text"]: r["ref_kind"] for r in rows if r["kind"] == "word"},
        "self": [r["text"] for r in rows if r["kind"] == "self"],
        "ambiguous": [r["text"] for r in rows if r["kind"] == "ambiguous"],
    }


class XrefFinder:
    def __init__(self, name: str, patterns: dict[str, Any]):
        self.name = name
        self.words = patterns["words"]
        self.self_names = tuple(patterns["self"])
        self.ambiguous = tuple(patterns["ambiguous"])
        alt = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        first = "".join(sorted({w[0].lower() for w in self.words} | {w[0].upper() for w in self.words}))
        self.regex = re.compile(
            rf"(?<![\w\u00a7])(?=[{re.escape(first)}])(?P<word>{alt})(?![\w])\s*(?P<nums>{_NUM}(?:{_SEP}{_NUM})*)", re.I
        )
        self.num_re = re.compile(_NUM)

    def __call__(self, doc: Doc) -> Doc:
        set_raw(doc, "slalint_xrefs", self.find(doc_text(doc)))
        return doc

    def find(self, text: str) -> list[XrefMatch]:
        out: list[XrefMatch] = []
        for m in self.regex.finditer(text):
            word = m.group("word")
            kind = self.words[word.lower()]
            if word[0].islower() and kind not in ("paragraph", "section", "clause") and word.lower() != "\u00a7":
                continue  # "schedule a meeting"
            nums_text = m.group("nums")
            targets, is_range, end = self._targets(nums_text, kind, word.lower().endswith("s") or word == "\u00a7\u00a7",
                                                   text[m.end("nums"):m.end("nums") + 1])
            if not targets:
                continue
            stop = m.start("nums") + end
            inclusive = _INCLUSIVE.match(text, stop)  # "sections 39 to 43 (inclusive) of the Patents Act"
            tail = inclusive.end() if inclusive else stop
            owner_m = _OWNER.match(text[tail:tail + 120])
            if owner_m is None:
                caption = _CAPTION_AFTER.match(text, tail)
                if caption is not None:
                    owner_m = _OWNER.match(text[caption.end():caption.end() + 120])
            external = ambiguous = False
            owner = None
            if (
                _STATUTE_AFTER.match(text[tail:tail + 40])
                or _STATUTE_BEFORE.search(text[max(0, m.start() - 30):m.start()])
                or _CITATION_BEFORE.search(text[max(0, m.start() - 40):m.start()])
                or (kind in ("section", "clause") and _STATUTE_NUMBER.match(targets[0]))
            ):
                external, owner = True, "statute"
            elif owner_m:
                owner = owner_m.group("owner").strip().rstrip(".,;")
                low = owner.lower()
                if low.startswith(self.self_names) or low.startswith(("this ", "these ")):
                    owner = None
                elif low.startswith(self.ambiguous):
                    ambiguous = True
                elif re.match(r"^(?:the|its|such|any)\s+[a-z]", owner) or not re.search(r"[A-Z]", owner):
                    owner = None  # "Section 4 of the terms below", "in such event"
                else:
                    external = True
            out.append(XrefMatch(text[m.start():stop], m.start(), stop, kind, targets, is_range, external, ambiguous, owner))
        return out

    def _targets(self, nums_text: str, kind: str, plural: bool = False, after: str = "") -> tuple[tuple[str, ...], bool, int]:
        targets: list[str] = []
        is_range = False
        pos = 0
        last_end = 0
        for nm in self.num_re.finditer(nums_text):
            sep = nums_text[pos:nm.start()]
            if targets and not re.fullmatch(_SEP, sep):
                break
            tok = nm.group(0).replace(" ", "")
            if targets and (nums_text + after)[nm.end():nm.end() + 1].isalnum():
                break  # "Attachment B, 24x7 everyday": "24x" is the start of a word, not a label
            if targets and sep == "-" and kind in _ATTACHMENT_WORDS and re.fullmatch(r"[A-Z]{1,2}", targets[-1]) and tok.isdigit():
                targets[-1] = f"{targets[-1]}-{tok}"  # "Appendix A-1": one label (a page or part of Appendix A)
                pos = last_end = nm.end()
                continue
            if targets and _RANGE_SEP.match(sep):
                is_range = True
            if kind in ("section", "clause") and re.fullmatch(r"[A-Z]{1,2}", tok) and tok not in ("I", "V", "X"):
                break  # "Section A" is rare; "Section B" likely not a reference. Keep roman only.
            dotted = _DOTTED_RANGE.match(tok)
            if plural and dotted:
                targets.extend(dotted.groups())  # "Sections 6.1-6.2"
                is_range = True
                pos = last_end = nm.end()
                continue
            hyphen = _HYPHEN_RANGE.match(tok)
            if plural and hyphen and 0 < int(hyphen.group(2)) - int(hyphen.group(1)) <= 50:
                targets.extend(hyphen.groups())  # "Sections 12-18": a range, not clause "12-18"
                is_range = True
                pos = last_end = nm.end()
                continue
            targets.append(tok)
            pos = last_end = nm.end()
        return tuple(targets), is_range, last_end


@Language.factory(
    "slalint_xrefs",
    assigns=["doc._.slalint_xrefs"],
    default_config={"patterns": {"@misc": "slalint.xref_patterns.v1", "path": ""}},
)
def make_xrefs(nlp: Language, name: str, patterns: dict[str, Any]) -> XrefFinder:
    return XrefFinder(name, patterns)
