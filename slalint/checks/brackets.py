"""Bracket balance (pack `drafting`, rule `unbalanced-brackets`).

A parenthesis marks where an exception, a defined term or a cross-reference ends; one never
closed leaves the reader guessing where the carve-out stops. What looks unbalanced but is
not: list enumerators written "a)", "1.b)ii)" or quoted ("\"d) MSL SLA ..."), a UK execution
block whose ")" marks draw a brace down the page, emoticons, a plain-text table whose cells
wrap across lines, and a public filing whose confidential-treatment redaction ("[*****]",
"***") swallowed the opening half of a pair.
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.engine.checks import check
from slalint.engine.context import Hit, ParaInfo, RuleContext

_PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_ENUMERATOR_CLOSE = re.compile(
    r"(?:^|[\s;:,\"'\u201c\u2018)])(?:[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2}|[A-Z])\)$|\d\.[a-z]\)$"
)
"""A list enumerator closed by ")": "a)", "iv)", "2)", also quoted ("\"d) ...") or chained
("e)i)", "1.b)ii)")."""
_EXECUTION_BLOCK = re.compile(
    r"\b(?:SIGNED|EXECUTED)\s+(?:as\s+a\s+deed\s+)?(?:by|for)\b|\bin\s+the\s+presence\s+of\b|\bduly\s+authori[sz]ed\b[^.]{0,40}\)", re.I
)
"""A UK-style execution block ("SIGNED by JOHN ROGERS ) ... )"): its ")" marks are a brace
drawn down the page, not parentheses."""
_SMILEY = re.compile(r"[:;]-?$")
_REDACTION = re.compile(r"\[\s*(?:\*\s*)+\]|\*{3,}|\[\s*(?:redacted|omitted)\s*\]", re.I)
"""A confidential-treatment redaction in a public filing: "[*]", "[ * * * ]", "***"."""
_TEXT_TABLE = re.compile(r"-{5,}[ \t]+-{5,}")
"""Column rules of a plain-text table ("-------- ---------"): its cells wrap across lines,
so a bracket opened in one cell line closes in another."""


def _unmatched(text: str, enum_first: bool = False) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """(unclosed openers, unopened closers) of a paragraph; enumerators written "a)" or
    "1)" and emoticons are not brackets. With ``enum_first`` an enumerator inside an open
    parenthesis ("(see 1 a) above)") is read as an enumerator, not as the closing mark."""
    stack: list[tuple[str, int]] = []
    stray: list[tuple[str, int]] = []
    unclosed: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            soft = ch == "(" and (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace())
            stack.append((ch, i) if not soft else ("(soft", i))  # a lone "(": "( ICT Services)" or a form's box
        elif ch in _CLOSERS:
            if ch == ")" and _SMILEY.search(text[:i]):
                continue  # an emoticon ":)"
            if (enum_first and ch == ")" and stack and stack[-1][0] == "(" and stack[-1][1] < i - 3
                    and _ENUMERATOR_CLOSE.search(text[:i + 1])):
                continue
            if stack and (stack[-1][0] == _CLOSERS[ch] or (ch == ")" and stack[-1][0] == "(soft")):
                stack.pop()
                continue
            if ch == ")" and _ENUMERATOR_CLOSE.search(text[:i + 1]):
                continue
            if ch == ")" and (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace()):
                continue  # a lone ")" between spaces: the brace of an execution block or a form
            if stack and any(o == _CLOSERS[ch] for o, _ in stack):
                # mismatched nesting "( [ )": the inner opener was never closed
                while stack and stack[-1][0] != _CLOSERS[ch]:
                    unclosed.append(stack.pop())
                if stack:
                    stack.pop()
                continue
            stray.append((ch, i))
    left = [(o, i) for o, i in stack + unclosed if o != "(soft"]  # a lone "(" never closed: a form's field box ("Name ( Mobile")
    return sorted(left, key=lambda x: x[1]), stray


def _best_reading(text: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The reading of the paragraph that leaves fewer brackets unmatched: "(see 1 a) above)"
    balances only when "a)" is an enumerator."""
    plain = _unmatched(text)
    if not any(o == "(" for o, _ in plain[0]) and not any(c == ")" for c, _ in plain[1]):
        return plain
    alt = _unmatched(text, enum_first=True)
    return alt if len(alt[0]) + len(alt[1]) < len(plain[0]) + len(plain[1]) else plain


def _redacted_before(text: str, pos: int) -> bool:
    """A redaction in the same sentence before ``pos``: the opening half of the pair may be
    under it ("without [*****] prior written notice [*****] or such lesser period ...)")."""
    start = max(0, pos - 120)
    window = text[start:pos]
    cut = max(window.rfind(". "), window.rfind("; "))
    return bool(_REDACTION.search(window[cut + 1:] if cut >= 0 else window))


@check(placeholders=("bracket", "detail"))
def unbalanced_brackets(ctx: RuleContext) -> Iterator[Hit]:
    """Parentheses, square brackets or braces opened and never closed (or closed and never
    opened) in a paragraph. A parenthesis opened in a lead-in and closed a few list items
    later is balanced; enumerators such as "a)" are not brackets; a closer whose opener may
    sit under a redaction is not reported, nor are plain-text table rows."""
    infos = [i for i in ctx.iter_paragraphs("all") if not i.is_heading
             and not (_EXECUTION_BLOCK.search(i.paragraph.text) and re.search(r"\s\)(?:\s|$)", i.paragraph.text))
             and not _TEXT_TABLE.search(i.paragraph.text)]
    pending: list[tuple[ParaInfo, str, int, int]] = []  # (info, char, pos, n) openers waiting for a later closer
    for n, info in enumerate(infos):
        text = info.paragraph.text
        opened, stray = _best_reading(text)
        for ch, pos in stray:
            match = next((p for p in reversed(pending) if p[1] == _CLOSERS[ch]), None)
            if match is not None:
                pending.remove(match)
                continue
            if _redacted_before(text, pos):
                continue  # "[*****] per Aircraft)": the "(" went with the redacted words
            yield _bracket_hit(ctx, info, ch, pos, "closed but never opened")
        # openers still pending from a paragraph more than 12 paragraphs back, or from
        # another section, are reported now
        keep = []
        for p in pending:
            pinfo = p[0]
            if p[3] < n - 12 or pinfo.section is not info.section and not ctx.index.is_within(info.section, [pinfo.section]):
                yield _bracket_hit(ctx, pinfo, p[1], p[2], "opened but never closed")
            else:
                keep.append(p)
        pending = keep + [(info, ch, pos, n) for ch, pos in opened]
    for pinfo, ch, pos, _ in pending:
        yield _bracket_hit(ctx, pinfo, ch, pos, "opened but never closed")


def _bracket_hit(ctx: RuleContext, info: ParaInfo, ch: str, pos: int, what: str) -> Hit:
    para = info.paragraph
    ev = ctx.index.evidence(para, info.section, pos, pos + 1)
    s, e = ctx.sentence_around(para, pos, pos + 1)
    return Hit(ev, {"bracket": ch, "detail": f'"{ch}" {what}'}, quote=para.text[s:e])
