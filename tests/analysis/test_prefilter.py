"""Required-literal guards and first-character look-aheads never change a match."""

from __future__ import annotations

import re

import pytest

from slalint.analysis.prefilter import (
    CASE_SPECIALS,
    Guarded,
    LiteralIndex,
    accelerate,
    first_chars,
    required_clauses,
    required_literals,
)
from slalint.analysis.statements import load_lexicon
from slalint.analysis.topics import load_topic_model

TEXTS = [
    "We do not offer telephone support.",
    "Provider will offer phone support from 9 a.m. to 5 p.m. Monday to Friday.",
    "The subservices include hosting; the Services are provided AS-IS.",
    "Either party may terminate this Agreement for convenience on thirty (30) days' notice.",
    "In no event shall Supplier be liable for lost profits.",
    "The ſervice levels are set out in Annex 1.",  # long s: case-folds to "s" in the regex engine
    "İNDEMNIFICATION. Customer shall indemnify and hold Provider harmless.",
    "Fees are payable within thirty (30) days of invoice, $150 per hour for extra work.",
    "Uptime will be 99.9% excluding Scheduled Maintenance.",
    "________ Signature",
    "",
]


def test_case_specials_are_the_characters_lowercasing_cannot_be_trusted_on():  # type: ignore[no-untyped-def]
    from re import _casefix  # type: ignore[attr-defined]

    fixes = {chr(c) for lo, ext in _casefix._EXTRA_CASES.items() for c in (lo, *ext)}
    derived = {chr(c) for c in range(0x80, 0x110000) if len(chr(c).lower()) != 1 or chr(c).lower() in fixes}
    assert derived == set(CASE_SPECIALS)


def test_required_literals_of_simple_patterns():  # type: ignore[no-untyped-def]
    assert required_literals(r"\bterminat\w*", re.I) == {"terminat"}
    assert required_literals(r"\bas[- ]is\b", re.I) == {"as is", "as-is"}
    assert required_literals(r"\b(?:entitled|eligible)\s+to", re.I) == {"entitled", "eligible"}
    assert required_literals(r"x?", re.I) is None
    assert required_clauses(r"(?:a|)b") == (frozenset({"b"}),)


def test_word_start_literal_is_not_satisfied_inside_a_word():  # type: ignore[no-untyped-def]
    rx = re.compile(r"\b(?:phone|telephone|e-?mail)\s+support\b", re.I)
    index = LiteralIndex()
    cid = index.register(required_clauses(rx.pattern, rx.flags)[0])
    text = "We do not offer telephone support."
    assert rx.search(text)
    assert cid in index.scan(text, text.lower())


def _patterns() -> list[re.Pattern[str]]:
    model = load_topic_model()
    out = [bp.regex for tp in model.topics for bp in tp.body]
    out += [p for tp in model.topics for p in tp.mention] + list(model.delegation)
    lex = load_lexicon()
    out += [lex.modal, lex.cause, lex.convenience, lex.passive, lex.both, lex.condition, *lex.liability]
    out += [lex.provider_words, lex.customer_words]
    out += [g.regex for _, g in lex.actions] + [g.regex for _, g in lex.qualifiers]
    return out


@pytest.mark.parametrize("text", TEXTS)
def test_guards_and_lookaheads_never_change_a_match(text):  # type: ignore[no-untyped-def]
    lowered = text.lower()
    for rx in _patterns():
        bare = re.compile(rx.pattern[rx.pattern.index("(?:") + 3:-1] if rx.pattern.startswith("(?=[") else rx.pattern, rx.flags)
        expected = [m.span() for m in bare.finditer(text)]
        assert [m.span() for m in rx.finditer(text)] == expected, rx.pattern
        g = Guarded(rx)
        found = g.search(text, lowered)
        assert (found.span() if found else None) == (expected[0] if expected else None), rx.pattern


@pytest.mark.parametrize("text", TEXTS)
def test_topic_candidates_hold_every_pattern_that_matches(text):  # type: ignore[no-untyped-def]
    model = load_topic_model()
    cands = model.candidates(text, text.lower())
    for ti, tp in enumerate(model.topics):
        for bp in tp.body:
            if bp.regex.search(text):
                assert bp in cands.get(ti, []), (tp.topic, bp.regex.pattern)


def test_first_chars_and_accelerate():  # type: ignore[no-untyped-def]
    assert first_chars(r"\b(?:may|can)\s+be", re.I) == {"m", "c"}
    assert first_chars(r"\s*foo") is None
    rx = accelerate(re.compile(r"\b(?:may|can)\s+be", re.I))
    assert rx.pattern.startswith("(?=[cm])")
    assert [m.span() for m in rx.finditer("It MAY be that we can be late.")] == [(3, 9), (18, 24)]
