"""Fingerprints ignore what renumbering changes and keep what identifies the finding."""

from __future__ import annotations

import pytest

from slalint.engine.fingerprint import document_fingerprint, normalise_text, text_fingerprint


@pytest.mark.parametrize("a, b", [
    ("4.2 The Provider may terminate under Section 4.1.", "5.3  the provider may TERMINATE under section 5.1."),
    ("(b) as set out in Schedule 3 and clause 12.3(a)", "(c) as set out in Schedule 4 and clause 14.1(b)"),
    ("the Customer’s “Data”", "the customer's \"data\""),
])
def test_equal_after_normalisation(a, b):
    assert normalise_text(a) == normalise_text(b)


@pytest.mark.parametrize("a, b", [
    ("notice of 30 days", "notice of 90 days"),
    ("The Provider may terminate", "The Customer may terminate"),
])
def test_different_words_stay_different(a, b):
    assert normalise_text(a) != normalise_text(b)


def test_text_and_document_fingerprints():
    assert text_fingerprint("X001", ["Term", "Renewal"], "a") == text_fingerprint("X001", [" term ", "renewal"], "A")
    assert text_fingerprint("X001", ["Term"], "a") != text_fingerprint("X002", ["Term"], "a")
    assert document_fingerprint("X001", "msa", "exclusions") != document_fingerprint("X001", "sow", "exclusions")
