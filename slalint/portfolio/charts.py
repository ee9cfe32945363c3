"""Charts as inline SVG: plain shapes and text, no script, no external font, so the report
is one file that renders the same offline, in a browser or printed. Every chart has a
``<title>`` and per-shape ``<title>`` tooltips; all text is escaped."""

from __future__ import annotations

from html import escape
from typing import Sequence

COLORS = {
    "error": "#c0392b",
    "warning": "#d68910",
    "info": "#2e86c1",
    "present": "#2e8b57",
    "absent": "#c0392b",
    "unknown": "#b0b7c3",
    "bar": "#34495e",
}
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" style="{FONT};max-width:100%;height:auto">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def hbar_chart(items: Sequence[tuple[str, float, str, str]], title: str, max_value: float | None = None,
               width: int = 640, label_width: int = 230, row: int = 20, unit: str = "") -> str:
    """Horizontal bars: ``items`` are (label, value, colour, tooltip)."""
    top = max_value if max_value else max((v for _, v, _, _ in items), default=0) or 1
    bar_space = width - label_width - 60
    height = row * len(items) + 8
    body = []
    for i, (label, value, color, tip) in enumerate(items):
        y = 4 + i * row
        w = max(0.0, bar_space * value / top) if top else 0
        shown = f"{value:g}{unit}"
        body.append(
            f'<g><title>{escape(tip)}</title>'
            f'<text x="{label_width - 6}" y="{y + row * 0.68:.1f}" text-anchor="end" font-size="12" fill="#222">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" rx="2" fill="{color}"/>'
            f'<text x="{label_width + w + 5:.1f}" y="{y + row * 0.68:.1f}" font-size="11" fill="#444">{escape(shown)}</text></g>'
        )
    return _svg(width, height, title, body)


def histogram(values: Sequence[int], title: str, bins: int = 10, width: int = 640, height: int = 200) -> str:
    """Distribution of scores 0-100 in ``bins`` equal bins, worst on the left."""
    counts = [0] * bins
    for v in values:
        counts[min(bins - 1, max(0, int(v) * bins // 100))] += 1
    top = max(counts) or 1
    left, bottom, right = 36, 28, 8
    plot_w, plot_h = width - left - right, height - bottom - 12
    bw = plot_w / bins
    body = [f'<line x1="{left}" y1="{12 + plot_h}" x2="{width - right}" y2="{12 + plot_h}" stroke="#888"/>']
    for i, c in enumerate(counts):
        lo, hi = i * 100 // bins, (i + 1) * 100 // bins
        h = plot_h * c / top
        x = left + i * bw
        hue = int(120 * (i + 0.5) / bins)  # red (bad) to green (good)
        body.append(
            f'<g><title>{c} agreement{"s" if c != 1 else ""} scoring {lo}-{hi}</title>'
            f'<rect x="{x + 2:.1f}" y="{12 + plot_h - h:.1f}" width="{bw - 4:.1f}" height="{h:.1f}" fill="hsl({hue},55%,45%)"/>'
            + (f'<text x="{x + bw / 2:.1f}" y="{12 + plot_h - h - 3:.1f}" text-anchor="middle" font-size="11" fill="#333">{c}</text>' if c else "")
            + f'<text x="{x + bw / 2:.1f}" y="{height - 10}" text-anchor="middle" font-size="10" fill="#555">{lo}\u2013{hi}</text></g>'
        )
    body.append(f'<text x="4" y="{12 + plot_h / 2:.0f}" font-size="10" fill="#555" transform="rotate(-90 10 {12 + plot_h / 2:.0f})">agreements</text>')
    return _svg(width, height, title, body)


def severity_bar(counts: dict[str, int], scale: int, width: int = 140, height: int = 12) -> str:
    """A small stacked bar of one agreement's findings by severity, all rows on one scale."""
    x = 0.0
    parts = []
    for sev in ("error", "warning", "info"):
        n = counts.get(sev, 0)
        if not n:
            continue
        w = width * n / (scale or 1)
        parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{COLORS[sev]}"><title>{n} {sev}</title></rect>')
        x += w
    tip = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
        f"<title>{escape(tip)}</title>{''.join(parts)}</svg>"
    )


def stacked_totals(counts: dict[str, int], title: str, width: int = 640, height: int = 34) -> str:
    """One bar split by severity, labelled, for the portfolio's totals."""
    total = sum(counts.values()) or 1
    x = 0.0
    body = []
    for sev in ("error", "warning", "info"):
        n = counts.get(sev, 0)
        if not n:
            continue
        w = width * n / total
        body.append(f'<g><title>{n} {sev}</title><rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{COLORS[sev]}"/>')
        if w > 60:
            body.append(f'<text x="{x + 6:.1f}" y="{height * 0.65:.1f}" font-size="12" fill="#fff">{n} {sev}</text>')
        body.append("</g>")
        x += w
    return _svg(width, height, title, body)
