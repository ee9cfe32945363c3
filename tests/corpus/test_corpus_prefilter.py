"""The literal prefilter never hides a pattern that matches, on real agreements."""

from __future__ import annotations

import pytest

from slalint.analysis.context import AnalysisContext
from slalint.analysis.statements import split_sentences
from slalint.analysis.topics import load_topic_model
from slalint.readers import read_document

DOCS = [
    "docx/ccs-fm-2017-call-off-schedule-10-kpis.docx",
    "text/wordpress-com-terms-of-service.md",
    "cuad/webhelpcominc-03-22-2000-ex-10-8-hosting-agreement.txt",
]


@pytest.mark.corpus
@pytest.mark.parametrize("rel", DOCS)
def test_corpus_candidates_hold_every_matching_pattern(corpus_dir, rel):  # type: ignore[no-untyped-def]
    model = load_topic_model()
    ctx = AnalysisContext.from_document(read_document(corpus_dir / rel))
    checked = 0
    for unit in ctx.units:
        for s, e in split_sentences(unit.text):
            sentence = unit.text[s:e]
            cands = model.candidates(sentence, sentence.lower())
            for ti, tp in enumerate(model.topics):
                for bp in tp.body:
                    if bp.regex.search(sentence):
                        assert bp in cands.get(ti, []), (tp.topic, bp.regex.pattern, sentence)
                        checked += 1
    assert checked > 20
