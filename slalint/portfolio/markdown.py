"""The portfolio audit as Markdown (GitHub-flavoured tables), for a repository of contracts
or a ticket. Same sections as the HTML page, charts left out. Table cells are escaped so a
"|" or a newline in a quote cannot break the table."""

from __future__ import annotations

from slalint.analysis.facts import TOPIC_IDS
from slalint.portfolio.model import RIGHTS, SEVERITIES, Portfolio

MARK = {"present": "\u2713", "absent": "\u2717", "unknown": "?"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    s = " ".join(str(text).split())
    for ch in ("\\", "|", "`", "*", "_", "[", "]", "<", ">"):
        s = s.replace(ch, "\\" + ch)
    return s


def _roles(roles) -> str:
    if roles is None:
        return "unknown"
    if not roles:
        return "none"
    if {"provider", "customer"} <= set(roles):
        return "both"
    return ", ".join(sorted(roles)) + " only"


def _table(head: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(head)
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    out.extend("| " + " | ".join(r) + " |" for r in rows)
    return out


def render_markdown(p: Portfolio, title: str = "Agreement portfolio audit") -> str:
    totals = p.totals
    avg = p.average_score
    lines = [f"# {title}", ""]
    meta = " · ".join(x for x in (f"generated {p.generated}" if p.generated else "", f"slalint {p.version}" if p.version else "") if x)
    if meta:
        lines += [meta, ""]
    average = f" · average score **{avg:.0f}**" if avg is not None else ""
    lines += [
        f"**{len(p.rows)}** agreements{average} · **{totals['error']}** errors · **{totals['warning']}** warnings · "
        f"**{totals['info']}** info · **{len(p.errors)}** unreadable"
    ]
    lines += ["", "## Scores and findings by severity", "",
              "Score: 100 with no open findings; each error keeps 90% of what remains, each warning 97%, each info 99.5%.", ""]
    lines += _table(["Agreement", "Kind", "Score", "Errors", "Warnings", "Info"],
                    [[cell(r.name), cell(r.kind), str(r.score)] + [str(r.counts.get(s, 0)) for s in SEVERITIES] for r in p.rows],
                    ["---", "---", "---:", "---:", "---:", "---:"])
    lines += ["", "## Checklist coverage", "", "✓ present · ✗ absent · ? unknown", ""]
    lines += _table(["Agreement"] + [f"`{t}`" for t in TOPIC_IDS],
                    [[cell(r.name)] + [MARK.get(r.coverage.get(t, "unknown"), "?") for t in TOPIC_IDS] for r in p.rows])
    presence = p.topic_presence()
    n = len(p.rows) or 1
    lines += ["", "Share of agreements covering each topic:", ""]
    lines += _table(["Topic", "Agreements", "Share"], [[f"`{t}`", str(presence[t]), f"{100 * presence[t] / n:.0f}%"] for t in TOPIC_IDS],
                    ["---", "---:", "---:"])
    lines += ["", "## Rights matrix", ""]
    lines += _table(["Agreement"] + [label for _, label in RIGHTS],
                    [[cell(r.name)] + [_roles(r.rights.get(k)) for k, _ in RIGHTS] for r in p.rows])
    lines += ["", "## Renewal", ""]
    rows = []
    for r in p.rows:
        ren = r.renewal
        auto = ren.get("auto_renews")
        notice = ren.get("notice") or ("stated" if ren.get("notice_stated") else ("**none stated**" if auto else "—"))
        rows.append([cell(r.name), {True: "yes", False: "no"}.get(auto, "unknown"), notice if notice.startswith("**") else cell(notice), cell(ren.get("term") or "—")])
    lines += _table(["Agreement", "Auto-renews", "Notice to stop renewal", "Term"], rows)
    lines += ["", "## Most frequent findings", ""]
    if p.frequent:
        lines += _table(["Severity", "Code", "Rule", "Agreements", "Findings"],
                        [[f.severity, f"`{f.code}`", cell(f.name), str(f.documents), str(f.findings)] for f in p.frequent],
                        ["---", "---", "---", "---:", "---:"])
    else:
        lines.append("No findings.")
    lines += ["", "## Findings by agreement", ""]
    for r in p.rows:
        lines += [f"### {cell(r.name)}", "", f"Score {r.score} · " + ", ".join(f"{r.counts.get(s, 0)} {s}" for s in SEVERITIES), ""]
        if r.findings:
            lines += _table(["Severity", "Rule", "Section", "Finding"],
                            [[f.severity, f"`{f.code}` {cell(f.name)}", cell(f.section), cell(f.message) + (f" — “{cell(f.quote[:200])}”" if f.quote else "")] for f in r.findings])
            lines.append("")
    lines += [f"## Files that could not be read ({len(p.errors)})", ""]
    if p.errors:
        lines += [f"- {cell(e['path'])}: {cell(e['error'])}" for e in p.errors]
    else:
        lines.append("Every file was read.")
    lines.append("")
    return "\n".join(lines)
