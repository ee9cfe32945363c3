"""The portfolio audit as one self-contained HTML page.

Everything is inline: the stylesheet, the SVG charts; there is no script, no web font and
no link to anything outside the file, so it opens offline, in a mail attachment or from a
USB stick, and prints. Every piece of document text (paths, titles, quotes, messages) is
HTML-escaped: agreements are untrusted input.
"""

from __future__ import annotations

from html import escape
from slalint.analysis.facts import TOPIC_IDS
from slalint.portfolio import charts
from slalint.portfolio.model import RIGHTS, SEVERITIES, Portfolio

CSS = """
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#fff;--soft:#f4f6f9;--err:#c0392b;--warn:#d68910;--info:#2e86c1;--ok:#2e8b57;--unk:#b0b7c3}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:24px 32px 12px;border-bottom:1px solid var(--line);background:var(--soft)}
h1{margin:0 0 4px;font-size:24px}
h2{margin:32px 0 8px;font-size:19px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
main{padding:0 32px 48px}
nav{margin-top:10px}
nav a{margin-right:14px;color:#2c5282;text-decoration:none}
nav a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:13px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.card b{display:block;font-size:22px}
.card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.note{color:var(--muted);font-size:13px;max-width:900px}
table{border-collapse:collapse;margin:8px 0 16px}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600;position:sticky;top:0;z-index:1}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow:auto;max-height:80vh;border:1px solid var(--line)}
.scroll table{margin:0}
.doc{max-width:560px;overflow-wrap:anywhere}
.doc small{display:block;color:var(--muted);word-break:normal}
.score{display:inline-block;min-width:34px;text-align:center;border-radius:4px;color:#fff;font-weight:600;padding:0 4px}
.sev{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-size:12px}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}
table.matrix th.topic{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;font-size:12px;padding:6px 2px;vertical-align:bottom;height:190px}
table.matrix td.doc{white-space:nowrap;max-width:none}
table.matrix td.c{padding:0;text-align:center;width:22px;min-width:22px;font-size:12px;border-left:1px solid #fff}
td.present{background:#d4eddc;color:#1e6b3c}
td.absent{background:#f6d5d1;color:#922b21}
td.unknown{background:#eceff3;color:#6b7383}
.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:4px;border-radius:2px}
td.one-sided{background:#fdebd0}
td.none{color:var(--muted)}
td.unk{color:var(--unk)}
details{border:1px solid var(--line);border-radius:6px;margin:6px 0;padding:4px 10px}
details[open]{padding-bottom:10px}
summary{cursor:pointer;font-weight:600}
summary small{font-weight:400;color:var(--muted)}
blockquote{margin:2px 0 0;padding-left:8px;border-left:3px solid var(--line);color:var(--muted);font-size:13px}
.errors li{margin:3px 0}
.errors code{color:var(--err)}
footer{color:var(--muted);font-size:12px;padding:16px 32px;border-top:1px solid var(--line)}
@media print{.scroll{max-height:none;overflow:visible;border:0}th{position:static}details{break-inside:avoid}table.matrix th.topic{font-size:8px;height:130px}table.matrix td.c{width:13px;min-width:13px;font-size:8px}table.matrix td.doc{white-space:normal;font-size:10px}}
"""

SYMBOL = {"present": "\u25cf", "absent": "\u2715", "unknown": "?"}
ROLE_LABEL = {"provider": "Provider", "customer": "Customer"}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _score_badge(score: int) -> str:
    hue = int(120 * score / 100)
    return f'<span class="score" style="background:hsl({hue},55%,40%)">{score}</span>'


def _anchor_id(index: int) -> str:
    return f"doc-{index}"


def _roles_text(roles: frozenset[str] | None) -> tuple[str, str]:
    """Cell text and class for a rights-matrix cell."""
    if roles is None:
        return "unknown", "unk"
    if not roles:
        return "none", "none"
    if set(roles) >= {"provider", "customer"}:
        extra = sorted(r for r in roles if r not in ROLE_LABEL)
        return "Both" + (f" (+{', '.join(extra)})" if extra else ""), "both"
    names = ", ".join(ROLE_LABEL.get(r, r) for r in sorted(roles))
    return f"{names} only", "one-sided"


def _documents_table(p: Portfolio) -> str:
    scale = max((r.total for r in p.rows), default=1) or 1
    out = ['<div class="scroll"><table><thead><tr><th>Agreement</th><th>Kind</th><th class="num">Score</th>'
           '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th>Findings</th></tr></thead><tbody>']
    for i, r in enumerate(p.rows):
        title = f"<small>{_e(r.title)}</small>" if r.title and r.title != r.name else ""
        out.append(
            f'<tr><td class="doc"><a href="#{_anchor_id(i)}">{_e(r.name)}</a>{title}</td><td>{_e(r.kind)}</td>'
            f'<td class="num">{_score_badge(r.score)}</td>'
            + "".join(f'<td class="num">{r.counts.get(s, 0)}</td>' for s in SEVERITIES)
            + f"<td>{charts.severity_bar(r.counts, scale)}</td></tr>"
        )
    out.append("</tbody></table></div>")
    return "".join(out)


def _coverage_matrix(p: Portfolio) -> str:
    out = ['<div class="legend">'
           f'<span><i style="background:#d4eddc"></i>{SYMBOL["present"]} present</span>'
           f'<span><i style="background:#f6d5d1"></i>{SYMBOL["absent"]} absent</span>'
           f'<span><i style="background:#eceff3"></i>{SYMBOL["unknown"]} unknown</span></div>'
           '<div class="scroll"><table class="matrix"><thead><tr><th>Agreement</th>']
    out.extend(f'<th class="topic" title="{_e(t)}">{_e(t.replace("_", " "))}</th>' for t in TOPIC_IDS)
    out.append('<th class="num">Present</th></tr></thead><tbody>')
    for i, r in enumerate(p.rows):
        cells = []
        for t in TOPIC_IDS:
            status = r.coverage.get(t, "unknown")
            where = r.coverage_where.get(t, "")
            tip = f"{t}: {status}" + (f" \u2014 {where}" if where else "")
            cells.append(f'<td class="c {status}" title="{_e(tip)}">{SYMBOL.get(status, "?")}</td>')
        n = sum(1 for t in TOPIC_IDS if r.coverage.get(t) == "present")
        out.append(f'<tr><td class="doc"><a href="#{_anchor_id(i)}">{_e(r.name)}</a></td>{"".join(cells)}<td class="num">{n}/{len(TOPIC_IDS)}</td></tr>')
    out.append("</tbody></table></div>")
    return "".join(out)


def _rights_table(p: Portfolio) -> str:
    out = ['<div class="scroll"><table><thead><tr><th>Agreement</th>']
    out.extend(f"<th>{_e(label)}</th>" for _, label in RIGHTS)
    out.append("</tr></thead><tbody>")
    for i, r in enumerate(p.rows):
        cells = []
        for key, _ in RIGHTS:
            text, cls = _roles_text(r.rights.get(key))
            if key == "amend" and cls == "both":
                cls = ""
            cells.append(f'<td class="{cls}">{_e(text)}</td>')
        parties = " \u00b7 ".join(f"{ROLE_LABEL.get(role, role.title() or 'Party')}: {name}" for role, name in r.parties[:4])
        small = f"<small>{_e(parties)}</small>" if parties else ""
        out.append(f'<tr><td class="doc"><a href="#{_anchor_id(i)}">{_e(r.name)}</a>{small}</td>{"".join(cells)}</tr>')
    out.append("</tbody></table></div>")
    return "".join(out)


def _yes_no(value: object) -> str:
    return "yes" if value is True else ("no" if value is False else "unknown")


def _renewal_table(p: Portfolio) -> str:
    out = ['<div class="scroll"><table><thead><tr><th>Agreement</th><th>Auto-renews</th><th>Notice to stop renewal</th><th>Term</th></tr></thead><tbody>']
    for i, r in enumerate(p.rows):
        ren = r.renewal
        auto = ren.get("auto_renews")
        notice = ren.get("notice") or ("stated" if ren.get("notice_stated") else ("none stated" if auto else "\u2014"))
        cls = ' class="one-sided"' if auto and not ren.get("notice") and not ren.get("notice_stated") else ""
        out.append(
            f'<tr><td class="doc"><a href="#{_anchor_id(i)}">{_e(r.name)}</a></td><td>{_yes_no(auto)}</td>'
            f"<td{cls}>{_e(notice)}</td><td>{_e(ren.get('term') or chr(8212))}</td></tr>"
        )
    out.append("</tbody></table></div>")
    return "".join(out)


def _frequent(p: Portfolio) -> str:
    if not p.frequent:
        return '<p class="note">No findings.</p>'
    items = [(f"{f.name} ({f.code})", f.documents, charts.COLORS.get(f.severity, "#555"),
              f"{f.code} {f.name}: {f.findings} findings in {f.documents} agreements") for f in p.frequent[:15]]
    chart = charts.hbar_chart(items, "Most frequent findings: agreements affected", max_value=len(p.rows) or 1, label_width=300)
    rows = "".join(
        f'<tr><td><span class="sev {_e(f.severity)}">{_e(f.severity)}</span></td><td><code>{_e(f.code)}</code></td>'
        f'<td>{_e(f.name)}</td><td class="num">{f.documents}</td><td class="num">{f.findings}</td></tr>'
        for f in p.frequent
    )
    return (chart + '<table><thead><tr><th>Severity</th><th>Code</th><th>Rule</th><th class="num">Agreements</th>'
            f'<th class="num">Findings</th></tr></thead><tbody>{rows}</tbody></table>')


def _details(p: Portfolio) -> str:
    out = []
    for i, r in enumerate(p.rows):
        counts = ", ".join(f"{r.counts.get(s, 0)} {s}" for s in SEVERITIES)
        out.append(f'<details id="{_anchor_id(i)}"><summary>{_e(r.name)} <small>score {r.score} \u00b7 {counts} \u00b7 {_e(r.kind)}</small></summary>')
        if not r.findings:
            out.append('<p class="note">No findings.</p>')
        else:
            out.append('<table><thead><tr><th>Severity</th><th>Rule</th><th>Section</th><th>Finding</th></tr></thead><tbody>')
            for f in r.findings:
                quote = f"<blockquote>{_e(f.quote if len(f.quote) <= 300 else f.quote[:299] + chr(8230))}</blockquote>" if f.quote else ""
                out.append(
                    f'<tr><td><span class="sev {_e(f.severity)}">{_e(f.severity)}</span></td>'
                    f"<td><code>{_e(f.code)}</code><br>{_e(f.name)}</td><td>{_e(f.section)}</td><td>{_e(f.message)}{quote}</td></tr>"
                )
            out.append("</tbody></table>")
        out.append("</details>")
    return "".join(out)


def _errors(p: Portfolio) -> str:
    if not p.errors:
        return '<p class="note">Every file was read.</p>'
    items = "".join(f"<li><b>{_e(e['path'])}</b>: <code>{_e(e['error'])}</code></li>" for e in p.errors)
    return f'<ul class="errors">{items}</ul>'


def render_html(p: Portfolio, title: str = "Agreement portfolio audit") -> str:
    """The report page."""
    totals = p.totals
    avg = p.average_score
    presence = p.topic_presence()
    n = len(p.rows)
    topic_items = [
        (t.replace("_", " "), round(100 * presence[t] / n) if n else 0, charts.COLORS["present"], f"{t}: present in {presence[t]} of {n} agreements")
        for t in TOPIC_IDS
    ]
    sections: list[tuple[str, str, str]] = [
        ("scores", "Scores and findings by severity",
         f'<p class="note">Score: 100 for an agreement with no open findings; each error keeps 90% of what remains, each warning 97%, each info 99.5%. Worst first.</p>'
         f'<div style="display:flex;flex-wrap:wrap;gap:24px"><div>{charts.histogram([r.score for r in p.rows], "Score distribution")}</div>'
         f'<div>{charts.stacked_totals(totals, "Findings by severity", width=420)}</div></div>{_documents_table(p)}'),
        ("coverage", "Checklist coverage",
         f'<p class="note">Which checklist topics each agreement makes a provision on. Hover a cell for the section that provides it.</p>'
         f'{charts.hbar_chart(topic_items, "Share of agreements covering each topic", max_value=100, unit="%", label_width=200)}{_coverage_matrix(p)}'),
        ("rights", "Rights matrix",
         '<p class="note">Who holds each right, as far as the text shows. A right held by one party only is shaded.</p>' + _rights_table(p)),
        ("renewal", "Renewal", '<p class="note">Auto-renewal without a stated notice period is shaded.</p>' + _renewal_table(p)),
        ("frequent", "Most frequent findings", _frequent(p)),
        ("documents", "Findings by agreement", _details(p)),
        ("errors", f"Files that could not be read ({len(p.errors)})", _errors(p)),
    ]
    nav = "".join(f'<a href="#{sid}">{_e(head.split(" (")[0])}</a>' for sid, head, _ in sections)
    cards = [
        (str(n), "agreements"),
        (f"{avg:.0f}" if avg is not None else "\u2014", "average score"),
        (str(totals["error"]), "errors"),
        (str(totals["warning"]), "warnings"),
        (str(totals["info"]), "info"),
        (str(len(p.errors)), "unreadable"),
    ]
    body = "".join(f'<section id="{sid}"><h2>{_e(head)}</h2>{html}</section>' for sid, head, html in sections)
    meta = " \u00b7 ".join(x for x in (f"generated {p.generated}" if p.generated else "", f"slalint {p.version}" if p.version else "") if x)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>"
        f'<header><h1>{_e(title)}</h1><div class="meta">{_e(meta)}</div>'
        f'<div class="cards">{"".join(f"<div class=card><b>{_e(v)}</b><span>{_e(k)}</span></div>" for v, k in cards)}</div>'
        f"<nav>{nav}</nav></header><main>{body}</main>"
        '<footer>Made by slalint. Findings are prompts for a reviewer, not legal advice. '
        "Coverage and rights come from the text of each agreement as slalint read it.</footer>"
        "</body></html>\n"
    )

