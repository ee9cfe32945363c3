"""App-wide messages: the lint worker reporting progress and results, and views asking
the review screen to show a place in an agreement. Widget-specific messages are nested in
their widget (``FindingsTable.FindingHighlighted``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from slalint.document import Anchor


@dataclass
class LintProgress(Message):
    """The worker started on file ``done + 1`` of ``total``."""

    done: int
    total: int
    path: str

    def can_replace(self, message: Message) -> bool:
        """A newer progress report makes an older, unprocessed one pointless."""
        return isinstance(message, LintProgress)


@dataclass
class DocumentLinted(Message):
    """One file was linted (or could not be read: ``result.error``)."""

    result: Any
    """The :class:`~slalint.engine.findings.DocumentResult`."""
    review: Any = None
    """Its :class:`~slalint.triage.Review`, already applied to the findings."""
    review_error: str | None = None
    """One-line error when the review file could not be read."""


@dataclass
class LintFinished(Message):
    """The worker finished every file."""

    count: int
    seconds: float
    cancelled: bool = False


@dataclass
class ShowEvidence(Message):
    """Show this place of a document in the Findings view (from the checklist or rights)."""

    path: str
    section_ref: str | None
    anchor: Anchor | None
