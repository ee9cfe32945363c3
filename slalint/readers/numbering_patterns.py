"""Typed clause numbers and heading lines, as drafters type them in plain text and Markdown.

A drafter numbers an agreement in a handful of ways: decimal clause numbers ("4", "4.2",
"4.2.1"), sub-clause letters and roman numerals ("(a)", "a.", "(iv)"), a keyword and a number
("Section 4.2", "ARTICLE IV", "Part 2") and annex headings ("Schedule A", "Exhibit B",
"Annex 1", "Appendix 2"). :func:`match_label` recognises one of these at the start of a
paragraph and says what *kind* of number it is, so the section builder can nest "(a)" under
"4.2" and "4.2" under "ARTICLE IV".

Label convention (shared with the section builder and documented for rule authors):
the label is the number as printed, except that a decimal number loses its closing full
stop ("4.2." -> "4.2", "1." -> "1"; "a." and "(a)" stay as printed, and their reference
is composed as "4.2(a)"); keyword numbers keep their keyword, title-cased
("ARTICLE IV" -> "Article IV", "SCHEDULE A" -> "Schedule A"), except "Section"/"Clause"/"§"
which are dropped, because cross-references cite "Section 4" and the model's
``normalise_ref`` strips that word ("Section 4. Term" -> label "4", title "Term").

This module is pure string work (no slalint imports) so both the text and Markdown readers
and any other reader can use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def roman_to_int(token: str) -> int | None:
    """Value of a roman numeral ("iv" -> 4, "XII" -> 12), or None if it is not one."""
    t = token.lower()
    if not t or not _ROMAN_RE.match(t):
        return None
    total = 0
    for i, ch in enumerate(t):
        v = ROMAN_VALUES[ch]
        if i + 1 < len(t) and ROMAN_VALUES[t[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def int_to_roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                       (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


@dataclass(frozen=True)
class LabelMatch:
    """A clause number found at the start of a paragraph.

    ``family`` is one of "decimal", "alpha", "roman", "alpha_or_roman" (a single letter such
    as "i", "v", "x", "c" that only context can settle), "paren_number", "article", "annex".
    ``style`` tells apart "(a)", "a)" and "a." ("()", ")", "."); ``upper`` the letter case.
    ``value`` is the ordinal (4 for "(d)", "iv" and "4"); ``parts`` the decimal components
    ("4.2.1" -> (4, 2, 1)). ``end`` is the offset in the paragraph text where the words after
    the number begin (separators skipped). ``absolute`` is True when the label already is a
    full reference ("4.2", "4.2(a)", "Article IV"), False for relative items ("(a)", "iv.").
    """

    label: str
    family: str
    style: str
    end: int
    value: int = 0
    parts: tuple[int, ...] = ()
    upper: bool = False
    absolute: bool = True
    keyword: str | None = None
    token: str = ""


# "4", "4.2", "4.2.1." — optionally followed by sub-items typed together: "4.2(a)", "1(a)(ii)".
_DECIMAL = r"(?P<dec>\d{1,3}(?:\.\d{1,3}){0,5})(?P<dsub>(?:\([a-zA-Z]{1,4}\)|\(\d{1,2}\))*)(?P<ddot>\.)?"
_SEP = r"(?:[ \t\u00a0]+|$|(?=[\"“'‘(]))"
_DECIMAL_RE = re.compile(r"(?:(?P<kw>Section|SECTION|Sec\.|SEC\.|Clause|CLAUSE|§§?)\s*)?" + _DECIMAL + r"(?P<after>[ \t\u00a0]*[-–—:]?[ \t\u00a0]*)")
_PAREN_RE = re.compile(r"\((?P<tok>[a-zA-Z]{1,5}|\d{1,2})\)(?:\((?P<tok2>[a-zA-Z]{1,5}|\d{1,2})\))*(?P<after>[ \t\u00a0]+|$)")
_DOT_RE = re.compile(r"(?P<tok>[a-zA-Z]{1,5})(?P<close>[.)])(?P<after>[ \t\u00a0]+|$)")
_ARTICLE_RE = re.compile(
    r"(?P<kw>ARTICLE|Article|PART|Part)[ \t\u00a0]+(?P<id>[IVXLC]+|\d{1,2}(?:\.\d{1,2})?|[A-Z])\b\.?(?P<after>[ \t\u00a0]*[-–—:.]?[ \t\u00a0]*)"
)
_ANNEX_RE = re.compile(
    r"(?P<kw>SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment|ADDENDUM|Addendum|ANNEXURE|Annexure)"
    r"(?:[ \t\u00a0]+(?P<id>[A-Z]{1,2}(?:-\d{1,2})?|\d{1,2}(?:\.\d{1,2})?|[IVX]{1,5})\b)?\.?(?P<after>[ \t\u00a0]*[-–—:.]?[ \t\u00a0]*)"
)

MAX_TOP_NUMBER = 150
"""A bare "N." above this is a year, an amount or a page, not a clause number."""


def _decimal_label(m: re.Match[str]) -> tuple[str, tuple[int, ...]]:
    dec = m.group("dec")
    parts = tuple(int(p) for p in dec.split("."))
    return dec + (m.group("dsub") or ""), parts


@lru_cache(maxsize=8192)
def match_label(text: str, *, strict: bool = False) -> LabelMatch | None:
    """The clause number at the start of ``text`` (already stripped of leading spaces).

    ``strict`` is for a line that might be the wrapped continuation of a sentence ("...as
    set out in Section\\n4.2 of this Agreement"): it then requires a capital letter, a quote
    or an opening parenthesis after a number that has no closing full stop.
    """
    if not text:
        return None
    c0 = text[0]
    if c0.isdigit() or c0 in "S§C":
        m = _DECIMAL_RE.match(text)
        if m and (m.group("kw") or c0.isdigit()):
            rest = text[m.end():]
            has_dot = bool(m.group("ddot"))
            label, parts = _decimal_label(m)
            after = m.group("after")
            if not rest and not after and not has_dot and not m.group("kw") and len(parts) == 1:
                return None  # a bare number alone on a line: a page number
            if parts[0] > MAX_TOP_NUMBER and not m.group("kw"):
                return None
            if len(parts) == 1 and not m.group("dsub") and not has_dot and not m.group("kw"):
                # "4 Term" is a heading only when a capital word follows: "30 days" is not.
                if not rest or not (rest[0].isupper() or rest[0] in "\"“"):
                    return None
                if not after.strip() and not after:
                    return None
            if rest and not after and not rest[0] in "\"“'‘(":
                return None  # "4.2x", "1.5%": not a clause number
            if rest and rest[0].isdigit():
                return None  # "1. 000", "12 345"
            if m.group("dsub") == "" and after.strip() == "" and rest[:1] in ("%", "$"):
                return None
            if strict and rest and not has_dot and not (rest[0].isupper() or rest[0] in "\"“'‘("):
                return None
            if strict and rest and has_dot and len(parts) == 1 and rest[0].islower():
                return None
            if not m.group("kw") and len(parts) == 1 and not has_dot and not m.group("dsub") and rest[:1] == "(":
                return None  # "2 (two)"
            if m.group("kw") and rest and rest[0].islower() and not has_dot:
                return None  # "Section 4 of this Agreement" is a reference, not a heading
            if m.group("dsub"):
                family = "decimal_item"
            else:
                family = "decimal"
            return LabelMatch(label=label, family=family, style=".", end=m.end(), value=parts[-1], parts=parts,
                              keyword=m.group("kw"), token=m.group(0).strip())
    if c0 == "(":
        m = _PAREN_RE.match(text)
        if m:
            tok = m.group("tok")
            lm = _classify_token(tok, "()", m.group(0).strip(), m.end())
            if lm is not None and m.group("tok2"):
                lm = LabelMatch(**{**lm.__dict__, "label": m.group(0).strip(), "token": m.group(0).strip()})
            return lm
        return None
    if c0 in "AaPp" and (text.startswith(("ARTICLE", "Article", "PART ", "Part "))):
        m = _ARTICLE_RE.match(text)
        if m:
            rest = text[m.end():]
            if rest and rest[0].islower():
                return None
            kw = m.group("kw").title()
            ident = m.group("id")
            if ident[0].isdigit():
                value = int(ident.split(".")[0])
            elif roman_to_int(ident) is not None:
                value = roman_to_int(ident) or 0
            elif len(ident) == 1:
                value = ord(ident) - 64
            else:
                return None
            return LabelMatch(label=f"{kw} {ident}", family="article", style="", end=m.end(), value=value or 0,
                              keyword=kw, token=m.group(0).strip())
    if c0 in "SEAsea":
        m = _ANNEX_RE.match(text)
        if m:
            rest = text[m.end():]
            ident = m.group("id")
            if rest and rest[0].islower():
                return None
            if not ident and rest and not m.group("after").strip():
                return None  # "Schedule of Fees" is a title, "Schedule" alone a heading
            if ident and "." in ident:
                return None  # "Exhibit 10.3": the filing's exhibit number, not an annex
            kw = m.group("kw").title()
            return LabelMatch(label=f"{kw} {ident}" if ident else kw, family="annex", style="", end=m.end(),
                              keyword=kw, token=m.group(0).strip())
    if c0.isalpha():
        m = _DOT_RE.match(text)
        if m:
            tok = m.group("tok")
            rest = text[m.end():]
            if len(tok) > 1 and roman_to_int(tok) is None:
                return None  # "Inc.", "No."
            if tok in ("A", "I") and m.group("close") == "." and rest[:1].islower():
                return None
            if rest and rest[0].islower() and strict:
                return None
            if len(tok) == 1 and tok.isupper() and m.group("close") == "." and rest[:1].isupper() and rest[1:2] == ".":
                return None  # initials: "J. R. Smith"
            if not rest and m.group("close") == ".":
                return None
            return _classify_token(tok, m.group("close"), m.group(0).strip(), m.end())
    return None


def _classify_token(tok: str, style: str, printed: str, end: int) -> LabelMatch | None:
    label = printed
    if tok.isdigit():
        return LabelMatch(label=label, family="paren_number", style=style, end=end, value=int(tok), absolute=False, token=printed)
    upper = tok.isupper()
    if not (tok.isupper() or tok.islower()):
        return None
    roman = roman_to_int(tok)
    if len(tok) == 1:
        if roman is not None:
            return LabelMatch(label=label, family="alpha_or_roman", style=style, end=end, value=ord(tok.lower()) - 96,
                              upper=upper, absolute=False, token=printed)
        return LabelMatch(label=label, family="alpha", style=style, end=end, value=ord(tok.lower()) - 96, upper=upper,
                          absolute=False, token=printed)
    if roman is not None:
        return LabelMatch(label=label, family="roman", style=style, end=end, value=roman, upper=upper, absolute=False,
                          token=printed)
    if len(set(tok.lower())) == 1 and len(tok) <= 3:
        # "(aa)", "(bb)": the letters after (z)
        return LabelMatch(label=label, family="alpha", style=style, end=end, value=26 * (len(tok) - 1) + ord(tok[0].lower()) - 96,
                          upper=upper, absolute=False, token=printed)
    return None


# --- run-in titles and heading lines -------------------------------------------------------

_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to",
                "with", "under", "upon", "vs", "via", "&", "its", "their", "not", "no", "non", "etc"}
_VERBS = re.compile(
    r"\b(shall|will|may|must|is|are|was|were|be|been|has|have|had|agrees?|means|does|do|did|can|cannot|should|would|"
    r"includes?|provides?|represents?|warrants?|acknowledges?|hereby)\b",
    re.I,
)
_RUN_IN_RE = re.compile(r"^(?P<title>[^.:!?]{1,90}?)(?P<punct>[.:])(?=\s|$)")
_GLUED_RUN_IN_RE = re.compile(r"^(?P<title>[^.:!?]{1,90}?[a-z]{3})(?P<punct>[.:])(?=[A-Z][a-z])")
"""A run-in title glued to its first sentence by a missing space ("Liability
Definitions.The following definitions apply"), as exported from some web templates."""


def looks_like_title(words_text: str, *, max_words: int = 10, strict: bool = False) -> bool:
    """True for a heading phrase: "Term and Termination", "LIMITATION OF LIABILITY",
    "Use of Customer Data"; false for a sentence ("The Provider shall pay")."""
    t = words_text.strip().strip("*_ ")
    if not t or len(t) > 100:
        return False
    words = t.split()
    if len(words) > max_words:
        return False
    first = words[0].lstrip("\"“'‘(")
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    if _VERBS.search(t) and not t.isupper():
        return False
    if t.isupper():
        return not _VERBS.search(t) or len(words) <= 3
    caps = 0
    for w in words:
        core = w.strip("\"“”'‘’(),;:-–—/")
        if not core:
            continue
        if core[0].isupper() or core[0].isdigit() or core.lower() in _SMALL_WORDS:
            caps += 1
    return caps >= len(words) - (1 if len(words) >= 3 and not strict else 0)


def split_run_in_title(body: str) -> tuple[str, int] | None:
    """The run-in heading at the start of a clause body ("Termination. Either party may ..."
    -> ("Termination", 12)), as ``(title, offset where the title's punctuation ends)``."""
    m = _RUN_IN_RE.match(body) or _GLUED_RUN_IN_RE.match(body)
    if not m:
        return None
    title = m.group("title").strip()
    if not title or title[0] in "\"“'‘":
        return None
    if not looks_like_title(title, max_words=9):
        return None
    rest = body[m.end():].lstrip()
    if not rest:
        return None  # the whole clause: a heading or a sentence, not a run-in title
    if not (rest[0].isupper() or rest[0] in "\"“'‘(_*[" or rest[0].isdigit() or (rest[0].islower() and rest[1:2].isupper())):
        return None
    return title, m.end()


_CORPORATE = re.compile(r"\b(INC|LLC|L\.L\.C|LTD|LIMITED|CORP|CORPORATION|COMPANY|CO|PLC|LLP|L\.P|LP|N\.A|B\.V|AG|GMBH|S\.A|SA|N\.V)\.?$")
_CORPORATE_ANYWHERE = re.compile(r"\b(INC|LLC|L\.L\.C|LTD|CORPORATION|CORP|PLC|LLP|GMBH|B\.V|N\.V|S\.A)\b\.?")
_NOT_HEADING = re.compile(r"(@|https?://|www\.|/s/|_{3,}|-{3,}|^\s*(by|name|title|date|signature|its|attn|attention|address|tel|phone|fax|email)\s*:)", re.I)


_OFFICER = r"(?:(?:SENIOR\s+|EXECUTIVE\s+|SR\.?\s+|EXEC\.?\s+)*(?:VICE\s+)?PRESIDENT|CEO|CFO|COO|CTO|CIO|CLO|GENERAL\s+COUNSEL|SECRETARY|TREASURER|CHAIR(?:MAN|WOMAN|PERSON)?|[SE]?[SE]VP|SVP|EVP|VP|MANAGING\s+DIRECTOR|MANAGING\s+MEMBER|DIRECTOR|OFFICER|CONTROLLER)"
_OFFICER_TITLE = re.compile(rf"^(?:(?:CHIEF\s+\w+\s+OFFICER|{_OFFICER})(?:\s*(?:&|AND|,|/)\s*|\s+OF\s+\w+\s*)?)+\.?$")
"""Titles of signatories ("PRESIDENT", "SEVP & CFO", "CHIEF EXECUTIVE OFFICER"): the
caption of a signature block, not a heading."""
_ENDS_WITH_NUMBER = re.compile(r"\s\d{1,3}$")
_CAPS_SENTENCE = re.compile(r"\b(SHALL|WILL|AGREES?|FOLLOWS|HEREBY|INTENTIONALLY|IS|ARE|WAS|WERE)\b")
_LONE_WORDS = {"from", "to", "dated", "agreement", "amendment", "annually", "between", "among", "and", "by", "date", "page",
               "signature", "signatures", "witness", "name", "title", "address", "party", "parties"}


def is_caps_heading(text: str) -> bool:
    """A short line in capitals standing on its own: "DEFINITIONS", "SERVICE LEVELS",
    "TERM AND TERMINATION" (but not a party's name in a signature block, "NETZEE, INC.")."""
    t = text.strip()
    if not t or len(t) > 90 or t[-1] in ",;":
        return False
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return False
    words = t.split()
    if len(words) > 12:
        return False
    if _CORPORATE.search(t.rstrip(" .,")) or _CORPORATE_ANYWHERE.search(t) or _NOT_HEADING.search(t):
        return False
    if _OFFICER_TITLE.match(t):
        return False  # a signatory's title under a signature line ("SEVP & CFO")
    if sum(c.isdigit() for c in t) > 4 or _ENDS_WITH_NUMBER.search(t) or t[0] in "\"“'‘[" or _CAPS_SENTENCE.search(t):
        return False
    if len(words) == 1 and (len(letters) < 4 or t.lower().strip(".:") in _LONE_WORDS):
        return False
    if words[-1].lower() in _SMALL_WORDS and len(words) > 1:
        return False  # "DATED AS OF", "BY AND BETWEEN"
    return True


def is_title_line(text: str) -> bool:
    """A short Title Case line on its own ("Included Monthly Services", "Change Management")
    that plain-text exhibits use as an unnumbered heading."""
    t = text.strip()
    if not t or len(t) > 70 or t[-1] in ".,;:!?" or any(c.isdigit() for c in t) or t[0] in "\"“'‘[(":
        return False
    if _NOT_HEADING.search(t) or _CORPORATE.search(t.upper()) or _CORPORATE_ANYWHERE.search(t.upper()):
        return False
    words = t.split()
    if len(words) > 8:
        return False
    return looks_like_title(t, max_words=8) and not t.endswith(("and", "or", "of", "the"))
