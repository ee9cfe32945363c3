"""The triage dialog: decide on one finding and say why.

Opened by the triage keys with that decision preselected, so "a", a note, Enter records
an accepted risk; the reviewer can still pick another decision before saving.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from slalint.engine.findings import Finding
from slalint.triage import DECISION_LABELS, DECISIONS


@dataclass
class TriageChoice:
    """What the reviewer decided: a status ("open" to withdraw a decision) and a note."""

    status: str
    note: str


class TriageDialog(ModalScreen[TriageChoice | None]):
    """Choose a decision and write a note; Enter saves, Escape cancels."""

    DEFAULT_CSS = """
    TriageDialog { align: center middle; }
    TriageDialog > Vertical {
        width: 76; max-width: 96%; height: auto; max-height: 96%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    TriageDialog #triage-finding { margin-bottom: 1; }
    TriageDialog RadioSet { width: 100%; border: none; padding: 0; layout: horizontal; height: auto; }
    TriageDialog RadioSet > RadioButton { width: auto; margin-right: 1; }
    TriageDialog Input { margin: 1 0 0 0; }
    TriageDialog #triage-buttons { height: auto; align-horizontal: right; margin-top: 1; }
    TriageDialog #triage-buttons Button { margin-left: 1; min-width: 10; }
    TriageDialog .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", show=False),
    ]
    """Escape cancels; Enter in the note (or ctrl+s) saves."""

    def __init__(self, finding: Finding, status: str) -> None:
        super().__init__()
        self.finding = finding
        """The finding being decided."""
        self.status = status if status in DECISIONS else DECISIONS[0]
        """The decision preselected."""

    def compose(self) -> ComposeResult:
        f = self.finding
        where = f"section {f.location.section}" if f.location.section else "the document"
        with Vertical() as box:
            box.border_title = "Triage finding"
            yield Static(Content.assemble((f"{f.code} {f.name}", "bold"), f" in {where}\n", f.message),
                         id="triage-finding")
            with RadioSet(id="triage-status"):
                for s in DECISIONS:
                    yield RadioButton(DECISION_LABELS[s], value=(s == self.status), id=f"status-{s}")
            yield Input(value=f.note, placeholder="Note: why (optional)", id="triage-note")
            yield Label("Enter saves · Escape cancels · Tab moves between fields", classes="hint")
            with Horizontal(id="triage-buttons"):
                if f.status != "open":
                    yield Button("Reopen", id="reopen")
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#triage-note", Input).focus()

    def _chosen(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        if pressed is not None and pressed.id:
            return pressed.id.removeprefix("status-")
        return self.status

    def action_save(self) -> None:
        self.dismiss(TriageChoice(self._chosen(), self.query_one("#triage-note", Input).value))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "reopen":
            self.dismiss(TriageChoice("open", ""))
        else:
            self.dismiss(None)
