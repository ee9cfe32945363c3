"""The rule engine: loads YAML rule packs, runs the selected rules over a document and its
analysis, and turns what they find into findings (suppressed, baselined, cached).

Import what you need from the submodules (`slalint.engine.lint` for lint_paths/lint_file,
`slalint.engine.loader` for rule packs); this package imports nothing heavy on its own.
"""
