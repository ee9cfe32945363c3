"""YAML with line numbers: rule, cases and clause files are reported as `file:line`.

PyYAML's composer keeps a mark (line, column) on every node; we construct the plain data as
usual and record, for every key path, the line where it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from slalint.errors import RuleDefinitionError

Path_ = tuple[Any, ...]


@dataclass
class Located:
    """Parsed YAML plus the 1-based line of every key path (`("params", "if", "topic")`)."""

    data: Any
    path: str
    lines: dict[Path_, int] = field(default_factory=dict)
    duplicates: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, key_path: Path_) -> int | None:
        """Line of ``key_path``, or of its nearest written ancestor."""
        kp = tuple(key_path)
        while kp:
            if kp in self.lines:
                return self.lines[kp]
            kp = kp[:-1]
        return self.lines.get((), 1)

    def error(self, key_path: Path_, message: str) -> RuleDefinitionError:
        return RuleDefinitionError(self.path, self.line(key_path), message)


def _walk(node: yaml.Node, prefix: Path_, out: Located) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for knode, vnode in node.value:
            key = knode.value if isinstance(knode, yaml.ScalarNode) else str(knode.start_mark)
            kp = prefix + (key,)
            if key in seen:
                out.duplicates.append((kp, knode.start_mark.line + 1))
            seen.add(key)
            out.lines[kp] = knode.start_mark.line + 1
            _walk(vnode, kp, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            kp = prefix + (i,)
            out.lines[kp] = item.start_mark.line + 1
            _walk(item, kp, out)


def load_located(path: str | Path, text: str | None = None) -> Located:
    """Parse one YAML file; a syntax error becomes a RuleDefinitionError with its line."""
    name = str(path)
    if text is None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleDefinitionError(name, None, f"cannot read: {exc}") from None
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RuleDefinitionError(name, line, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise RuleDefinitionError(name, None, f"invalid YAML: {exc}") from None
    out = Located(data=data, path=name)
    if node is not None:
        out.lines[()] = node.start_mark.line + 1
        _walk(node, (), out)
    return out
