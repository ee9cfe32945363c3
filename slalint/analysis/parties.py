"""The parties to the agreement: legal names, aliases, and roles.

Names and aliases come from the preamble ("between Acme Corp. ("Provider") and ..."), from
definitions ("Customer" means Contoso Dental Group, P.C.) and from signature blocks
("NORTHWIND LTD." followed by "By: ____"). Roles are normalised to provider / customer
from the alias the drafter chose ("Supplier", "Licensor" -> provider; "Client",
"Authority" -> customer); a party called "Company" takes the role opposite the other
party's. Configured ``party_hints`` (name or alias -> role) override everything.
"""

from __future__ import annotations

import re
from typing import Any

from slalint.analysis.components.parties import entity_name
from slalint.analysis.context import AnalysisContext, Unit
from slalint.analysis.facts import DefinedTerm, Party

_SIGNATURE_LINE = re.compile(r"^\s*(?:By|Signature|Signed(?:\s+by)?|Sign)\s*:", re.I)
_ENTITY = re.compile(
    r"^\s*(?P<name>[A-Z0-9][\w&.,'\u2019 -]{1,80}?\b(?:INC|LTD|LIMITED|LLC|L\.L\.C|LLP|PLC|CORP|CORPORATION|CO|COMPANY|GMBH|AG|P\.C|N\.A|LP|L\.P)\.?)\s*:?\s*$",
    re.I,
)
_SUFFIX = re.compile(r"[,.]?\s*\b(?:inc|ltd|limited|llc|l\.l\.c|llp|plc|corp|corporation|co|company|gmbh|ag|p\.c|n\.a|lp|l\.p)\b\.?", re.I)


def _key(name: str) -> str:
    """Loose identity of a party name: case, punctuation and company suffix ignored."""
    k = _SUFFIX.sub("", name.lower())
    return re.sub(r"[^a-z0-9]+", " ", k).strip()


def _role_table() -> dict[str, str | None]:
    from slalint.analysis.components.parties import party_patterns

    return {k.lower(): v for k, v in party_patterns().items()}


def find_parties(
    ctx: AnalysisContext, glossary: dict[str, DefinedTerm] | None = None, roles: dict[str, str | None] | None = None
) -> list[Party]:
    roles = _role_table() if roles is None else roles
    parties: list[Party] = []
    by_key: dict[str, Party] = {}
    by_alias: dict[str, Party] = {}

    def add(name: str, alias: str | None, role: str | None, unit: Unit, start: int, end: int) -> None:
        k = _key(name)
        if not k:
            return
        party = by_key.get(k) or (by_alias.get(alias.lower()) if alias else None)
        if party is None:
            party = Party(name, role, (alias,) if alias else (), unit.evidence(start, end))
            parties.append(party)
            by_key[k] = party
        else:
            if alias and alias not in party.aliases:
                party.aliases += (alias,)
            if party.role is None and role:
                party.role = role  # type: ignore[assignment]
            if party.name == party.aliases[0:1] and name:
                party.name = name
        if alias:
            by_alias.setdefault(alias.lower(), party)

    from slalint.analysis.extensions import raw

    for unit in ctx.units:
        if unit.doc is None:
            continue
        for m in raw(unit.doc, "slalint_party_mentions") or ():
            add(m.name, m.alias, m.role, unit, m.start, m.end)
    _signature_blocks(ctx, add, by_key, roles)

    # role words defined or used as names without a legal name ("Customer" means the
    # entity named on the Order Form): the alias stands for the party.
    if glossary:
        for term, entry in glossary.items():
            role = roles.get(term.lower())
            if term.lower() in roles and term.lower() not in by_alias and role is not None:
                if not any(p.role == role for p in parties):
                    party = Party(term, role, (term,), entry.evidence)  # type: ignore[arg-type]
                    parties.append(party)
                    by_alias[term.lower()] = party
    if not parties:
        _role_words_in_use(ctx, parties, roles)

    _complete_roles(parties, roles)
    if any(p.role is None for p in parties):
        _roles_from_duties(ctx, parties)
        _complete_roles(parties, roles)
    _apply_hints(parties, ctx.party_hints)
    return parties


_PROVIDES = r"(?:shall|will|agrees\s+to|must|undertakes\s+to)\s+(?:\w+\s+)?(?:provide|perform|deliver|host|maintain|supply|render|support|operate)"
_PAYS = r"(?:shall|will|agrees\s+to|must|undertakes\s+to)\s+(?:\w+\s+)?(?:pay|reimburse|compensate)"


def _roles_from_duties(ctx: AnalysisContext, parties: list[Party]) -> None:
    """A party with no role word takes one from what it undertakes: the party that
    "shall provide / perform / host" the services is the provider, the one that "shall
    pay" is the customer. Assigned only when one party clearly leads each count."""
    text = "\n".join(u.text for u in ctx.units)
    scores: list[tuple[Party, int, int]] = []
    for p in parties:
        names = [re.escape(n) for n in (*p.aliases, p.name) if n]
        if not names:
            continue
        who = r"\b(?:" + "|".join(names) + r")\b"
        provides = len(re.findall(who + r"\s+" + _PROVIDES, text))
        pays = len(re.findall(who + r"\s+" + _PAYS, text))
        scores.append((p, provides, pays))
    for p, provides, pays in scores:
        if p.role is not None:
            continue
        if provides >= 2 and provides > 2 * pays and not any(q.role == "provider" for q in parties):
            p.role = "provider"
        elif pays >= 2 and pays > 2 * provides and not any(q.role == "customer" for q in parties):
            p.role = "customer"


def _signature_blocks(ctx: AnalysisContext, add: Any, by_key: dict[str, Party], roles: dict[str, str | None]) -> None:
    """An entity name on the line (or paragraph) before "By:" in the last part of the document."""
    units = ctx.units
    for i, unit in enumerate(units):
        lines = unit.text.split("\n")
        for j, line in enumerate(lines):
            if not _SIGNATURE_LINE.match(line):
                continue
            if j > 0:
                cand, cand_unit = lines[j - 1], unit
            elif i > 0:
                cand_unit = units[i - 1]
                cand = cand_unit.text.split("\n")[-1]
            else:
                continue
            m = _ENTITY.match(cand.strip())
            if m:
                name = entity_name(m.group("name").strip(" :")) or ""
                if not name:
                    continue
                if _key(name) in by_key:
                    continue
                start = cand_unit.text.find(name)
                add(name, None, None, cand_unit, max(start, 0), max(start, 0) + len(name))


def _role_words_in_use(ctx: AnalysisContext, parties: list[Party], roles: dict[str, str | None]) -> None:
    """No party named anywhere: role words used as names ("Provider will ...") stand in."""
    counts: dict[str, tuple[int, Unit, int]] = {}
    pattern = re.compile(r"\b(" + "|".join(re.escape(r.title()) for r in roles if roles[r]) + r")\b")
    for unit in ctx.units:
        if unit.is_heading:
            continue
        for m in pattern.finditer(unit.text):
            n, u, s = counts.get(m.group(1), (0, unit, m.start()))
            counts[m.group(1)] = (n + 1, u, s)
    seen_roles = set()
    for word, (n, unit, start) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        role = roles.get(word.lower())
        if n >= 3 and role and role not in seen_roles:
            parties.append(Party(word, role, (word,), unit.evidence(start, start + len(word))))  # type: ignore[arg-type]
            seen_roles.add(role)


def _complete_roles(parties: list[Party], roles: dict[str, str | None]) -> None:
    for p in parties:
        if p.role is None:
            for a in p.aliases:
                r = roles.get(a.lower())
                if r:
                    p.role = r  # type: ignore[assignment]
                    break
    unknown = [p for p in parties if p.role is None and p.aliases]
    known = {p.role for p in parties if p.role}
    if len(unknown) == 1 and len(known) == 1:
        unknown[0].role = "customer" if "provider" in known else "provider"  # type: ignore[assignment]


def _apply_hints(parties: list[Party], hints: dict[str, str]) -> None:
    if not hints:
        return
    low = {k.lower(): v for k, v in hints.items()}
    for p in parties:
        for name in (p.name, *p.aliases):
            role = low.get(name.lower())
            if role in ("provider", "customer"):
                p.role = role  # type: ignore[assignment]
                break
