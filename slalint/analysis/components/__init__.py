"""slalint's own spaCy components, one module per component, factories prefixed ``slalint_``.

Each component reads ``doc.text`` (regular expressions and spaCy matchers) and writes raw
matches with character offsets to a ``Doc._`` attribute of `slalint.analysis.extensions`;
the aspect modules turn those into facts with evidence.
"""

COMPONENT_MODULES: dict[str, str] = {
    "slalint_sentences": "slalint.analysis.components.sentences",
    "slalint_defined_terms": "slalint.analysis.components.defined_terms",
    "slalint_parties": "slalint.analysis.components.parties",
    "slalint_xrefs": "slalint.analysis.components.xrefs",
    "slalint_quantities": "slalint.analysis.components.quantities",
}
"""Component (factory) name -> the module whose import registers its factory."""
