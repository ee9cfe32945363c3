"""Python check functions named by rules (`check: slalint.checks.<module>:<function>`).

One module per subject (terms, termination, ...). Each function is registered with
`slalint.engine.checks.check` and yields `slalint.engine.context.Hit`s.
"""
