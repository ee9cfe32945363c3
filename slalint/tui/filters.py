"""The findings filter: one line a reviewer types, parsed into criteria.

``sev:error pack:fairness topic:termination status:open liability`` keeps error findings
of the fairness pack on the termination topic that are still open and mention
"liability". Each key takes comma-separated values (``sev:error,warning``) and a prefix
of the value (``status:acc`` for accepted-risk); ``sev:warning+`` means warning or worse.
Words without a key must all appear in the code, name, message, quote, section or note.
Pure Python, so it is tested without an app.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slalint.engine.findings import SEVERITY_ORDER, Finding

KEYS = {
    "sev": "severity", "severity": "severity", "s": "severity",
    "pack": "pack", "p": "pack",
    "topic": "topic", "t": "topic",
    "status": "status", "st": "status",
    "code": "code", "rule": "code",
}
"""Filter keys a reviewer may type, and the criterion each sets."""

SORT_KEYS: tuple[str, ...] = ("position", "severity", "code", "status")
"""Orders the findings table cycles through."""


@dataclass
class FindingFilter:
    """Criteria a finding must meet to be listed; empty criteria let everything through."""

    severity: set[str] = field(default_factory=set)
    pack: set[str] = field(default_factory=set)
    topic: set[str] = field(default_factory=set)
    status: set[str] = field(default_factory=set)
    code: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    """Parts of the query that were not understood (shown to the reviewer)."""

    @classmethod
    def parse(cls, query: str) -> "FindingFilter":
        flt = cls()
        for token in query.split():
            key, sep, value = token.partition(":")
            if sep and key.lower() in KEYS and value:
                target = KEYS[key.lower()]
                values = {v.lower() for v in value.split(",") if v}
                if target == "severity":
                    expanded: set[str] = set()
                    for v in values:
                        if v.endswith("+"):
                            floor = _match_prefix(v[:-1], SEVERITY_ORDER)
                            if floor is None:
                                flt.errors.append(token)
                                continue
                            expanded |= {s for s, rank in SEVERITY_ORDER.items() if rank >= SEVERITY_ORDER[floor]}
                        else:
                            match = _match_prefix(v, SEVERITY_ORDER)
                            if match is None:
                                flt.errors.append(token)
                            else:
                                expanded.add(match)
                    flt.severity |= expanded
                else:
                    getattr(flt, target).update(values)
            else:
                flt.words.append(token.lower())
        return flt

    @property
    def empty(self) -> bool:
        return not (self.severity or self.pack or self.topic or self.status or self.code or self.words)

    def matches(self, finding: Finding) -> bool:
        if self.severity and finding.severity not in self.severity:
            return False
        if self.pack and not _any_prefix(self.pack, [finding.pack]):
            return False
        if self.topic and not _any_prefix(self.topic, list(finding.topics)):
            return False
        if self.status and not _any_prefix(self.status, [finding.status]):
            return False
        if self.code and not _any_prefix(self.code, [finding.code, finding.name]):
            return False
        if self.words:
            hay = " ".join((finding.code, finding.name, finding.message, finding.quote,
                            finding.location.section or "", finding.location.title, finding.note,
                            finding.status, " ".join(finding.topics))).lower()
            return all(w in hay for w in self.words)
        return True


def _match_prefix(value: str, choices: dict[str, int]) -> str | None:
    hits = [c for c in choices if c.startswith(value)]
    return hits[0] if len(hits) == 1 else (value if value in choices else None)


def _any_prefix(wanted: set[str], values: list[str]) -> bool:
    return any(v.lower().startswith(w) for w in wanted for v in values if v)


def sort_key(order: str):
    """A key function for (document index, finding) pairs in the given order
    ("position" is document order)."""
    def by_position(f: Finding) -> tuple:
        a = f.location.anchor
        return (0, a.part, a.paragraph, a.start) if a else (1, "", 0, 0)

    if order == "severity":
        return lambda item: (-SEVERITY_ORDER.get(item[1].severity, 0), item[0], by_position(item[1]))
    if order == "code":
        return lambda item: (item[1].code, item[0], by_position(item[1]))
    if order == "status":
        rank = {"open": 0, "needs-counsel": 1, "to-fix": 2, "accepted-risk": 3, "false-positive": 4}
        return lambda item: (rank.get(item[1].status, 9), item[0], by_position(item[1]))
    return lambda item: (item[0], by_position(item[1]), -SEVERITY_ORDER.get(item[1].severity, 0))
