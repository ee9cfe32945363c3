"""Every ``Doc``/``Span`` ``._`` attribute slalint's spaCy components use, registered once.

spaCy's advice for third-party components: register extensions on the global classes once,
at import, with a prefixed name, never inside a component's ``__call__`` and without
``force=True`` (two pipelines in one process would overwrite each other's getters).
Components write the raw matches (plain tuples with character offsets into ``doc.text``);
getters derive ``Span`` views from them; the aspect modules (`slalint.analysis.terms`, ...)
turn the raw matches into facts with evidence.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# Raw-match attributes: set by one component each, None until it has run.
DOC_ATTRIBUTES: dict[str, str] = {
    "slalint_definitions": "slalint_defined_terms",
    "slalint_party_mentions": "slalint_parties",
    "slalint_xrefs": "slalint_xrefs",
    "slalint_quantities": "slalint_quantities",
}
"""Doc attribute -> the component that assigns it."""


TEXT_KEY = "slalint_text"


def _key(name: str) -> tuple[str, str, None, None]:
    """Where spaCy's ``Underscore`` keeps a Doc attribute's value in ``doc.user_data``."""
    return ("._.", name, None, None)


def raw(doc: Doc, name: str) -> Any:
    """``doc._.<name>`` without building an ``Underscore`` proxy per access (a hot path:
    several reads per paragraph on documents of thousands of paragraphs). Same storage,
    so ``doc._.<name>`` reads what this returns and vice versa."""
    return doc.user_data.get(_key(name))


def set_raw(doc: Doc, name: str, value: Any) -> None:
    """``doc._.<name> = value``, written to the same ``user_data`` slot."""
    doc.user_data[_key(name)] = value


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: the components all read the text, and spaCy
    rebuilds it from the tokens on every access. `slalint.analysis.analyze` puts the
    paragraph text there before the pipeline runs."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _spans(doc: Doc, items: list[Any] | None) -> list[Span]:
    out: list[Span] = []
    for item in items or ():
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _definition_spans(doc: Doc) -> list[Span]:
    """The defined-term spans (the quoted or bold words), derived from the raw matches."""
    return _spans(doc, doc._.slalint_definitions)


def _xref_spans(doc: Doc) -> list[Span]:
    return _spans(doc, doc._.slalint_xrefs)


def _quantity_spans(doc: Doc) -> list[Span]:
    return _spans(doc, doc._.slalint_quantities)


def _is_sentence_initial(span: Span) -> bool:
    """True when the span starts a sentence (needs sentence boundaries)."""
    return bool(span.doc[span.start].is_sent_start) or span.start == 0


def register() -> None:
    """Register the extensions (idempotent: safe to call from every component module)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, getter in (
        ("slalint_definition_spans", _definition_spans),
        ("slalint_xref_spans", _xref_spans),
        ("slalint_quantity_spans", _quantity_spans),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
    if not Span.has_extension("slalint_is_sentence_initial"):
        Span.set_extension("slalint_is_sentence_initial", getter=_is_sentence_initial)


register()
