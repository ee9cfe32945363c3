"""Builders for engine tests: rule files written into a temporary pack, documents from
short Markdown, and Analysis objects assembled by hand (no spaCy, no analysis layer)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from slalint.analysis.facts import Analysis, Coverage, Evidence, Quantity, Statement, TopicHit
from slalint.document import Document
from slalint.engine.context import DocIndex
from slalint.engine.loader import load_ruleset, parse_rule
from slalint.engine.yamlsrc import load_located
from slalint.readers.text import read_markdown

DOCS = """
docs:
  why: Because it matters.
  example_fail: "# 1. A\\n1.1 Text."
  example_pass: "# 1. A\\n1.1 Text."
  references: []
"""


def rule_yaml(code: str = "TST001", name: str = "test-rule", kind: str = "require", params: str = "topic: scope",
              message: str = "Problem found", extra: str = "") -> str:
    body = textwrap.indent(textwrap.dedent(params).strip(), "  ")
    return (f"code: {code}\nname: {name}\nsummary: A test rule.\nseverity: warning\nkind: {kind}\n"
            f"params:\n{body}\nmessage: \"{message}\"\n{textwrap.dedent(extra).strip()}\n" + DOCS.lstrip())


def write_pack(root: Path, rules: dict[str, str], pack: str = "tst") -> Path:
    folder = root / pack
    folder.mkdir(parents=True, exist_ok=True)
    for code, text in rules.items():
        (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root


def parse(text: str, path: str = "TST001.yaml"):
    src = load_located(path, text)
    return parse_rule(src, "tst", builtin=False)


def doc(md: str, path: str = "case.md") -> Document:
    return read_markdown(textwrap.dedent(md).strip() + "\n", path=path)


def paragraph_evidence(document: Document, contains: str, start_word: str | None = None) -> Evidence:
    index = DocIndex(document)
    for info in index.paragraphs:
        if contains in info.paragraph.text:
            text = info.paragraph.text
            s = text.index(start_word) if start_word else 0
            e = s + len(start_word) if start_word else len(text)
            return index.evidence(info.paragraph, info.section, s, e)
    raise AssertionError(f"no paragraph contains {contains!r}")


def analysis(document: Document, kind: str = "msa", present: dict[str, str] | None = None, **fields: Any) -> Analysis:
    """An Analysis whose topics in ``present`` (topic -> words of the paragraph holding it)
    are present, every other topic absent."""
    a = Analysis(document=document, kind=kind, **fields)
    for topic in __import__("slalint.analysis.facts", fromlist=["TOPIC_IDS"]).TOPIC_IDS:
        a.coverage[topic] = Coverage("absent")
    for topic, words in (present or {}).items():
        ev = paragraph_evidence(document, words)
        a.coverage[topic] = Coverage("present", [ev])
        a.topic_hits.append(TopicHit(topic, ev))
    return a


def quantity(document: Document, contains: str, text: str, value: float, unit: str, kind: str = "duration") -> Quantity:
    ev = paragraph_evidence(document, contains, text)
    return Quantity(kind=kind, text=text, value=value, unit=unit, evidence=ev)


def statement(document: Document, contains: str, bearer: str, action: str, modality: str = "right") -> Statement:
    return Statement(modality=modality, bearer=bearer, action=action, evidence=paragraph_evidence(document, contains))  # type: ignore[arg-type]


def load_pack(root: Path):
    return load_ruleset([root], builtin=False)
