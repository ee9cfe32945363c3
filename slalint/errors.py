"""slalint's error hierarchy. Every user-facing error is one line, names its subject and
says what is wrong; the CLI prints it on stderr and exits 2, without a traceback."""

from __future__ import annotations


class SlalintError(Exception):
    """Base class of every error slalint reports to a user."""


class DocumentReadError(SlalintError):
    """An input agreement cannot be read: missing, corrupt, encrypted, a legacy .doc,
    empty, too large when unpacked (zip bomb), or unsafe XML (entity expansion)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(SlalintError):
    """A configuration file (.slalint.yaml, [tool.slalint]) is invalid."""


class RuleDefinitionError(SlalintError):
    """A rule or clause YAML file is invalid; the message is `file:line: what is wrong`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.detail = message
