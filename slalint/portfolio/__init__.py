"""The portfolio audit (`slalint report`): many agreements summarised on one page.

:func:`summarise` turns one lint result into a :class:`DocumentRow` (score, findings by
severity, checklist coverage, rights, renewal facts); :func:`build_portfolio` gathers rows
and read errors; :func:`render_html` and :func:`render_markdown` write the report.
"""

from slalint.portfolio.html import render_html
from slalint.portfolio.markdown import render_markdown
from slalint.portfolio.model import DocumentRow, FindingRow, FrequentFinding, Portfolio, build_portfolio, score, stated_period, summarise

__all__ = [
    "DocumentRow", "FindingRow", "FrequentFinding", "Portfolio", "build_portfolio", "render_html", "render_markdown",
    "score", "stated_period", "summarise",
]
