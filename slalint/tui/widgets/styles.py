"""Colours and labels shared by the widgets (severity, coverage status, triage status)."""

from __future__ import annotations

from rich.text import Text

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
"""Rich style for each severity in tables and the outline."""

SEVERITY_MARK = {"error": "E", "warning": "W", "info": "I"}
"""One-letter severity marks for narrow columns."""

HIGHLIGHT = {"error": "on $error-muted", "warning": "on $warning-muted", "info": "on $primary-muted"}
"""Content styles (theme variables) for words a finding quotes, by severity."""

SELECTED_HIGHLIGHT = "bold reverse"
"""Content style for the words of the finding under the cursor."""

EVIDENCE_HIGHLIGHT = "underline on $success-muted"
"""Content style for evidence the reviewer jumped to from the checklist or rights."""

STATUS_STYLE = {
    "open": "",
    "accepted-risk": "green",
    "false-positive": "dim",
    "to-fix": "magenta",
    "needs-counsel": "bold magenta",
}
"""Rich style for each triage status."""

COVERAGE_STYLE = {"present": "green", "absent": "bold red", "unknown": "yellow"}
"""Rich style for each checklist status."""


def severity_text(severity: str) -> Text:
    """The severity as a coloured word."""
    return Text(severity, style=SEVERITY_STYLE.get(severity, ""))


def status_text(status: str) -> Text:
    """The triage status as a coloured word ("open" dimmed to a dash)."""
    if status == "open":
        return Text("open", style="dim")
    return Text(status, style=STATUS_STYLE.get(status, ""))
