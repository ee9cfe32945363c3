"""Sentence boundaries in contract text (component ``slalint_sentences``)."""

from __future__ import annotations

import pytest

from slalint.analysis.pipeline import get_nlp


def split(text: str) -> list[str]:
    doc = get_nlp(["slalint_sentences"])(text)
    return [s.text.strip() for s in doc.sents]


@pytest.mark.parametrize(
    "text",
    [
        'This Agreement is made between Acme Inc. ("Provider") and Contoso Ltd. ("Customer").',
        "Acme Corp. and Northwind Co. shall each appoint a manager.",
        "Provider shall patch critical systems, e.g. firewalls, i.e. edge devices, within 24 hours.",
        "Customer is a U.S. corporation subject to U.S. export laws.",
        "This is Amendment No. 2 to the Agreement under Sec. 4 of the Act.",
        "Provider shall back up servers, workstations, etc. and test restores monthly.",
        "Fees are set out in clause 4.2 and are payable monthly.",
        "Provider shall (a) monitor the Services; (b) respond to Incidents; and (c) report monthly.",
        "Provider shall restore service; provided that Customer has reported the fault; and further provided that access is given.",
        "The notice must be sent to J. Smith at the address above.",
    ],
)
def test_sentences_no_false_split(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fees are payable under Section 4.2. Late fees accrue at 1% per month.",
            ["Fees are payable under Section 4.2.", "Late fees accrue at 1% per month."],
        ),
        (
            "Provider will respond within 4 hours. Customer will cooperate! Is that clear? Yes.",
            ["Provider will respond within 4 hours.", "Customer will cooperate!", "Is that clear?", "Yes."],
        ),
        (
            'The software is provided "as is." Provider disclaims all warranties.',
            ['The software is provided "as is."', "Provider disclaims all warranties."],
        ),
        (
            "Term. This Agreement starts on the Effective Date.",
            ["Term.", "This Agreement starts on the Effective Date."],
        ),
        (
            "Provider supports laptops, desktops, etc. The list may change.",
            ["Provider supports laptops, desktops, etc.", "The list may change."],
        ),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize("text", ["1. Definitions and interpretation apply.", "4.2. The Supplier shall comply."])
def test_sentences_typed_label_is_not_a_sentence(text: str) -> None:
    assert split(text) == [text]


def test_sentences_every_token_annotated() -> None:
    doc = get_nlp(["slalint_sentences"])("One sentence here. Another one there.")
    assert doc.has_annotation("SENT_START")
    assert all(t.is_sent_start is not None for t in doc)


@pytest.mark.parametrize(
    "text",
    [
        "Acme Inc. (\"Provider\") agrees.  Customer pays. See Sec. 4 and No. 2, e.g. here.",
        "1. Definitions. The Services mean (a) this; and (b) that. Next   sentence!",
        "One sentence only",
    ],
)
def test_sentences_offsets_match_doc_sents(text: str) -> None:
    from slalint.analysis.components.sentences import OFFSETS_KEY

    doc = get_nlp(["slalint_sentences"])(text)
    assert doc.user_data[OFFSETS_KEY] == [(s.start_char, s.end_char) for s in doc.sents]
