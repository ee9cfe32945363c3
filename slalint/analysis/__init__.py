"""The analysis layer: turns the document model into facts a rule can check.

`analyze(document, aspects=...)` (in `slalint.analysis.analyze`) runs only the aspects the
selected rules need; spaCy is imported only when one of them needs it.
"""
