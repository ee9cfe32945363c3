"""The help screen: every key of the app, listed once, and the filter syntax."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

NAVIGATION: tuple[tuple[str, str], ...] = (
    ("tab / shift+tab", "Move between outline, table, text and detail"),
    ("up / down, pgup / pgdn", "Move in the focused list or text"),
    ("enter", "Open a section; in Checklist or Rights, jump to the clause"),
    ("ctrl+p", "Command palette (change theme, quit...)"),
    ("mouse", "Click rows, sections, tabs and buttons; scroll with the wheel"),
)
"""Keys handled by the widgets themselves (not in any BINDINGS table)."""

FILTER_HELP = (
    "Type words to keep findings that mention them all. Keys narrow further: "
    "sev:error (or sev:warning+ for warning and worse), pack:fairness, topic:termination, "
    "status:open (accepted-risk, false-positive, to-fix, needs-counsel), code:DRF001. "
    "Values may be shortened (status:acc) and combined with commas (sev:error,warning)."
)
"""The filter syntax in words."""


def help_rows(binding_tables: Iterable[Iterable[BindingType]],
              long_text: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(key, description) for every binding that has a description, each key once (the
    first table that binds a key wins, as Textual's focus chain does). ``long_text`` maps
    an action to a fuller description than the footer's."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for table in binding_tables:
        for b in Binding.make_bindings(table):
            if not b.description or b.key in seen:
                continue
            seen.add(b.key)
            text = (long_text or {}).get(b.action, b.description)
            rows.append((b.key_display or _key_name(b.key), text))
    return rows


def _key_name(key: str) -> str:
    return {"question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
            "escape": "esc"}.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Lists the keys; any of escape, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 84; max-width: 96%; height: auto; max-height: 92%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close", show=False)]
    """Keys that close the help."""

    def __init__(self, binding_tables: list[Iterable[BindingType]], long_text: dict[str, str] | None = None) -> None:
        super().__init__(id="help-screen")
        self.rows = help_rows(binding_tables, long_text)
        """The keys listed."""

    def compose(self) -> ComposeResult:
        width = max(len(k) for k, _ in self.rows) + 3
        nav_width = max(len(k) for k, _ in NAVIGATION) + 3
        lines: list[Content] = [Content.styled("Keys", "bold underline")]
        for key, text in self.rows:
            lines.append(Content.assemble((key.ljust(width), "bold $text-accent"), text))
        lines += [Content(""), Content.styled("Moving around", "bold underline")]
        for key, text in NAVIGATION:
            lines.append(Content.assemble((key.ljust(nav_width), "bold $text-accent"), text))
        lines += [Content(""), Content.styled("Filter", "bold underline"), Content(FILTER_HELP)]
        lines += [Content(""), Content.styled("Decisions are saved at once to <agreement>.slalint-review.json; "
                                              "accepted-risk and false-positive findings no longer fail `slalint check`.",
                                              "$text-muted")]
        with VerticalScroll() as box:
            box.border_title = "slalint review: help"
            box.border_subtitle = "esc closes"
            yield Static(Content("\n").join(lines))

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
