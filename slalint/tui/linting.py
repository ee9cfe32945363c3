"""Linting for the review app in a separate process, so the window never freezes.

A thread alone is not enough: parsing a large DOCX (lxml), regular expressions over long
texts and spaCy's tokenizer hold Python's global interpreter lock for long stretches, and a
key press then waits seconds. The app's worker thread hands each file to one child
process and waits for the result (waiting releases the lock). If a child process cannot
be started, files are linted in the worker thread instead. Pure Python: no Textual.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from slalint.engine.findings import DocumentResult


def _lint_one(path: str, config: Any) -> DocumentResult:
    """Runs in the child process. Errors travel back as plain one-line SlalintErrors
    (subclasses with extra constructor arguments do not survive pickling)."""
    from slalint.engine.lint import lint_file
    from slalint.errors import SlalintError

    try:
        return lint_file(path, config)
    except SlalintError as exc:
        raise SlalintError(str(exc)) from None


class ProcessLinter:
    """Lints one file at a time in a child process (started on first use, reused)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        """The one-worker pool; None until the first file."""
        self._lock = threading.Lock()
        self._closed = False
        """Set by :meth:`close`; later calls lint nothing."""
        self.in_process = False
        """True once the pool could not be used and files are linted in this process."""

    def __call__(self, path: str, config: Any) -> DocumentResult:
        if not self.in_process:
            pool = self._get_pool()
            if pool is not None:
                try:
                    return pool.submit(_lint_one, path, config).result()
                except BrokenProcessPool:
                    if self._closed:
                        raise
                    self._pool = None
                    self.in_process = True  # the child died (killed, out of memory): go on here
        return _lint_one(path, config)

    def start(self) -> None:
        """Create the pool now. Call before the Textual app runs: multiprocessing starts
        its resource-tracker process with the real stderr, which Textual replaces while
        it runs (the child would then fail with "bad value(s) in fds_to_keep")."""
        self._get_pool()
        try:
            from multiprocessing import resource_tracker

            resource_tracker.ensure_running()
        except (OSError, ValueError):
            self.in_process = True

    def _get_pool(self) -> ProcessPoolExecutor | None:
        with self._lock:
            if self._closed:
                raise BrokenProcessPool("linting stopped")
            if self._pool is None:
                try:
                    self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
                except (OSError, ValueError, NotImplementedError):
                    self.in_process = True
                    return None
            return self._pool

    def close(self) -> None:
        """Stop at once: end the child process (a file being linted is abandoned)."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list(getattr(pool, "_processes", {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            try:
                process.terminate()
            except Exception:  # already gone
                pass
