"""slalint: a clause-library linter and review tool for service agreements.

Data flows one way: readers -> document model -> analysis -> rule engine -> findings ->
reporters / TUI.
"""

__version__ = "0.1.0"
