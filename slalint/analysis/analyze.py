"""``analyze()``: the document model in, the facts rules check out.

Only the aspects asked for run, with only the spaCy components they need; spaCy is not
imported when none does. Order: the context (paragraph units), one ``nlp.pipe`` pass over
all units, then terms, parties, cross-references, quantities, rights and duties
(statements), checklist topics, and finally the document-level summary (kind, coverage,
facts).
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Iterable

from slalint.analysis.context import AnalysisContext
from slalint.analysis.facts import Analysis, Sentence
from slalint.analysis.pipeline import with_dependencies
from slalint.document import Document

ASPECTS: tuple[str, ...] = ("sentences", "terms", "parties", "xrefs", "quantities", "statements", "topics")

DEPENDS: dict[str, tuple[str, ...]] = {
    "statements": ("parties",),
    "topics": ("terms", "parties", "statements", "quantities"),
}
"""Aspect -> aspects whose results it reads."""

COMPONENTS: dict[str, tuple[str, ...]] = {
    "sentences": ("slalint_sentences",),
    "terms": ("slalint_sentences", "slalint_defined_terms", "slalint_parties"),
    "parties": ("slalint_defined_terms", "slalint_parties"),
    "xrefs": ("slalint_xrefs",),
    "quantities": ("slalint_quantities",),
    "statements": ("slalint_sentences",),
    "topics": ("slalint_sentences",),
}
"""Aspect -> the pipeline components it needs (unavailable ones are skipped)."""


_BATCH = 1000
"""Paragraphs per ``nlp.pipe`` batch: our components work per Doc, so a large batch only
saves spaCy's per-batch bookkeeping."""


def resolve_aspects(aspects: Iterable[str] | None) -> set[str]:
    """The aspects asked for plus their dependencies; None means all. Unknown names raise."""
    if aspects is None:
        return set(ASPECTS)
    return with_dependencies(aspects, ASPECTS, DEPENDS, "analysis aspect")


def _unit_sentences(ctx: AnalysisContext, unit: Any) -> list[tuple[Any, int, int]]:
    """(unit, start, end) of one unit's sentences (the whole paragraph when not split)."""
    if unit.sentence_offsets is None and unit.doc is not None and unit.doc.has_annotation("SENT_START"):
        unit.sentence_offsets = [(sent.start_char, sent.end_char) for sent in unit.doc.sents]
    if unit.sentence_offsets is not None:
        return [(unit, s, e) for s, e in unit.sentence_offsets]
    return [(unit, 0, len(unit.text))]


def _optional(module: str, attr: str) -> Callable[..., Any] | None:
    """``module.attr``, or None while that module does not exist yet."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, attr)


def analyze(
    document: Document,
    *,
    aspects: set[str] | None = None,
    vocabulary: Iterable[str] = (),
    external_terms: Iterable[str] = (),
    party_hints: dict[str, str] | None = None,
) -> Analysis:
    """Analyse one document; ``aspects`` limits the work to what the selected rules need."""
    wanted = resolve_aspects(aspects)
    ctx = AnalysisContext.from_document(
        document,
        vocabulary=frozenset(vocabulary),
        external_terms=frozenset(external_terms),
        party_hints=dict(party_hints or {}),
    )
    analysis = Analysis(document=document)
    components = sorted({c for a in wanted for c in COMPONENTS[a]})
    nlp = None
    if components and ctx.units:
        from slalint.analysis.components.sentences import OFFSETS_KEY as SENTENCE_OFFSETS
        from slalint.analysis.extensions import TEXT_KEY
        from slalint.analysis.pipeline import get_nlp, tokenizer_text

        nlp = get_nlp(components)

        def docs(language: Any) -> Iterable[Any]:
            # one tokenisation per paragraph (absurd punctuation runs blanked, offsets
            # kept: see pipeline.tokenizer_text); the original text rides along so that no
            # component has to rebuild it from the tokens (see extensions.doc_text)
            for u in ctx.units:
                doc = language.make_doc(tokenizer_text(u.text))
                doc.user_data[TEXT_KEY] = u.text
                yield doc

        for unit, doc in zip(ctx.units, nlp.pipe(docs(nlp), batch_size=_BATCH)):
            unit.doc = doc
            # the splitter's character offsets spare ``ctx.sentences()`` a Span per sentence
            unit.sentence_offsets = doc.user_data.get(SENTENCE_OFFSETS)

    if "sentences" in wanted:
        from slalint.analysis.terms import is_title, title_end

        sentences = analysis.sentences
        for unit in ctx.units:
            if is_title(unit):
                continue
            text = unit.text
            floor = title_end(unit) + 1
            for _, s, e in _unit_sentences(ctx, unit):
                body = text[s:e].rstrip()
                if s + len(body) > floor:
                    sentences.append(Sentence(body, unit.evidence(s, s + len(body))))
    if nlp is not None and ("terms" in wanted or "parties" in wanted):
        from slalint.analysis.parties import find_parties
        from slalint.analysis.terms import build_glossary, external_glossaries, external_scope, find_undefined

        glossary = build_glossary(ctx, nlp)
        parties = find_parties(ctx, glossary)
        if "terms" in wanted:
            analysis.glossary = glossary
            imported = external_glossaries(ctx)
            analysis.external_glossaries = imported
            analysis.undefined_terms = find_undefined(ctx, glossary, parties, scope=external_scope(ctx, imported))
        if "parties" in wanted:
            analysis.parties = parties
    if nlp is not None and "xrefs" in wanted:
        from slalint.analysis.xrefs import find_xrefs

        analysis.cross_refs = find_xrefs(ctx)
    if nlp is not None and "quantities" in wanted:
        from slalint.analysis.quantities import find_quantities

        analysis.quantities = find_quantities(ctx)
    if "statements" in wanted:
        extract = _optional("slalint.analysis.statements", "extract_statements")
        if extract is not None:
            analysis.statements = extract(ctx, analysis.parties)
    if "topics" in wanted:
        tag = _optional("slalint.analysis.topics", "tag_topics")
        if tag is not None:
            analysis.topic_hits = tag(ctx)
    if "topics" in wanted:
        summarise = _optional("slalint.analysis.coverage", "summarise")
        if summarise is not None:
            summarise(analysis)
    return analysis
