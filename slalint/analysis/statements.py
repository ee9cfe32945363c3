"""Rights and duties: who may, must or must not do what, sentence by sentence.

Contract language puts a modal verb between a party and an action: "Either party *may*
terminate ...", "Customer *shall* pay ...", "Provider *shall not* suspend ...", "Provider
*reserves the right to* modify ...". Reading the modal (obligation / right / prohibition),
the party before it (resolved to a role: "provider", "customer", "both" for either/each
party) and the action after it tells a rule whether termination rights are mutual, whether
one party may amend the agreement alone, and whether an indemnity or a liability cap
protects only one side.

Precision matters more than recall here: a statement is emitted only where a modal is
found, and the bearer is left None when the text before the modal names no party.

Two conventions a rule must know:

* ``limit_liability`` statements are recorded as a *right* of the party whose liability
  is limited (the cap protects it): "Provider's aggregate liability shall not exceed ..."
  gives ``Statement("right", "provider", "limit_liability")``, "Neither party shall be
  liable for indirect damages" gives bearer "both".
* Passive forms take the agent as bearer: "this Agreement may be terminated by Customer"
  is a right of the customer; with no agent the bearer is None.

The lexicons (modal phrases, action verbs, grounds for termination, qualifiers) are data in
``models/patterns/statements.jsonl``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Pattern

from slalint.analysis.context import AnalysisContext, Unit
from slalint.analysis.facts import Party, Statement
from slalint.analysis.prefilter import Guarded, accelerate

PATTERN_FILE = "patterns/statements.jsonl"

# --------------------------------------------------------------------------- sentences

_ABBREVIATIONS = frozenset(
    """inc ltd co corp no nos sec secs art arts cl para paras e.g i.e u.s u.k mr mrs ms dr st vs
    etc jr sr l.l.c llc n.a approx pty plc s.a b.v v cf al ave dept est fig govt hon intl mfg
    viz sch app ex exh""".split()
)
_FORCE_MAJEURE = re.compile(r"\bforce\s+majeure\b|\bbeyond\s+(?:its|their|the|such\s+party[’']s|a\s+party[’']s)?\s*(?:reasonable\s+)?control\b", re.I)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` when no spaCy sentence splitter has run: split after
    ". ", "? ", "! " unless the word before is an abbreviation ("Inc.", "e.g.", "No."),
    a single letter ("J. Smith") or a clause number ("4.2. ")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start() + 1]
        word = re.search(r"([\w.]+)\.$", before)
        if word:
            w = word.group(1).lower()
            if w in _ABBREVIATIONS or len(w) == 1:
                continue
            if re.fullmatch(r"[\d.]+|[ivxlc]+", w) and before.strip() == word.group(0):
                continue  # a clause number opening the text ("4.2. The Supplier ...")
        end = m.start() + 1
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def body_offset(unit: Unit) -> int | None:
    """Where the body text of a unit starts: 0 for a body paragraph, after the title for a
    heading that runs into its clause ("1.2 Support.  Provider will ..."), None for a
    heading with no body text."""
    if not unit.is_heading:
        return 0
    title = unit.section.title.strip()
    text = unit.text
    if not title:
        return 0
    if not text.startswith(title):
        return None if len(text.strip()) <= len(title) + 2 else _after_title(text, title)
    m = re.match(r"[\s.:;,)\]\-–—]*", text[len(title):])
    offset = len(title) + (m.end() if m else 0)
    return offset if len(text[offset:].strip()) > 2 else None


def _after_title(text: str, title: str) -> int | None:
    i = text.find(title)
    if i < 0 or i > 12:
        return None
    m = re.match(r"[\s.:;,)\]\-–—]*", text[i + len(title):])
    offset = i + len(title) + (m.end() if m else 0)
    return offset if len(text[offset:].strip()) > 2 else None


def sentence_spans(ctx: AnalysisContext) -> Iterator[tuple[Unit, int, int]]:
    """(unit, start, end) for every sentence: spaCy's sentences when the pipeline has
    run, the regex splitter above otherwise."""
    for unit, start, end in ctx.sentences():
        if unit.doc is not None and unit.doc.has_annotation("SENT_START"):
            yield unit, start, end
            continue
        for s, e in split_sentences(unit.text[start:end]):
            yield unit, start + s, start + e


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class Lexicon:
    """Compiled statement lexicons (see models/patterns/statements.jsonl)."""

    modal: Pattern[str]
    modality_of: tuple[tuple[str, str], ...]
    actions: tuple[tuple[str, Guarded], ...]
    cause: Pattern[str]
    convenience: Pattern[str]
    qualifiers: tuple[tuple[str, Guarded], ...]
    passive: Pattern[str]
    both: Pattern[str]
    provider_words: Pattern[str]
    customer_words: Pattern[str]
    liability: tuple[Pattern[str], ...]
    condition: Pattern[str]


def _rx(p: str, flags: int = re.IGNORECASE) -> Pattern[str]:
    return accelerate(re.compile(p, flags))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    from slalint.resources import models_dir

    return _build_lexicon(models_dir() / PATTERN_FILE)


def _build_lexicon(path: Path) -> Lexicon:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("//")]
    modals = [r for r in rows if r["kind"] == "modal"]
    alternation = "|".join(f"(?P<m{i}>{r['pattern']})" for i, r in enumerate(modals))
    modal = _rx(rf"\b(?:{alternation})\b")
    modality_of = tuple((f"m{i}", r["modality"]) for i, r in enumerate(modals))

    def one(kind: str) -> list[dict]:
        return [r for r in rows if r["kind"] == kind]

    def joined(kind: str) -> Pattern[str]:
        return _rx("|".join(f"(?:{r['pattern']})" for r in one(kind)))

    def cased(kind: str) -> Pattern[str]:
        return accelerate(re.compile(r"\b(?:" + "|".join(r["pattern"] for r in one(kind)) + r")\b"))

    return Lexicon(
        modal=modal,
        modality_of=modality_of,
        actions=tuple((r["action"], Guarded(_rx(r["pattern"]))) for r in one("action")),
        cause=joined("cause"),
        convenience=joined("convenience"),
        qualifiers=tuple((r["qualifier"], Guarded(_rx(r["pattern"]))) for r in one("qualifier")),
        passive=joined("passive"),
        both=joined("both"),
        provider_words=cased("provider_word"),
        customer_words=cased("customer_word"),
        liability=tuple(_rx(r["pattern"]) for r in one("liability")),
        condition=joined("condition"),
    )


# --------------------------------------------------------------------------- parties


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    bearer: str
    text: str


class PartyResolver:
    """Finds party mentions in a stretch of text and resolves them to a role."""

    def __init__(self, parties: list[Party], hints: dict[str, str], lexicon: Lexicon) -> None:
        self.lex = lexicon
        names: list[tuple[str, str]] = []
        for party in parties:
            bearer = party.role or party.name
            for n in (party.name, *party.aliases):
                n = n.strip()
                if len(n) >= 2:
                    names.append((n, bearer))
        for n, role in hints.items():
            names.append((n, role))
        names.sort(key=lambda x: -len(x[0]))
        self.names = [(n, re.compile(r"(?<![\w])" + re.escape(n) + r"(?![\w])"), b) for n, b in names]
        self.has_roles = any(p.role for p in parties)
        self._both = Guarded(lexicon.both)
        self._provider = Guarded(lexicon.provider_words)
        self._customer = Guarded(lexicon.customer_words)

    def mentions(self, text: str) -> list[_Mention]:
        found: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def add(s: int, e: int, bearer: str) -> None:
            if any(s < te and e > ts for ts, te in taken):
                return
            taken.append((s, e))
            found.append(_Mention(s, e, bearer, text[s:e]))

        lowered = text.lower()
        if self._both.possible(text, lowered):
            for m in self.lex.both.finditer(text):
                add(m.start(), m.end(), "both")
        for name, rx, bearer in self.names:
            if name in text:
                for m in rx.finditer(text):
                    add(m.start(), m.end(), bearer)
        if self._provider.possible(text, lowered):
            for m in self.lex.provider_words.finditer(text):
                add(m.start(), m.end(), "provider")
        if self._customer.possible(text, lowered):
            for m in self.lex.customer_words.finditer(text):
                add(m.start(), m.end(), "customer")
        found.sort(key=lambda x: x.start)
        return found


# --------------------------------------------------------------------------- extraction


def extract_statements(ctx: AnalysisContext, parties: list[Party]) -> list[Statement]:
    """Every right, obligation and prohibition the agreement states, sentence by sentence,
    with the party that bears it and the action it is about."""
    lex = load_lexicon()
    resolver = PartyResolver(parties, ctx.party_hints, lex)
    out: list[Statement] = []
    offsets: dict[int, int | None] = {}
    for unit, start, end in sentence_spans(ctx):
        if unit.index not in offsets:
            offsets[unit.index] = body_offset(unit)
        offset = offsets[unit.index]
        if offset is None or end - max(start, offset) < 8:
            continue
        out.extend(statements_in_sentence(unit, max(start, offset), end, resolver, lex))
    out.extend(_listed_grounds(ctx, out, lex))
    return out


_ITEM_LABEL = re.compile(r"^\W*(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\W*$", re.I)
_ITEM_TEXT = re.compile(r"^\s*\(?(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})[.)]\s", re.I)


def _item_style(marker: str) -> str:
    m = re.sub(r"[^a-z0-9]", "", marker.lower())
    if m.isdigit():
        return "digit"
    return "roman" if _is_roman(marker) and m != "" and (len(m) > 1 or m == "i") else "letter"


def _is_roman(marker: str) -> bool:
    return bool(re.fullmatch(r"[ivx]+", re.sub(r"[^a-z0-9]", "", marker.lower())))


def _listed_grounds(ctx: AnalysisContext, found: list[Statement], lex: Lexicon) -> list[Statement]:
    """"Either party may terminate the Agreement immediately:" followed by list items
    ("(a) if the other party fails to cure a material breach ...", "(c) for any or no
    reason following 30 days notice"): each item is a ground of the same right, for
    cause or for convenience."""
    out: list[Statement] = []
    for st in found:
        if st.modality != "right" or st.action != "terminate" or not st.evidence.quote.rstrip().endswith(":"):
            continue
        lead = next((u for u in ctx.units if u.paragraph.anchor == st.evidence.anchor.span(0, None) or
                     (u.paragraph.anchor.part, u.paragraph.anchor.paragraph) == (st.evidence.anchor.part, st.evidence.anchor.paragraph)), None)
        if lead is None:
            continue
        style = None
        for unit in ctx.units[lead.index + 1:lead.index + 13]:
            label = unit.paragraph.label or ""
            marker = _ITEM_LABEL.match(label) or (None if label else _ITEM_TEXT.match(unit.text))
            if unit.is_heading or not marker:
                break
            item_style = _item_style(marker.group(0))
            if style is None:
                style = item_style
            elif item_style != style and not (style == "roman" and item_style == "letter" and _is_roman(marker.group(0))):
                break  # "(d) Diplomat shall have the right ..." after "(i)".."(vi)": a new list
            kind = _termination_kind(unit.text, unit.text, lex)
            if kind != "terminate":
                out.append(Statement(
                    modality="right", bearer=st.bearer, action=kind, evidence=unit.evidence(0, len(unit.text)),
                    bearer_text=st.bearer_text, qualifiers=(),
                ))
    return out


def statements_in_sentence(unit: Unit, start: int, end: int, resolver: PartyResolver, lex: Lexicon) -> list[Statement]:
    sentence = unit.text[start:end]
    if len(sentence) < 8:
        return []
    modals = list(lex.modal.finditer(sentence))
    if not modals:
        return []
    mentions = resolver.mentions(sentence)
    out: list[Statement] = []
    consumed: list[tuple[int, int]] = []

    # Liability caps and exclusions first: their modal ("shall not exceed") is not a duty.
    for rx in lex.liability if "liab" in sentence.lower() else ():
        for m in rx.finditer(sentence):
            if any(m.start() < ce and m.end() > cs for cs, ce in consumed):
                continue
            who_span = m.span("who") if "who" in rx.groupindex and m.group("who") else (m.start(), m.end())
            if _FORCE_MAJEURE.search(sentence):
                continue  # "Neither party shall be liable for delays beyond its control"
            bearer, text = _bearer_in(mentions, who_span[0], who_span[1], sentence, prefer="last", possessive=True)
            if bearer is None:  # "the total liability of Supplier under this Agreement ..."
                bearer, text = _bearer_in(mentions, m.start(), m.end(), sentence, prefer="first", possessive=True)
            consumed.append((m.start(), m.end()))
            out.append(
                Statement(
                    modality="right",
                    bearer=bearer,
                    action="limit_liability",
                    evidence=unit.evidence(start, end),
                    bearer_text=text,
                    qualifiers=(),
                )
            )

    modal_matches = [m for m in modals if not any(m.start() < ce and m.end() > cs for cs, ce in consumed)] if consumed else modals
    for i, m in enumerate(modal_matches):
        modality = next(mod for g, mod in lex.modality_of if m.group(g) is not None)
        prev_end = modal_matches[i - 1].end() if i else 0
        next_start = modal_matches[i + 1].start() if i + 1 < len(modal_matches) else len(sentence)
        clause_start = _clause_start(sentence, prev_end, m.start())
        for mention in reversed(mentions):  # "the Client or the Consultant may ...": both subjects
            if mention.end <= clause_start and mention.start >= prev_end and re.fullmatch(
                r"\s+(?:and|or|and/or)\s+", sentence[mention.end:clause_start]
            ):
                clause_start = mention.start
                break
        after = sentence[m.end():next_start]
        condition = sentence[prev_end:m.start()]

        passive = lex.passive.match(after)
        if passive and re.search(r"\bas\s*$", condition, re.I):
            continue  # "... as may be amended from time to time": a description, not a right
        if passive:
            action = _passive_action(passive.group(0))
            by = re.search(r"\bby\s+", after[passive.end():passive.end() + 6])
            if by:
                agent_from = m.end() + passive.end() + by.end()
                bearer, text = _bearer_in(mentions, agent_from, min(agent_from + 60, len(sentence)), sentence, prefer="first")
            else:
                bearer, text = None, ""
        else:
            action = _action(after, lex)
            bearer, text = _bearer_in(mentions, clause_start, m.start(), sentence, prefer="last")
            if bearer is None and text == "" and _subject_is_other_party(sentence[clause_start:m.start()]):
                bearer, text = _other_party(sentence[:clause_start], mentions), "the other party"

        if bearer is None and not passive and out and re.fullmatch(r"[^.;:]*?\s(?:and|or)\s*", sentence[prev_end:m.start()]) \
                and out[-1].evidence.anchor == unit.evidence(start, end).anchor and out[-1].bearer is not None:
            bearer, text = out[-1].bearer, out[-1].bearer_text  # "... will defend X and will indemnify X"
        if modality != "prohibition" and re.search(r"\b(?:neither|no)\s+(?:party|parties)\b", sentence[clause_start:m.start()], re.I):
            modality = "prohibition"  # "Neither party shall assign ..."
        scope = condition + " " + after
        if action == "terminate":
            action = _termination_kind(scope, after, lex)
            if not lex.convenience.search(scope) and not lex.cause.search(scope):
                action = _termination_heading_kind(unit.section.title, lex) or action
        scope_lower = scope.lower()
        qualifiers = tuple(q for q, g in lex.qualifiers if g.search(scope, scope_lower))
        if "without_notice" in qualifiers and "with_notice" in qualifiers:
            qualifiers = tuple(q for q in qualifiers if q != "with_notice")
        if modality == "obligation" and action == "other" and bearer is None:
            continue  # "This Agreement will be binding ...": nothing a rule can use
        out.append(
            Statement(
                modality=modality,  # type: ignore[arg-type]
                bearer=bearer,
                action=action,
                evidence=unit.evidence(start, end),
                bearer_text=text,
                qualifiers=qualifiers,
            )
        )
    return out


_ASIDE = re.compile(r",[^,;]{1,80},\s*$")


def _clause_start(sentence: str, lo: int, modal_start: int) -> int:
    """Start of the subject of the modal at ``modal_start``: after the last clause break
    (", and", ";", ", then", "if ... ,") between ``lo`` and the modal."""
    window = sentence[lo:modal_start]
    aside = _ASIDE.search(window)
    if aside:  # "Provider, at its own cost, will ...": the subject is before the aside
        window = window[:aside.start()]
    cut = 0
    for m in re.finditer(r";|:|,\s*(?:and|but|or|then|provided\s+that|in\s+which\s+case)?\s+|\b(?:and|or|but|then|that|which|who|unless|if|where|when|whereupon)\s+", window):
        cut = m.end()
    # The subject is the few words right before the modal.
    return lo + cut


def _bearer_in(
    mentions: list[_Mention], lo: int, hi: int, sentence: str, prefer: str, possessive: bool = False
) -> tuple[str | None, str]:
    inside = [m for m in mentions if m.start >= lo and m.end <= hi]
    if not inside:
        return None, ""
    chosen = inside[-1] if prefer == "last" else inside[0]
    # "Customer and Provider agree to ..." / "Provider or Customer may ..."
    bearers = {m.bearer for m in inside}
    if prefer == "last" and len(bearers) > 1 and re.search(r"\b(?:and|nor|or)\b", sentence[inside[0].start:inside[-1].end]):
        if {"provider", "customer"} <= bearers or "both" in bearers:
            return "both", sentence[inside[0].start:inside[-1].end]
    if not possessive and chosen.bearer != "both" and re.match(r"[’']s\b", sentence[chosen.end:chosen.end + 2]):
        # "Provider's Affiliates may ..." - a possessive is not the subject.
        return None, ""
    return chosen.bearer, chosen.text


def _subject_is_other_party(subject: str) -> bool:
    return bool(re.search(r"\b(?:the\s+other\s+party|the\s+non-?(?:breaching|defaulting)\s+party|the\s+terminating\s+party)\s*$", subject.strip(" ,"), re.I))


def _other_party(before: str, mentions: list[_Mention]) -> str | None:
    """"If either party breaches, the other party may terminate": a right of both."""
    if re.search(r"\b(?:either|a|one|each)\s+party\b", before, re.I):
        return "both"
    roles = [m.bearer for m in mentions if m.end <= len(before) and m.bearer in ("provider", "customer")]
    if roles:
        return "customer" if roles[-1] == "provider" else "provider"
    return None


_LEAD_IN = re.compile(
    r"""^\s*(?:(?:,[^,;]{0,100},|\([^()]{0,100}\)|(?:immediately|also|forthwith|promptly|thereupon|thereafter|then|either|further|"""
    r"""additionally|at\s+any\s+time|at\s+(?:its|their|any\s+party[’']s|the\s+\w+[’']s)\s+(?:sole\s+|own\s+|absolute\s+)?"""
    r"""(?:option|discretion|election|expense|cost)|in\s+(?:its|their)\s+(?:sole\s+|absolute\s+)?discretion|"""
    r"""(?:elect|choose|opt|decide|wish)\s+to|be\s+entitled(?:\s*\([^()]{0,100}\))?\s+to|have\s+the\s+right(?:\s*\([^()]{0,100}\))?\s+to|"""
    r"""without\s+(?:cause|liability|penalty)|by\s+(?:giving\s+)?(?:prior\s+)?(?:written\s+)?notice(?:\s+to\s+(?:the\s+)?[\w-]+(?:\s+party)?)?|"""
    r"""(?:upon|on|with|after|following)\s+(?:[\w()’'-]+\s+){0,7}?notice(?:\s+to\s+(?:the\s+)?[\w-]+(?:\s+party)?)?|"""
    r"""use\s+(?:[\w-]+\s+){0,3}(?:efforts|endeavou?rs)\s+to|and/or|or|and)\b)\s*,?\s*)*""",
    re.IGNORECASE,
)
"""Words between a modal and its verb: "may, by written notice, immediately terminate"."""

_ANCHORED_ACTIONS = frozenset({"terminate", "suspend", "renew", "modify", "indemnify", "audit"})
"""Actions that count only as the modal's own verb: "shall be entitled to require the
provision of Termination Assistance" is not a right to terminate."""


def _action(after: str, lex: Lexicon) -> str:
    """The action of a modal: the verb right after it (past adverbs, "at its option",
    "upon notice" and comma phrases); failing that, the first notify / pay / provide
    verb in the clause."""
    window = after[:160]
    lowered = window.lower()
    lead = _LEAD_IN.match(window)
    start = lead.end() if lead else 0
    best: tuple[int, int, str] | None = None
    for action, guard in lex.actions:
        if not guard.possible(window, lowered):
            continue
        m = guard.regex.match(window, start)
        if m and (best is None or m.end() > best[1]):
            best = (m.start(), m.end(), action)
    if best:
        return best[2]
    for action, guard in lex.actions:
        if action in _ANCHORED_ACTIONS:
            continue
        m = guard.search(window, lowered)
        if m and (best is None or m.start() < best[0] or (m.start() == best[0] and m.end() > best[1])):
            best = (m.start(), m.end(), action)
    return best[2] if best else "other"


def _passive_action(text: str) -> str:
    t = text.lower()
    for stem, action in (("terminat", "terminate"), ("cancel", "terminate"), ("suspend", "suspend"), ("renew", "renew"),
                         ("extend", "renew"), ("amend", "modify"), ("modif", "modify"), ("chang", "modify"),
                         ("updat", "modify"), ("vari", "modify"), ("audit", "audit"), ("inspect", "audit"),
                         ("paid", "pay"), ("provided", "provide"), ("notif", "notify")):
        if stem in t:
            return action
    return "other"


def _termination_kind(scope: str, after: str, lex: Lexicon) -> str:
    if lex.convenience.search(scope):
        return "terminate_for_convenience"
    if lex.cause.search(scope):
        return "terminate_for_cause"
    # "may terminate this Agreement upon thirty days' notice", no condition or purpose
    # attached ("without notice ... to comply with law" is neither).
    if (
        re.search(r"\bnotice\b", after, re.I)
        and not re.search(r"\bwithout\s+(?:\w+\s+){0,3}notice\b", after, re.I)
        and not lex.condition.search(scope)
        and not _PURPOSE.search(scope)
    ):
        return "terminate_for_convenience"
    return "terminate"


def _termination_heading_kind(title: str, lex: Lexicon) -> str | None:
    """A clause headed "Termination for Service Level Failure" or "Termination for
    Convenience" says on what ground its plain "may terminate" rests."""
    if not title or not re.search(r"\bterminat", title, re.I):
        return None
    if lex.convenience.search(title):
        return "terminate_for_convenience"
    if lex.cause.search(title):
        return "terminate_for_cause"
    return None


_PURPOSE = re.compile(r"\bto\s+comply\b|\bin\s+order\s+to\b|\bdue\s+to\b|\bbecause\b|\bas\s+required\b|\bunless\b|\bwhen\b|\bin\s+case\b", re.I)
