"""Checklist topics an agreement must provide for, where a topic flag alone is not enough.

`topic_not_provided` is the `require` kind with one refinement: evidence found only in
table cells (a priced line item such as "Firewall management") does not count as a
provision. `missing_definitions` reports an agreement that uses many capitalised terms
without defining any of them.
"""

from __future__ import annotations

import re
from typing import Iterator

from slalint.checks.sla_common import provided_evidence, relies_on_master, topic_status
from slalint.engine.checks import check
from slalint.engine.context import Hit, RuleContext


@check(requires=("topics",), placeholders=("topic",))
def topic_not_provided(ctx: RuleContext) -> Iterator[Hit]:
    """params: topic (id), ignore_sources (default [table]), min_weight (default 0),
    accept (regexes: any match in the text, tables included, counts as a provision), skip_with_master
    (default false: an SLA, SOW or order form that names its master agreement may leave the
    topic to it)."""
    topic = ctx.params["topic"]
    if ctx.params.get("skip_with_master") and relies_on_master(ctx):
        return
    status = topic_status(ctx, topic)
    if status == "present" or status == "unknown":
        kept = provided_evidence(ctx, topic, ctx.params.get("ignore_sources", ["table"]),
                                 float(ctx.params.get("min_weight", 0.0)))
        if kept:
            return
    accept = ctx.params.get("accept") or []
    if isinstance(accept, str):
        accept = [accept]
    rxs = [re.compile(a, re.I) for a in accept]
    if rxs and any(rx.search(i.paragraph.text) for i in ctx.iter_paragraphs() for rx in rxs):
        return
    yield Hit(None, {"topic": topic}, topic=topic)


@check(requires=("topics", "terms"), placeholders=("count", "examples"))
def missing_definitions(ctx: RuleContext) -> Iterator[Hit]:
    """No definitions section or glossary, yet at least ``min_terms`` capitalised terms are
    used as if defined (terms taken from a master agreement the document names do not count)."""
    if topic_status(ctx, "definitions") != "absent" or ctx.analysis.external_glossaries:
        return
    min_terms = int(ctx.options.get("min_terms", ctx.params.get("min_terms", 5)))
    terms = [u for u in ctx.analysis.undefined_terms if len(u.uses) >= 1]
    if len(terms) < min_terms:
        return
    terms.sort(key=lambda u: -len(u.uses))
    yield Hit(None, {"count": len(terms), "examples": ", ".join(f'"{u.term}"' for u in terms[:4])},
              topic="definitions")
