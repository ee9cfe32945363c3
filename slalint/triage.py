"""Triage decisions: what a reviewer decided about each finding, kept beside the agreement.

A reviewer walking an agreement decides, finding by finding, that a risk is accepted, that
the finding is a false positive, that the clause must be fixed, or that counsel must look.
Those decisions are kept in a review file beside the agreement
(``contract.docx`` -> ``contract.docx.slalint-review.json``, or in a configured folder),
keyed by the finding's fingerprint so they stay attached after the agreement is edited and
re-linted. A decision whose finding no longer appears is kept and marked *stale*, never
deleted: the clause may come back, and the record of who decided what should not vanish.

The file is JSON::

    {"version": 1,
     "document": {"path": "contract.docx", "sha256": "..."},
     "decisions": {"<fingerprint>": {"status": "accepted-risk", "note": "...",
                   "reviewer": "A. Lawyer", "date": "2026-11-26T10:00:00+00:00",
                   "code": "...", "name": "...", "quote": "...", "section": "12.2",
                   "stale": false}}}

Every save is atomic (temporary file in the same folder, flush, fsync, ``os.replace``), so
a crash or kill leaves either the old file or the new one, never a torn one.
``slalint check`` calls :func:`apply_review` after linting a file, so accepted-risk and
false-positive findings no longer fail CI. Pure Python: no Textual, no spaCy.
"""

from __future__ import annotations

import getpass
import json
import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

from slalint.atomicio import write_text_atomic
from slalint.errors import SlalintError

REVIEW_SUFFIX = ".slalint-review.json"
"""Appended to the agreement's file name to name its review file."""

REVIEW_VERSION = 1
"""Version of the review-file layout written by this module."""

DECISIONS: tuple[str, ...] = ("accepted-risk", "false-positive", "to-fix", "needs-counsel")
"""The decisions a reviewer can take ("open" means no decision)."""

PASSING_STATUSES: frozenset[str] = frozenset({"accepted-risk", "false-positive"})
"""Decisions that stop a finding from failing ``slalint check``."""

DECISION_LABELS: dict[str, str] = {
    "open": "open",
    "accepted-risk": "accepted risk",
    "false-positive": "false positive",
    "to-fix": "to fix",
    "needs-counsel": "needs counsel",
}
"""How each status reads in reports and in the app."""


class ReviewFileError(SlalintError):
    """A review file cannot be read or written; the message is ``path: cause``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # picklable across processes
        return (type(self), (self.path, self.reason))


@dataclass
class Decision:
    """One reviewer's decision on one finding, with what the finding said at the time.

    ``code``, ``name``, ``quote`` and ``section`` are copied from the finding so that a
    stale decision (its finding gone after an edit) still says what it was about.
    """

    fingerprint: str
    status: str
    note: str = ""
    reviewer: str = ""
    date: str = ""
    code: str = ""
    name: str = ""
    quote: str = ""
    section: str | None = None
    stale: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "note": self.note,
            "reviewer": self.reviewer,
            "date": self.date,
            "code": self.code,
            "name": self.name,
            "quote": self.quote,
            "section": self.section,
            "stale": self.stale,
        }

    @classmethod
    def from_dict(cls, fingerprint: str, data: dict[str, Any]) -> "Decision":
        status = data.get("status")
        if status not in DECISIONS:
            raise ValueError(f"decision {fingerprint[:12]} has unknown status {status!r}")
        section = data.get("section")
        return cls(
            fingerprint=fingerprint,
            status=status,
            note=str(data.get("note") or ""),
            reviewer=str(data.get("reviewer") or ""),
            date=str(data.get("date") or ""),
            code=str(data.get("code") or ""),
            name=str(data.get("name") or ""),
            quote=str(data.get("quote") or ""),
            section=None if section is None else str(section),
            stale=bool(data.get("stale", False)),
        )


@dataclass
class Review:
    """The review of one agreement: its decisions, and where they are saved."""

    path: Path
    """The review file."""
    document: str
    """The agreement's path, as given to slalint."""
    sha256: str = ""
    """The agreement's sha256 when the review was last saved."""
    decisions: dict[str, Decision] = field(default_factory=dict)
    """Decisions keyed by finding fingerprint."""

    # -- reading and writing -------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike[str], document: str, sha256: str = "") -> "Review":
        """The review saved at ``path``; an empty review when there is no file yet.

        Raises :class:`ReviewFileError` (one line) for a file that is not a review file.
        """
        p = Path(path)
        try:
            raw = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path=p, document=document, sha256=sha256)
        except (OSError, UnicodeDecodeError) as exc:
            raise ReviewFileError(p, f"cannot read review file ({_reason(exc)})") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ReviewFileError(p, f"review file is not valid JSON (line {exc.lineno}: {exc.msg}); "
                                     "fix or remove it") from None
        if not isinstance(data, dict) or not isinstance(data.get("decisions", {}), dict):
            raise ReviewFileError(p, "not a slalint review file (expected an object with 'decisions')")
        version = data.get("version", REVIEW_VERSION)
        if not isinstance(version, int) or version > REVIEW_VERSION:
            raise ReviewFileError(p, f"review file version {version!r} is newer than this slalint understands")
        decisions: dict[str, Decision] = {}
        for fp, entry in data.get("decisions", {}).items():
            if not isinstance(entry, dict):
                raise ReviewFileError(p, f"decision {fp[:12]} is not an object")
            try:
                decisions[fp] = Decision.from_dict(fp, entry)
            except ValueError as exc:
                raise ReviewFileError(p, str(exc)) from None
        return cls(path=p, document=document, sha256=sha256, decisions=decisions)

    def to_dict(self) -> dict[str, Any]:
        try:
            shown = os.path.relpath(Path(self.document).resolve(), self.path.resolve().parent)
        except ValueError:  # another drive on Windows
            shown = str(Path(self.document).resolve())
        return {
            "version": REVIEW_VERSION,
            "document": {"path": Path(shown).as_posix(), "sha256": self.sha256},
            "decisions": {fp: d.to_dict() for fp, d in sorted(self.decisions.items())},
        }

    def save(self) -> None:
        """Write the review file atomically. Raises :class:`ReviewFileError` on failure."""
        text = json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        try:
            atomic_write_text(self.path, text)
        except OSError as exc:
            raise ReviewFileError(self.path, f"cannot save review ({_reason(exc)})") from None

    # -- deciding ------------------------------------------------------------------------

    def decide(
        self,
        finding: Any,
        status: str,
        note: str = "",
        *,
        reviewer: str | None = None,
        when: datetime | str | None = None,
    ) -> Decision | None:
        """Record ``status`` for ``finding`` (status "open" removes the decision) and set
        the finding's status and note. Does not save; call :meth:`save`."""
        if status == "open":
            self.decisions.pop(finding.fingerprint, None)
            finding.status, finding.note = "open", ""
            return None
        if status not in DECISIONS:
            raise ValueError(f"unknown triage status {status!r}; expected one of {', '.join(DECISIONS)}")
        if not finding.fingerprint:
            raise ValueError(f"finding {finding.code} has no fingerprint; it cannot be triaged")
        decision = Decision(
            fingerprint=finding.fingerprint,
            status=status,
            note=note.strip(),
            reviewer=reviewer if reviewer is not None else current_reviewer(),
            date=_iso(when),
            code=finding.code,
            name=finding.name,
            quote=finding.quote,
            section=finding.location.section,
        )
        self.decisions[finding.fingerprint] = decision
        finding.status, finding.note = status, decision.note
        return decision

    def apply(self, findings: Iterable[Any]) -> list[Decision]:
        """Set each finding's status and note from its decision, mark decisions whose
        finding is gone as stale (and revive those whose finding came back).
        Returns the stale decisions."""
        seen: set[str] = set()
        for f in findings:
            d = self.decisions.get(f.fingerprint) if f.fingerprint else None
            if d is None:
                continue
            seen.add(f.fingerprint)
            d.stale = False
            f.status, f.note = d.status, d.note
        stale = []
        for fp, d in self.decisions.items():
            if fp not in seen:
                d.stale = True
                stale.append(d)
        return stale

    def stale(self) -> list[Decision]:
        """Decisions whose finding no longer appears (as of the last :meth:`apply`)."""
        return [d for d in self.decisions.values() if d.stale]


# -- where review files live -------------------------------------------------------------


def review_path_for(document: str | os.PathLike[str], review_dir: str | os.PathLike[str] | None = None,
                    review_file: str | os.PathLike[str] | None = None) -> Path:
    """The review file of ``document``: ``review_file`` when given, else
    ``<review_dir>/<name>.slalint-review.json``, else beside the agreement."""
    if review_file:
        return Path(review_file)
    doc = Path(document)
    name = doc.name + REVIEW_SUFFIX
    if review_dir:
        return Path(review_dir) / name
    return doc.with_name(name)


def _configured_review_dir(config: Any) -> str | None:
    """The review folder named by a loaded configuration, if any (``review_dir`` or
    ``review: {dir: ...}``); tolerant of configuration objects and plain dicts."""
    if config is None:
        return None
    for key in ("review_dir",):
        value = getattr(config, key, None)
        if value is None and isinstance(config, dict):
            value = config.get(key)
        if value:
            return str(value)
    review = getattr(config, "review", None)
    if review is None and isinstance(config, dict):
        review = config.get("review")
    if isinstance(review, dict) and review.get("dir"):
        return str(review["dir"])
    return None


def _review_dir_for(doc_path: str, review_dir: Any, config: Any) -> str | None:
    """Where review files live: the explicit folder, else $SLALINT_REVIEW_DIR, else the
    configuration's ``review_dir`` (the given config, or the one that governs the file)."""
    if review_dir:
        return str(review_dir)
    env = os.environ.get("SLALINT_REVIEW_DIR")
    if env:
        return env
    if config is None:
        try:
            from slalint.config import config_for

            config = config_for(doc_path)
        except (ImportError, SlalintError, OSError):
            config = None
    return _configured_review_dir(config)


def load_review(doc_result: Any, review_dir: str | os.PathLike[str] | None = None, config: Any = None) -> Review:
    """The review of a linted document (empty when none is saved yet).
    Raises :class:`ReviewFileError` (one line) when the review file is corrupt."""
    path = review_path_for(doc_result.path, _review_dir_for(doc_result.path, review_dir, config))
    return Review.load(path, document=doc_result.path, sha256=getattr(doc_result, "sha256", "") or "")


def apply_review(doc_result: Any, review_dir: str | os.PathLike[str] | None = None, config: Any = None) -> Review | None:
    """Apply the saved decisions of a linted document to its findings.

    Sets ``finding.status``/``finding.note`` from the review file beside the agreement (or
    in the configured review folder). Returns the review, or None when the document has
    none. Raises :class:`ReviewFileError` (one line) when the review file is corrupt.
    """
    if getattr(doc_result, "error", None):
        return None
    path = review_path_for(doc_result.path, _review_dir_for(doc_result.path, review_dir, config))
    if not path.exists():
        return None
    review = Review.load(path, document=doc_result.path, sha256=getattr(doc_result, "sha256", "") or "")
    review.apply(doc_result.findings)
    return review


def fails_check(finding: Any) -> bool:
    """Whether a finding still counts against ``--fail-on`` after triage."""
    return getattr(finding, "status", "open") not in PASSING_STATUSES


# -- who and when --------------------------------------------------------------------------

_reviewer_cache: str | None = None


def current_reviewer() -> str:
    """The reviewer's name: ``$SLALINT_REVIEWER``, else ``git config user.name``, else the
    login name. The git lookup is done once per process."""
    env = os.environ.get("SLALINT_REVIEWER", "").strip()
    if env:
        return env
    global _reviewer_cache
    if _reviewer_cache is None:
        name = ""
        try:
            out = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True, timeout=3,
                                 check=False, stdin=subprocess.DEVNULL)
            name = out.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            name = ""
        if not name:
            try:
                name = getpass.getuser()
            except Exception:  # no login name in some containers
                name = "unknown"
        _reviewer_cache = name
    return _reviewer_cache


def _iso(when: datetime | str | None) -> str:
    if isinstance(when, str):
        return when
    moment = when or datetime.now(timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.isoformat(timespec="seconds")


# -- atomic writes ---------------------------------------------------------------------------


def atomic_write_text(path: str | os.PathLike[str], text: str, *,
                      _before_replace: Callable[[Path], None] | None = None) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a
    torn one (see slalint.atomicio)."""
    write_text_atomic(path, text, _before_replace=_before_replace)



def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


# -- the Markdown triage report --------------------------------------------------------------


def render_markdown_report(results: Iterable[Any], reviews: dict[str, Review] | None = None,
                           *, generated: str | None = None) -> str:
    """A Markdown triage report: per agreement, each finding with its decision, note,
    reviewer and date, open findings first, then stale decisions."""
    reviews = reviews or {}
    lines: list[str] = ["# slalint triage report", ""]
    if generated:
        lines += [f"Generated {generated}.", ""]
    results = list(results)
    for res in results:
        lines.append(f"## {res.path}")
        lines.append("")
        if getattr(res, "error", None):
            lines += [f"Could not be read: {res.error}", ""]
            continue
        counts: dict[str, int] = {}
        for f in res.findings:
            counts[f.status] = counts.get(f.status, 0) + 1
        summary = ", ".join(f"{counts[s]} {DECISION_LABELS.get(s, s)}" for s in ("open",) + DECISIONS if s in counts)
        lines += [f"{len(res.findings)} findings" + (f": {summary}." if summary else "."), ""]
        if res.findings:
            lines += ["| Status | Severity | Rule | Section | Message | Note | Reviewer | Date |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- |"]
            review = reviews.get(res.path)
            order = {s: i for i, s in enumerate(("needs-counsel", "to-fix", "open", "accepted-risk", "false-positive"))}
            sev = {"error": 0, "warning": 1, "info": 2}
            for f in sorted(res.findings, key=lambda f: (order.get(f.status, 9), sev.get(f.severity, 9))):
                d = review.decisions.get(f.fingerprint) if review else None
                lines.append("| " + " | ".join(_md_cell(x) for x in (
                    DECISION_LABELS.get(f.status, f.status), f.severity, f"{f.code} {f.name}",
                    f.location.section or "(document)", f.message, f.note,
                    d.reviewer if d else "", d.date if d else "")) + " |")
            lines.append("")
        review = reviews.get(res.path)
        stale = review.stale() if review else []
        if stale:
            lines += ["Decisions whose finding no longer appears (kept as stale):", ""]
            for d in stale:
                where = f"section {d.section}" if d.section else "the document"
                lines.append(f"- {d.code} {d.name} in {where}: {DECISION_LABELS.get(d.status, d.status)}"
                             + (f" ({d.note})" if d.note else "") + f", {d.reviewer}, {d.date}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _md_cell(value: Any) -> str:
    text = " ".join(str(value or "").split())
    return text.replace("|", "\\|")
