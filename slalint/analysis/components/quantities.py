"""``slalint_quantities``: periods, percentages, money and counts stated in a paragraph.

Agreements write numbers twice ("thirty (30) days") so that a typo in one can be caught:
both values are kept and a disagreement ("thirty (45) days") is flagged. Durations carry
a normalised unit ("business_day", "calendar_day", "hour", "month"...), money an ISO
currency ("$5,000", "USD 5,000", "GBP 1m", "EUR 10k"), percentages their value
("99.9%", "99.95 percent", "ninety-nine point nine percent"). "24x7" / "24/7" is recorded
as kind "coverage" (168 hours a week). Number words, units and currencies are data in
``models/patterns/quantities.jsonl``.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from slalint.analysis.extensions import doc_text, set_raw  # (importing it registers the Doc/Span attributes)
from slalint.analysis.components._data import pattern_file, read_jsonl


class QuantityMatch(NamedTuple):
    kind: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    words_value: float | None = None
    digits_value: float | None = None


_NUMERIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"


@registry.misc("slalint.quantity_patterns.v1")
def quantity_patterns(path: str = "") -> dict[str, Any]:
    """Number words, scale words, duration units and their qualifiers, currencies."""
    rows = read_jsonl(pattern_file(path, "quantities.jsonl"))
    by = lambda k: [r for r in rows if r["kind"] == k]  # noqa: E731
    return {
        "numbers": {r["text"]: r["value"] for r in by("number_word")},
        "scales": {r["text"]: r["value"] for r in by("scale_word")},
        "units": {r["text"]: r["unit"] for r in by("unit")},
        "qualifiers": {r["text"]: r["prefix"] for r in by("unit_qualifier")},
        "currencies": {r["text"]: r["iso"] for r in by("currency")},
        "money_scales": {r["text"]: r["value"] for r in by("money_scale")},
    }


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class QuantityFinder:
    def __init__(self, name: str, patterns: dict[str, Any]):
        self.name = name
        self.numbers: dict[str, float] = patterns["numbers"]
        self.scales: dict[str, float] = patterns["scales"]
        self.units: dict[str, str] = patterns["units"]
        self.qualifiers: dict[str, str] = patterns["qualifiers"]
        self.currencies: dict[str, str] = {k.lower(): v for k, v in patterns["currencies"].items()}
        self.money_scales: dict[str, float] = patterns["money_scales"]
        w = _alt(list(self.numbers) + list(self.scales))
        words = rf"(?:{w})(?:(?:[\s-]+(?:and[\s-]+)?)(?:{w}))*"
        words = rf"(?:{words})(?:\s+point(?:\s+(?:{_alt(self.numbers)}))+)?"
        value = rf"(?:(?P<w>{words})\s*\(\s*(?P<d>{_NUMERIC})\s*\)|(?P<n>{_NUMERIC})|(?P<w2>{words}))"
        units = _alt(self.units)
        quals = _alt(self.qualifiers)
        self.duration = re.compile(
            rf"(?<![\w.$£€]){value}\s*(?:-\s*)?(?P<q>(?:{quals})[\s-]+)?(?P<u>{units})(?:s|\(s\))?\b(?!\s*\()", re.I
        )
        self.percent = re.compile(
            rf"(?<![\w.]){words_pct(words)}", re.I
        )
        syms = [c for c in self.currencies if not c.isalpha()]
        codes = [c for c in self.currencies if c.isalpha() and c.upper() == c.upper() and len(c) == 3]
        names = [c for c in self.currencies if c.isalpha() and len(c) > 3]
        scale = _alt(self.money_scales)
        self.money = re.compile(
            rf"(?:(?P<sym>{_alt(syms)})\s?|\b(?P<code>{_alt(codes)})\s?)(?P<n>{_NUMERIC})(?:\s?(?P<sc>{scale})\b)?"
            rf"|(?<![\w.])(?P<n2>{_NUMERIC})(?:\s?(?P<sc2>{scale})\b)?\s?(?P<code2>{_alt(codes)}|{_alt(names)})\b",
            re.I,
        )
        self.count = re.compile(rf"(?<![\w.])(?P<w>{words})\s*\(\s*(?P<d>{_NUMERIC})\s*\)", re.I)
        self.coverage = re.compile(r"\b24\s?(?:[x\u00d7]|/)\s?7(?:\s?[x\u00d7]\s?365)?\b", re.I)
        # where a quantity can start: a digit, a number word, a currency sign or code. The
        # full patterns are tried only there (``match`` at a position), which keeps the
        # big alternations off the rest of the text.
        first = "".join(sorted({w[0].lower() for w in self.numbers} | {w[0].upper() for w in self.numbers}))
        code_first = "".join(sorted({c[0].upper() for c in codes}))
        sym_first = "".join(sorted({c[0] for c in syms if not c[0].isalpha()}))
        self.starts = re.compile(
            rf"(?<![\w.,])\.?\d|[{re.escape(sym_first)}]|\b(?=[{code_first}])(?:{_alt(syms + codes)})"
            rf"|\b(?=[{first}])(?:{_alt(self.numbers)})\b",
            re.I,
        )
        # the same over lowercased text, without re.I (much faster in Python's engine)
        self.starts_lower = re.compile(
            rf"(?<![\w.,])\.?\d|[{re.escape(sym_first)}]|\b(?=[{code_first.lower()}])(?:{_alt([c.lower() for c in syms + codes])})"
            rf"|\b(?=[{first.lower()}])(?:{_alt([w.lower() for w in self.numbers])})\b"
        )

    def __call__(self, doc: Doc) -> Doc:
        set_raw(doc, "slalint_quantities", self.find(doc_text(doc)))
        return doc

    # -- number parsing ------------------------------------------------------------
    def words_value(self, text: str) -> float | None:
        """"thirty" -> 30, "twenty-four" -> 24, "one hundred and eighty" -> 180,
        "ninety-nine point nine" -> 99.9."""
        whole, _, frac = text.lower().partition(" point ")
        total = current = 0.0
        seen = False
        for tok in re.split(r"[\s-]+", whole):
            if not tok or tok == "and":
                continue
            if tok in self.numbers:
                current += self.numbers[tok]
                seen = True
            elif tok in self.scales:
                scale = self.scales[tok]
                current = (current or 1) * scale
                if scale >= 1000:
                    total += current
                    current = 0
                seen = True
            else:
                return None
        if not seen:
            return None
        value = total + current
        if frac:
            digits = "".join(str(int(self.numbers[t])) for t in frac.split() if t in self.numbers and self.numbers[t] < 10)
            if digits:
                value = float(f"{int(value)}.{digits}")
        return value

    @staticmethod
    def digits_value(text: str) -> float:
        return float(text.replace(",", ""))

    def _value(self, m: re.Match[str]) -> tuple[float | None, float | None, float | None]:
        """(value, words_value, digits_value) of a VALUE group."""
        if m.group("w"):
            wv = self.words_value(m.group("w"))
            dv = self.digits_value(m.group("d"))
            return dv, wv, dv
        if m.group("n"):
            return self.digits_value(m.group("n")), None, None
        wv = self.words_value(m.group("w2"))
        return wv, None, None

    # -- the finder ----------------------------------------------------------------
    def find(self, text: str) -> list[QuantityMatch]:
        out: list[QuantityMatch] = []
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        def add(q: QuantityMatch) -> None:
            out.append(q)
            taken.append((q.start, q.end))

        lowered = text.lower()
        if len(lowered) == len(text):
            positions = [m.start() for m in self.starts_lower.finditer(lowered)]
        else:
            positions = [m.start() for m in self.starts.finditer(text)]
        if not positions:
            return out

        def matches(rx: re.Pattern[str]) -> list[re.Match[str]]:
            found = []
            last_end = -1
            for pos in positions:
                if pos < last_end:
                    continue
                m = rx.match(text, pos)
                if m:
                    found.append(m)
                    last_end = m.end()
            return found

        for m in matches(self.coverage):
            add(QuantityMatch("coverage", m.group(0), m.start(), m.end(), 168.0, "hour_per_week"))
        for m in matches(self.money):
            if not free(m.start(), m.end()):
                continue
            n = m.group("n") or m.group("n2")
            cur = (m.group("sym") or m.group("code") or m.group("code2") or "").lower()
            sc = (m.group("sc") or m.group("sc2") or "").lower()
            value = self.digits_value(n) * self.money_scales.get(sc, 1)
            add(QuantityMatch("money", m.group(0), m.start(), m.end(), value, self.currencies.get(cur)))
        for m in matches(self.percent):
            if not free(m.start(), m.end()):
                continue
            value, wv, dv = self._value(m)
            if m.group("pd"):
                dv = self.digits_value(m.group("pd"))
                wv = value if wv is None else wv
                value = dv
            add(QuantityMatch("percentage", m.group(0), m.start(), m.end(), value, "percent", wv, dv))
        for m in matches(self.duration):
            if not free(m.start(), m.end()):
                continue
            value, wv, dv = self._value(m)
            if value is None:
                continue
            unit = self.units[m.group("u").lower()]
            q = (m.group("q") or "").strip(" -").lower()
            prefix = self.qualifiers.get(q, "")
            if prefix and unit in ("day", "hour", "week", "month"):
                unit = prefix + unit if (prefix != "calendar_" or unit == "day") else unit
            add(QuantityMatch("duration", m.group(0), m.start(), m.end(), value, unit, wv, dv))
        for m in matches(self.count):
            if not free(m.start(), m.end()):
                continue
            wv = self.words_value(m.group("w"))
            dv = self.digits_value(m.group("d"))
            add(QuantityMatch("count", m.group(0), m.start(), m.end(), dv, None, wv, dv))
        out.sort(key=lambda q: q.start)
        return out


def words_pct(words: str) -> str:
    value = rf"(?:(?P<w>{words})\s*\(\s*(?P<d>{_NUMERIC})\s*%?\s*\)|(?P<n>{_NUMERIC})|(?P<w2>{words}))"
    return rf"{value}\s*(?:%|\s?percent\b|\s?per\s+cent\b)(?:\s*\(\s*(?P<pd>{_NUMERIC})\s*%\s*\))?"


@Language.factory(
    "slalint_quantities",
    assigns=["doc._.slalint_quantities"],
    default_config={"patterns": {"@misc": "slalint.quantity_patterns.v1", "path": ""}},
)
def make_quantities(nlp: Language, name: str, patterns: dict[str, Any]) -> QuantityFinder:
    return QuantityFinder(name, patterns)
