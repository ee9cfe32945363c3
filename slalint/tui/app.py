"""The `slalint review` app: bindings, the lint worker, and the review screen.

Kept thin (frogmouth's rule): layout lives in :mod:`slalint.tui.screens.review`, widgets in
:mod:`slalint.tui.widgets`. Linting runs in a thread worker, one file at a time, posting
progress and each result to the screen, so the window is up at once even for a 96,000-word
tender document or a folder of a hundred agreements. Tests build the app from a fixed
result with :func:`make_app` and never lint.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from textual import work
from textual.app import App
from textual.binding import Binding

from slalint.engine.findings import DocumentResult
from slalint.errors import SlalintError
from slalint.triage import ReviewFileError, current_reviewer, load_review
from slalint.tui.messages import DocumentLinted, LintFinished, LintProgress
from slalint.tui.ruledocs import RuleDocs
from slalint.tui.screens.help import HelpScreen
from slalint.tui.screens.review import ReviewScreen

Linter = Callable[[str, Any], DocumentResult]
"""Lints one file: (path, config) -> DocumentResult."""


class SlalintApp(App[None]):
    """Review an agreement's findings and record triage decisions."""

    CSS_PATH = "app.tcss"
    """The app's stylesheet."""
    TITLE = "slalint review"
    """Shown in the header."""
    BINDINGS = [Binding("q", "quit", "Quit")]
    """App-wide keys (the review screen adds its own, ? help first so the footer shows it)."""

    def __init__(
        self,
        paths: Sequence[str] = (),
        results: Iterable[DocumentResult] | None = None,
        config: Any = None,
        review_dir: str | os.PathLike[str] | None = None,
        *,
        linter: Linter | None = None,
        rule_docs: RuleDocs | None = None,
        clock: Callable[[], datetime] | None = None,
        reviewer: str | None = None,
    ) -> None:
        super().__init__()
        self.paths: list[str] = [str(p) for p in paths]
        """Files and folders to lint when the app starts."""
        self.initial_results: list[DocumentResult] = list(results or [])
        """Results computed in advance (tests, or a saved run)."""
        self.config = config
        """The loaded configuration, passed to the linter."""
        self.review_dir = str(review_dir) if review_dir else None
        """Folder for review files (default: beside each agreement)."""
        self.linter = linter
        """Lints one file; the engine's ``lint_file`` by default."""
        self.rule_docs = rule_docs or RuleDocs(config)
        """Rule explanations for the detail pane."""
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(timezone.utc))
        """Dates triage decisions (injected by tests)."""
        self.reviewer = reviewer
        """Name recorded with decisions (None: $SLALINT_REVIEWER, git user.name, login)."""
        self.review_screen = ReviewScreen()
        """The main screen."""
        self._own_linter: Any = None
        """The child-process linter this app started (closed on exit)."""
        if self.paths and self.linter is None:
            self.linter = self._own_linter = _engine_linter()
            self._own_linter.start()  # before Textual takes over stdout/stderr

    def on_mount(self) -> None:
        self.push_screen(self.review_screen)
        self.call_after_refresh(self._load_initial)

    def _load_initial(self) -> None:
        for result in self.initial_results:
            review, error = self._load_review(result)
            self.review_screen.add_result(result, review, error)
        if self.paths:
            self.start_lint(self.paths)

    def _load_review(self, result: DocumentResult) -> tuple[Any, str | None]:
        if result.error:
            return None, None
        try:
            review = load_review(result, self.review_dir, self.config)
        except ReviewFileError as exc:
            return None, str(exc)
        review.apply(result.findings)
        return review, None

    # -- linting ---------------------------------------------------------------------------

    def start_lint(self, paths: Sequence[str]) -> None:
        """Lint ``paths`` (files or folders) in the worker; a running lint is cancelled."""
        self.lint_worker(list(paths))

    @work(thread=True, exclusive=True, group="lint", exit_on_error=False)
    def lint_worker(self, paths: list[str]) -> None:
        """Lint one file at a time, posting progress and results to the review screen."""
        from textual.worker import get_current_worker

        worker = get_current_worker()
        screen = self.review_screen
        started = time.perf_counter()
        files = _collect(paths)
        if self.linter is None:
            self.linter = self._own_linter = _engine_linter()
        lint = self.linter
        self.rule_docs.preload()
        if self.reviewer is None:
            current_reviewer()  # warm the git lookup off the UI thread
        done = 0
        for i, path in enumerate(files):
            if worker.is_cancelled:
                screen.post_message(LintFinished(done, time.perf_counter() - started, cancelled=True))
                return
            screen.post_message(LintProgress(i, len(files), path))
            try:
                result = lint(path, self.config)
            except SlalintError as exc:
                result = DocumentResult(path=path, error=str(exc))
            except Exception as exc:  # one broken file must not end the review
                result = DocumentResult(path=path, error=f"{path}: internal error ({type(exc).__name__}: {exc})")
            review, error = self._load_review(result)
            if worker.is_cancelled:
                break
            screen.post_message(DocumentLinted(result, review, error))
            done += 1
        screen.post_message(LintFinished(done, time.perf_counter() - started, cancelled=worker.is_cancelled))

    @work(thread=True, group="annotate", exit_on_error=False)
    def write_annotated(self, result: DocumentResult, dest: str) -> None:
        """Write an annotated Word copy of ``result`` to ``dest`` (off the UI thread)."""
        from slalint.annotate import AnnotateError, annotate_docx

        findings = [f for f in result.findings if f.status != "false-positive"]
        try:
            annotate_docx(result.path, dest, findings, document=result.document, coverage=result.coverage,
                          why=self.rule_docs.why, force=True)
        except (AnnotateError, SlalintError, OSError) as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=8)
            return
        self.call_from_thread(self.notify, f"Wrote {dest} ({len(findings)} comments)", timeout=5)

    def on_unmount(self) -> None:
        self._stop_linter()

    async def action_quit(self) -> None:
        """Quit at once, even in the middle of a long file."""
        self._stop_linter()
        self.exit()

    def _stop_linter(self) -> None:
        linter, self._own_linter = self._own_linter, None
        if linter is not None:
            self.workers.cancel_group(self, "lint")
            linter.close()

    # -- actions ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """Show every key once."""
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen([ReviewScreen.BINDINGS, self.BINDINGS], ReviewScreen.HELP_TEXT))


def _engine_linter() -> Linter:
    from slalint.tui.linting import ProcessLinter

    return ProcessLinter()


def _collect(paths: list[str]) -> list[str]:
    """The agreements under ``paths`` (the engine's collect_files when available)."""
    try:
        from slalint.engine.lint import collect_files
    except ImportError:
        collect_files = None
    if collect_files is not None:
        try:
            collected = collect_files(paths)
            return [str(p) for p in (collected[0] if isinstance(collected, tuple) else collected)]
        except SlalintError:
            pass
    from slalint.readers import SUPPORTED_SUFFIXES

    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += sorted(str(f) for f in path.rglob("*") if f.suffix.lower() in SUPPORTED_SUFFIXES and f.is_file()
                          and not any(part.startswith(".") for part in f.relative_to(path).parts))
        else:
            out.append(str(path))
    return out


def make_app(
    paths: Sequence[str] | None = None,
    results: Iterable[DocumentResult] | None = None,
    config: Any = None,
    review_dir: str | os.PathLike[str] | None = None,
    **kwargs: Any,
) -> SlalintApp:
    """Build the review app: lint ``paths``, or show ``results`` computed in advance.

    Keyword arguments ``linter``, ``rule_docs``, ``clock`` and ``reviewer`` let tests
    keep the machine (clock, user, rule packs) out of the picture.
    """
    return SlalintApp(paths or (), results, config, review_dir, **kwargs)
