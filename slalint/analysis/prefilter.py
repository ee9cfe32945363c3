"""Cheap guards in front of expensive regular expressions.

The topic and statement lexicons hold a few hundred provision patterns; trying every one on
every sentence of a 100,000-word schedule is most of the analysis time. Nearly all of them
need some literal word to match at all ("terminat", "liab", "insurance"), so a sentence
that holds none of a pattern's required words cannot match it, and a few ``in`` tests on
the lower-cased sentence replace a regex scan.

:func:`required_literals` reads the parsed pattern (``re._parser``) and returns a set of
strings one of which every match must contain (or None when no such set can be told);
:class:`Guarded` wraps a compiled pattern with that set. Skipping is exact: a guarded
``search`` returns what the bare pattern returns.
"""

from __future__ import annotations

import re
from typing import AbstractSet, Pattern

try:  # Python 3.11+
    from re import _constants as _sre_c, _parser as _sre_p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

CASE_SPECIALS = frozenset(
    "\u00b5\u0130\u0131\u017f\u0345\u0390\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1"
    "\u03a3\u03a6\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6"
    "\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a"
    "\u0432\u0434\u043e\u0441\u0442\u044a\u0462\u0463\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
    "\u1c86\u1c87\u1c88\u1e60\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64a\ua64b\ufb05\ufb06"
)
"""Characters for which ``str.lower`` and the regex engine's case-insensitive matching
disagree (multi-character lower case, or extra case equivalents such as "ſ" ~ "s").
Text holding one of them is never skipped (tests/analysis/test_prefilter.py derives
the set)."""

_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT}
_POSSESSIVE = getattr(_sre_c, "POSSESSIVE_REPEAT", None)
if _POSSESSIVE is not None:
    _REPEATS.add(_POSSESSIVE)
_ZERO_WIDTH = {_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT}


ANCHOR = "\x00"
"""Marks a required string that starts a word in every match (after ``\b``, ``^`` or
whitespace): the index looks those up by the first letters of the sentence's words."""


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased), or None
    when the pattern needs no literal text. The most selective of
    :func:`required_clauses`."""
    clauses = required_clauses(pattern, flags)
    return frozenset(s.lstrip(ANCHOR) for s in max(clauses, key=_score)) if clauses else None


def required_clauses(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """What every match of ``pattern`` needs, as clauses that must all hold: each clause
    a set of lower-cased strings one of which the match contains (an :data:`ANCHOR`
    prefix marks a string that starts a word). () when nothing is needed (or the
    pattern cannot be read)."""
    try:
        parsed = _sre_p.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unparsable pattern fails later, at compile time
        return ()
    clauses, _ = _sequence(list(parsed), False)
    clauses = [c for c in clauses if c and all(s.lstrip(ANCHOR) for s in c)]
    # The few most selective clauses are enough; more only cost time to check.
    clauses.sort(key=_score, reverse=True)
    return tuple(dict.fromkeys(clauses))[:3]


def _score(options: frozenset[str]) -> tuple[int, int, int]:
    anchored = all(s.startswith(ANCHOR) for s in options)
    return (min(min(len(s.lstrip(ANCHOR)) for s in options), 5), anchored, -len(options))


_WORD_START_AT = {_sre_c.AT_BEGINNING, _sre_c.AT_BEGINNING_STRING, _sre_c.AT_BOUNDARY}
_NONWORD_CATEGORIES = {_sre_c.CATEGORY_SPACE, _sre_c.CATEGORY_NOT_WORD}


def _nonword_class(op: object, av: object) -> bool:
    """Does this item consume only non-word characters (``\s``, ``[\s(]``, ``-``)?"""
    if op == _sre_c.LITERAL:
        return not _is_word(chr(av))  # type: ignore[arg-type]
    if op == _sre_c.CATEGORY:
        return av in _NONWORD_CATEGORIES
    if op == _sre_c.IN:
        return all(_nonword_class(o, a) for o, a in av)  # type: ignore[attr-defined]
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _sequence(items: list, after_nonword: bool) -> tuple[list[frozenset[str]], bool]:  # type: ignore[type-arg]
    """The clauses a sequence of regex items needs, and whether it ends right after a
    non-word position (so a word that follows starts there).

    Adjacent literals (and small character classes such as ``[- ]``) grow a set of
    strings; any other item ends it, and itself may add clauses (a group, an
    alternation whose every branch needs something, a repeat of at least one)."""
    clauses: list[frozenset[str]] = []
    run: set[str] = {""}
    run_anchored = False
    nonword = after_nonword  # the position before the next item follows a non-word char

    def flush() -> None:
        nonlocal run
        if run != {""}:
            if "" in run:
                clauses.append(frozenset({""}))  # dropped later: nothing is needed
            else:
                # "services" is implied by "service" (as a word start: by a prefix)
                kept = {r for r in run if not any(o != r and (r.startswith(o) if run_anchored else o in r) for o in run)}
                clauses.append(frozenset((ANCHOR + r if run_anchored and _is_word(r[0]) else r) for r in kept))
        run = {""}

    for op, av in items:
        if op == _sre_c.LITERAL:
            ch = chr(av).lower()
            if run == {""}:
                run_anchored = nonword
            run = {r + ch for r in run}
            nonword = not _is_word(ch)
            continue
        if op == _sre_c.IN:
            chars = _small_class(av)
            if chars is not None and len(run) * len(chars) <= 64:
                if run == {""}:
                    run_anchored = nonword
                run = {r + c for r in run for c in chars}
                nonword = not any(_is_word(c) for c in chars)
                continue
        if op in (_sre_c.SUBPATTERN, _sre_c.BRANCH) or (op in _REPEATS and av[1] == 1):
            strings = _literal_strings([(op, av)])
            if strings is not None and len(run) * len(strings) <= 64:
                if run == {""}:
                    run_anchored = nonword
                nonword = all((not _is_word(x[-1])) if x else nonword for x in strings)
                run = {r + x for r in run for x in strings}
                continue
        if op in _ZERO_WIDTH:
            if op == _sre_c.AT and av in _WORD_START_AT:
                nonword = nonword or run == {""}  # \b before a word: a word starts here
                if run == {""}:
                    nonword = True
            continue  # takes no text: literals either side are still adjacent
        flush()
        if op == _sre_c.SUBPATTERN:
            sub, nonword = _sequence(list(av[-1]), nonword)
            clauses.extend(sub)
        elif op == _sre_c.BRANCH:
            best, ends = [], []
            for alt in av[1]:
                sub, end = _sequence(list(alt), nonword)
                ends.append(end)
                best.append(max(sub, key=_score) if sub else None)
            if all(best):
                clauses.append(frozenset().union(*best))  # type: ignore[arg-type]
            nonword = all(ends)
        elif op in _REPEATS:
            body = list(av[2])
            if len(body) == 1 and body[0][0] == _sre_c.LITERAL and av[0] >= 1:
                ch = chr(body[0][1]).lower()
                clauses.append(frozenset({ch * min(av[0], 16)}))
                nonword = not _is_word(ch)
            else:
                sub, end = _sequence(body, nonword)
                if av[0] >= 1:
                    clauses.extend(sub)
                    nonword = end or (len(body) == 1 and _nonword_class(*body[0]))
                else:
                    nonword = nonword and (end or (len(body) == 1 and _nonword_class(*body[0])))
        else:
            nonword = _nonword_class(op, av)
    flush()
    return clauses, nonword


def _literal_strings(items: list) -> set[str] | None:  # type: ignore[type-arg]
    """Every string a sequence of plain literals, small classes, literal alternations
    and optional literals can match ("service(?:s)?" -> {"service", "services"}), or
    None when it can match anything else or too many strings."""
    out: set[str] = {""}
    for op, av in items:
        if op == _sre_c.LITERAL:
            options: set[str] | None = {chr(av).lower()}
        elif op == _sre_c.IN:
            chars = _small_class(av)
            options = set(chars) if chars is not None else None
        elif op == _sre_c.SUBPATTERN:
            options = _literal_strings(list(av[-1]))
        elif op == _sre_c.BRANCH:
            options = set()
            for alt in av[1]:
                sub = _literal_strings(list(alt))
                if sub is None:
                    return None
                options |= sub
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:
            sub = _literal_strings(list(av[2]))
            options = None if sub is None else sub | {""}
        else:
            return None
        if options is None or len(out) * len(options) > 64:
            return None
        out = {a + b for a in out for b in options}
    return out


def _small_class(av: list) -> list[str] | None:  # type: ignore[type-arg]
    """The characters of a class made of up to four plain literals ("[- ]"), else None."""
    if len(av) > 4 or any(op != _sre_c.LITERAL for op, _ in av):
        return None
    return sorted({chr(c).lower() for _, c in av})


def _special(text: str) -> bool:
    """Does ``text`` hold a character whose lower case the regex engine sees otherwise?"""
    return not text.isascii() and not CASE_SPECIALS.isdisjoint(text)


class Guarded:
    """A compiled pattern behind its required-literal guard.

    ``search(text, lowered)`` runs the pattern only when ``lowered`` (``text.lower()``)
    holds what the pattern needs. Literals are compared lower-cased whatever the
    pattern's flags: a case-sensitive match implies the lower-cased containment too."""

    __slots__ = ("regex", "clauses", "pattern")

    def __init__(self, regex: Pattern[str]) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.clauses = tuple(
            tuple(sorted({s.lstrip(ANCHOR) for s in c}, key=len)) for c in required_clauses(regex.pattern, regex.flags)
        )

    @property
    def literals(self) -> frozenset[str] | None:
        """The most selective clause (None when the pattern needs nothing)."""
        return frozenset(self.clauses[0]) if self.clauses else None

    def possible(self, text: str, lowered: str) -> bool:
        """False only when the pattern certainly cannot match ``text``."""
        for clause in self.clauses:
            for s in clause:
                if s in lowered:
                    break
            else:
                return _special(text)
        return True

    def search(self, text: str, lowered: str) -> re.Match[str] | None:
        if self.possible(text, lowered):
            return self.regex.search(text)
        return None


_WORD_KEY = re.compile(r"\b\w{1,3}")
"""The first three characters of every word."""


class LiteralIndex:
    """Many guards checked at once: which clauses a sentence satisfies, found in one pass.

    Register the clauses of every pattern (:meth:`register` gives their ids), then
    :meth:`scan` a sentence. A string that starts a word in every match is looked up by
    its first three letters among the first three letters of the sentence's words (one
    regex pass); the others are tested one by one. A pattern can match only if all its
    clause ids are in the scan's result."""

    def __init__(self) -> None:
        self._ids: dict[frozenset[str], int] = {}
        self._by_literal: dict[str, set[int]] = {}
        self._plain: tuple[tuple[str, frozenset[int]], ...] = ()
        self._keyed: dict[str, tuple[tuple[str, frozenset[int]], ...]] = {}
        self._keys: frozenset[str] = frozenset()
        self._all: frozenset[int] = frozenset()

    def register(self, clause: frozenset[str]) -> int:
        """The id of ``clause`` (a set of strings one of which must be present)."""
        cid = self._ids.get(clause)
        if cid is None:
            cid = self._ids[clause] = len(self._ids)
            for lit in clause:
                self._by_literal.setdefault(lit, set()).add(cid)
            self._freeze()
        return cid

    @property
    def all_ids(self) -> frozenset[int]:
        return self._all

    def _freeze(self) -> None:
        plain, keyed = [], {}
        for lit, ids in self._by_literal.items():
            text = lit.lstrip(ANCHOR)
            head = len(text) - len(text.lstrip("abcdefghijklmnopqrstuvwxyz0123456789_"))
            if lit.startswith(ANCHOR) and head >= 3:
                keyed.setdefault(text[:3], []).append((text, frozenset(ids)))
            else:
                plain.append((text, frozenset(ids)))
        self._plain = tuple(plain)
        self._keyed = {k: tuple(v) for k, v in keyed.items()}
        self._keys = frozenset(self._keyed)
        self._all = frozenset(self._ids.values())

    def scan(self, text: str, lowered: str) -> AbstractSet[int]:
        """Ids of the clauses ``text`` satisfies (all of them when the text holds a
        character that lower-casing cannot be trusted on)."""
        if _special(text):
            return self._all
        sat: set[int] = set()
        for lit, ids in self._plain:
            if lit in lowered:
                sat.update(ids)
        keyed = self._keyed
        for k in self._keys.intersection(_WORD_KEY.findall(lowered)):
            for lit, ids in keyed[k]:
                if lit in lowered:
                    sat.update(ids)
        return sat


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that cannot be
    told (or a match can be empty)."""
    try:
        parsed = _sre_p.parse(pattern, flags)
    except Exception:  # noqa: BLE001
        return None
    found = _first(list(parsed))
    if found is None or found[1]:
        return None
    return frozenset(found[0])


def _first(items: list) -> tuple[set[str], bool] | None:  # type: ignore[type-arg]
    """(possible first characters, can be empty) of a sequence of regex items."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op == _sre_c.LITERAL:
            return chars | {chr(av)}, False
        if op == _sre_c.IN:
            if len(av) > 24 or any(o != _sre_c.LITERAL for o, _ in av):
                return None
            return chars | {chr(c) for _, c in av}, False
        if op == _sre_c.SUBPATTERN:
            sub = _first(list(av[-1]))
        elif op == _sre_c.BRANCH:
            subs = [_first(list(alt)) for alt in av[1]]
            if any(s is None for s in subs):
                return None
            sub = (set().union(*(s[0] for s in subs)), any(s[1] for s in subs))  # type: ignore[index]
        elif op in _REPEATS:
            inner = _first(list(av[2]))
            sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        chars |= sub[0]
        if not sub[1]:
            return chars, False
    return chars, True


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def accelerate(regex: Pattern[str]) -> Pattern[str]:
    """The same pattern behind a look-ahead on its possible first characters
    (``(?=[msw])\\b(?:may|shall|will)``): the engine then skips most positions of a
    sentence at the cost of one class test instead of trying every alternative there.
    Matches are identical; patterns whose first character cannot be told come back
    unchanged."""
    chars = first_chars(regex.pattern, regex.flags)
    if not chars or len(chars) > 40 or _GLOBAL_FLAGS.match(regex.pattern):
        return regex
    cls = "".join(sorted(re.escape(c) if c not in "-]\\^" else "\\" + c for c in chars))
    try:
        return re.compile(f"(?=[{cls}])(?:{regex.pattern})", regex.flags)
    except re.error:  # pragma: no cover - defensive
        return regex
