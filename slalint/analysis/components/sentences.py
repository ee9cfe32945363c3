"""``slalint_sentences``: sentence boundaries for contract text.

Contract prose is full of full stops that do not end a sentence: company suffixes
("Acme Inc. ("Provider")"), Latin abbreviations ("e.g.", "i.e."), "U.S.", "Amendment No. 2",
"Sec. 4", clause numbers ("4.2", a typed "1." label), initials. Semicolon-separated
sub-clauses and "(a) ... (b) ..." enumerations stay in one sentence. A boundary is a run of
``.!?`` (with any closing quote or bracket) followed by white space and a sentence-starting
character, unless the word before it is a known abbreviation (``models/patterns/sentences.jsonl``).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from slalint.analysis.extensions import doc_text  # (importing it registers the Doc/Span attributes)
from slalint.analysis.components._data import pattern_file, read_jsonl

_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+(\S))|\n(?=\s*(\S))")
_LABEL_ONLY = re.compile(
    r"^\s*(?:\(?(?:\d+(?:\.\d+)*|[a-z]{1,2}|[ivxlcdm]{1,6}|[A-Z]|[IVXLCDM]{1,6})\)?|Article\s+\w+|Section\s+[\d.]+|Schedule\s+\w+)$"
)
OFFSETS_KEY = "slalint_sentence_offsets"
"""``doc.user_data`` key of the sentences' (start_char, end_char) list."""
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


@registry.misc("slalint.sentence_patterns.v1")
def sentence_patterns(path: str = "") -> dict[str, str]:
    """Abbreviation -> rule ("never_split", "before_number", "split_if_capital_word")."""
    rows = read_jsonl(pattern_file(path, "sentences.jsonl"))
    return {row["abbr"].lower().rstrip("."): row["rule"] for row in rows}


class SentenceSplitter:
    """Sets ``Token.is_sent_start`` for every token of the Doc (whole-doc array write)."""

    def __init__(self, name: str, abbreviations: dict[str, str]):
        self.name = name
        self.abbreviations = abbreviations
        self._template = self._make_single(1024)

    @staticmethod
    def _make_single(n: int) -> np.ndarray:
        arr = np.full((n, 1), -1, dtype="int64")
        arr[0] = 1
        return arr.astype("uint64")

    def _single(self, n: int) -> np.ndarray:
        """The SENT_START column of a one-sentence Doc of ``n`` tokens (a cached template's
        first rows: the array is only read)."""
        if n > len(self._template):
            self._template = self._make_single(max(n, 2 * len(self._template)))
        return self._template[:n]

    def boundaries(self, text: str) -> list[int]:
        """Character offsets where a new sentence starts (after the first)."""
        starts: list[int] = []
        sent_start = 0
        for m in _CANDIDATE.finditer(text):
            nxt_start = m.end()
            while nxt_start < len(text) and text[nxt_start].isspace():
                nxt_start += 1
            if nxt_start >= len(text):
                break
            nxt = text[nxt_start]
            if m.group(0) == "\n":
                before = text[sent_start:m.start()].rstrip()
                if before and (before[-1] in ".:;!?" or len(before) < 60 or nxt in "•-*(" or nxt.isdigit()):
                    starts.append(nxt_start)
                    sent_start = nxt_start
                continue
            if not self._splits(text, sent_start, m.start(), nxt, nxt_start):
                continue
            starts.append(nxt_start)
            sent_start = nxt_start
        return starts

    def _splits(self, text: str, sent_start: int, punct: int, nxt: str, nxt_start: int) -> bool:
        if nxt.islower() or nxt in ",;:)]%":
            return False
        space = max(text.rfind(" ", sent_start, punct + 1), text.rfind("\n", sent_start, punct + 1), text.rfind("\t", sent_start, punct + 1))
        word = text[max(space + 1, sent_start):punct + 1]
        core = word.lstrip("(\"'\u201c\u2018[").rstrip(".!?")
        key = core.lower()
        rule = self.abbreviations.get(key)
        if text[punct] == ".":
            if rule == "never_split":
                return False
            if rule == "before_number" and (nxt.isdigit() or nxt in "(#"):
                return False
            if rule == "split_if_capital_word" and not nxt.isupper():
                return False
            if rule is None and core and _INITIALS.match(core) and len(core) <= 7 and not core.isdigit():
                # "J. Smith", "U.S.", "(a)" handled below; a single capital letter is an initial
                if len(core) == 1 and core.isupper():
                    return False
                if "." in core:
                    return False
            if punct - sent_start <= 24 and _LABEL_ONLY.match(text[sent_start:punct]):
                return False  # "1. Definitions", "4.2. Term", "(a). " typed labels
        return nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([\u2022*-"

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc.user_data[OFFSETS_KEY] = []
            return doc
        n = len(doc)
        starts = self.boundaries(doc_text(doc))
        if not starts:
            # one sentence (most paragraphs): no token arrays needed
            doc.from_array([SENT_START], self._single(n))
            first, last = doc[0], doc[n - 1]
            doc.user_data[OFFSETS_KEY] = [(first.idx, last.idx + len(last))]
            return doc
        idx = doc.to_array(IDX)
        firsts = [0]
        if starts:
            for i in np.searchsorted(idx, np.asarray(starts, dtype=idx.dtype), side="left").tolist():
                if firsts[-1] < i < n:
                    firsts.append(i)
        arr = np.full(n, -1, dtype="int64")
        arr[firsts] = 1
        doc.from_array([SENT_START], arr.astype("uint64").reshape(-1, 1))
        # the (start_char, end_char) of each sentence, as ``doc.sents`` would give them,
        # without building a Span per sentence
        lengths = doc.to_array(LENGTH)
        ends = (idx + lengths).tolist()
        pos = idx.tolist()
        bounds = firsts + [n]
        doc.user_data[OFFSETS_KEY] = [(pos[a], ends[b - 1]) for a, b in zip(bounds, bounds[1:])]
        return doc


@Language.factory(
    "slalint_sentences",
    assigns=["token.is_sent_start"],
    default_config={"abbreviations": {"@misc": "slalint.sentence_patterns.v1", "path": ""}},
)
def make_sentences(nlp: Language, name: str, abbreviations: dict[str, Any]) -> SentenceSplitter:
    return SentenceSplitter(name, abbreviations)
