"""The detail pane: everything about the finding under the cursor.

What the rule found and where, why it matters (the rule's documentation), the evidence
quoted from the agreement, the model clause the clause library suggests, and the
reviewer's decision so far.
"""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from slalint.engine.findings import Finding
from slalint.triage import DECISION_LABELS

_SEV = {"error": "$text-error", "warning": "$text-warning", "info": "$text-primary"}


class FindingDetail(VerticalScroll, can_focus=True):
    """Shows one finding in full."""

    DEFAULT_CSS = """
    FindingDetail > Static { padding: 0 1 0 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._body = Static(Content(""), id="detail-body")
        """The rendered text."""

    def compose(self):
        yield self._body

    def show(self, finding: Finding | None, docs: dict[str, Any] | None = None,
             decision: Any = None, empty: str = "No finding selected.", where: str | None = None) -> None:
        """Show ``finding`` with its rule ``docs`` (keys summary, why, references) and the
        triage ``decision`` (reviewer, date) when there is one."""
        if finding is None:
            self.border_title = "Detail"
            self._body.update(Content(empty))
            return
        self.border_title = f"{finding.code} {finding.name}"
        parts: list[Content] = []
        head = Content.assemble((finding.severity.upper(), f"bold {_SEV.get(finding.severity, '')}"),
                                "  ", (finding.code, "bold"), "  ", finding.name)
        if finding.pack:
            head = head.append(Content.styled(f"  [{finding.pack}]", "$text-muted"))
        parts += [head, Content(finding.message)]
        section = finding.location.section
        if section:
            title = f" {finding.location.title}" if finding.location.title else ""
            parts.append(Content.styled(f"Section {section}{title}", "$text-muted"))
        elif where:
            parts.append(Content.styled(f"In {where}", "$text-muted"))
        else:
            parts.append(Content.styled("The document as a whole", "$text-muted"))
        status = DECISION_LABELS.get(finding.status, finding.status)
        line = Content.assemble(("Status: ", "bold"), (status, "bold $text-success" if finding.status != "open" else ""))
        if decision is not None and getattr(decision, "reviewer", ""):
            line = line.append(Content.styled(f"  by {decision.reviewer}, {decision.date[:10]}", "$text-muted"))
        parts.append(line)
        if finding.note:
            parts.append(Content.assemble(("Note: ", "bold"), finding.note))
        why = (docs or {}).get("why") or (docs or {}).get("summary")
        parts += [Content(""), Content.styled("Why it matters", "bold underline")]
        parts.append(Content(reflow(why)) if why else Content.styled("(no explanation available for this rule)", "$text-muted"))
        if finding.evidence or finding.quote:
            parts += [Content(""), Content.styled("Evidence", "bold underline")]
            if finding.evidence:
                for ev in finding.evidence[:8]:
                    where = f"{ev.section}: " if ev.section else ""
                    parts.append(Content.assemble((where, "bold"), f"\u201c{ev.quote}\u201d"))
            else:
                parts.append(Content(f"\u201c{finding.quote}\u201d"))
        if finding.suggestion:
            parts += [Content(""), Content.styled("Suggested clause", "bold underline")]
            if finding.suggestion_id:
                parts.append(Content.styled(finding.suggestion_id, "$text-muted"))
            parts.append(Content.styled(reflow(finding.suggestion), "italic"))
        refs = (docs or {}).get("references") or []
        if refs:
            parts += [Content(""), Content.styled("References", "bold underline")]
            for ref in refs[:5]:
                parts.append(Content(f"- {_ref_text(ref)}"))
        if finding.topics:
            parts += [Content(""), Content.styled("Topics: " + ", ".join(finding.topics), "$text-muted")]
        self._body.update(Content("\n").join(parts))
        self.scroll_home(animate=False)


def reflow(text: str) -> str:
    """Text from a YAML block as a reader wants it: lines of one paragraph joined,
    blank lines kept as paragraph breaks, bullet items ("- ") kept on their own line."""
    paragraphs = []
    for block in str(text).strip().split("\n\n"):
        lines: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if lines and not line.startswith(("- ", "* ")):
                lines[-1] += " " + line
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _ref_text(ref: Any) -> str:
    if isinstance(ref, dict):
        title = ref.get("title") or ref.get("name") or ""
        url = ref.get("url") or ""
        return f"{title} {url}".strip()
    return str(ref)
