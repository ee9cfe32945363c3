"""The export dialog: where to write the triage report or the annotated Word copy."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static


class ExportDialog(ModalScreen[str | None]):
    """Ask for an output path (prefilled); Enter confirms, Escape cancels."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical {
        width: 76; max-width: 96%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ExportDialog Input { margin: 1 0 0 0; }
    ExportDialog .hint { color: $text-muted; }
    ExportDialog #export-warning { color: $text-warning; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    """Escape cancels."""

    def __init__(self, title: str, description: str, default_path: str) -> None:
        super().__init__()
        self.title_text = title
        """The dialog's title."""
        self.description = description
        """What will be written."""
        self.default_path = default_path
        """The suggested output path."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.description)
            yield Input(value=self.default_path, id="export-path")
            yield Label("", id="export-warning")
            yield Label("Enter writes · Escape cancels", classes="hint")

    def on_mount(self) -> None:
        self._warn(self.default_path)
        self.query_one(Input).focus()

    def _warn(self, value: str) -> None:
        exists = bool(value.strip()) and Path(value.strip()).exists()
        self.query_one("#export-warning", Label).update("A file of that name exists and will be replaced." if exists else "")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._warn(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
