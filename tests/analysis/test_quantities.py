"""Quantities: durations, percentages, money, counts and words-vs-digits mismatches."""

from __future__ import annotations

import pytest

from tests.analysis._docs import analyze_md


def quantities(sentence: str):  # noqa: ANN201
    return analyze_md(f"# A\n\n{sentence}\n", aspects={"quantities"}).quantities


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("thirty (30) days", "duration", 30, "day"),
        ("30 calendar days", "duration", 30, "calendar_day"),
        ("four (4) business hours", "duration", 4, "business_hour"),
        ("ten (10) Business Days", "duration", 10, "business_day"),
        ("one (1) month", "duration", 1, "month"),
        ("twelve (12) months", "duration", 12, "month"),
        ("a 30-day period", "duration", 30, "day"),
        ("15 minutes", "duration", 15, "minute"),
        ("99.9%", "percentage", 99.9, "percent"),
        ("99.95 percent", "percentage", 99.95, "percent"),
        ("ninety-nine point nine percent", "percentage", 99.9, "percent"),
        ("$5,000", "money", 5000, "USD"),
        ("USD 5,000", "money", 5000, "USD"),
        ("GBP 1m", "money", 1_000_000, "GBP"),
        ("\u00a31,000,000", "money", 1_000_000, "GBP"),
        ("\u20ac10k", "money", 10_000, "EUR"),
        ("24x7 support", "coverage", 168, "hour_per_week"),
        ("one hundred and eighty (180) days", "duration", 180, "day"),
    ],
)
def test_quantities_found(text: str, kind: str, value: float, unit: str) -> None:
    (q,) = quantities(f"Provider commits to {text} under this Agreement.")
    assert (q.kind, q.value, q.unit) == (kind, value, unit)
    assert q.evidence.quote == q.text and not q.mismatch


@pytest.mark.parametrize(("text", "mismatch"), [("thirty (45) days", True), ("thirty (30) days", False), ("five (6) Service Credits", True)])
def test_quantities_words_digits_mismatch(text: str, mismatch: bool) -> None:
    (q,) = quantities(f"Customer may claim within {text}.")
    assert q.mismatch is mismatch
    assert q.words_value is not None and q.digits_value is not None


def test_quantities_not_numbers_in_words() -> None:
    assert quantities("Someone often tends to attend the money market.") == []
