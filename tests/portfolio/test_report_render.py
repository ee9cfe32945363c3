"""The report pages: every section, every topic, escaped text, nothing fetched from outside."""

from __future__ import annotations

import re

import lxml.html
from portfolio_builders import portfolio_results

from slalint.analysis.facts import TOPIC_IDS
from slalint.portfolio import build_portfolio, render_html, render_markdown, summarise
from slalint.portfolio.model import RIGHTS


def _portfolio():
    return build_portfolio([summarise(r) for r in portfolio_results()],
                           errors=[{"path": "/contracts/acme/broken.docx", "error": "corrupt zip <archive>"}],
                           generated="2026-01-01 00:00 UTC", version="0.0.0")


def test_html_has_every_section_topic_and_document():
    page = render_html(_portfolio())
    tree = lxml.html.fromstring(page)
    ids = {el.get("id") for el in tree.iter("section")}
    assert ids == {"scores", "coverage", "rights", "renewal", "frequent", "documents", "errors"}
    matrix = tree.xpath("//table[contains(@class,'matrix')]")[0]
    head = [th.get("title") for th in matrix.xpath(".//th[contains(@class,'topic')]")]
    assert head == list(TOPIC_IDS)
    body_rows = matrix.xpath("./tbody/tr")
    assert len(body_rows) == 3
    for tr in body_rows:
        cells = tr.xpath("./td[contains(@class,'c ')]")
        assert len(cells) == len(TOPIC_IDS)
        assert {c.get("class").split()[1] for c in cells} <= {"present", "absent", "unknown"}
    rights = tree.xpath("//section[@id='rights']//thead/tr/th/text()")
    assert rights == ["Agreement"] + [label for _, label in RIGHTS]
    assert len(tree.xpath("//svg")) >= 4
    assert len(tree.xpath("//details")) == 3
    assert "broken.docx" in tree.xpath("string(//section[@id='errors'])")


def test_html_cells_reflect_the_results():
    tree = lxml.html.fromstring(render_html(_portfolio()))
    row = next(tr for tr in tree.xpath("//section[@id='rights']//tbody/tr") if "old-sla" in tr.text_content())
    cells = [td.text_content() for td in row.xpath("./td")][1:]
    assert cells == ["Provider only", "none", "Provider only", "Provider only", "none"]
    assert row.xpath("string(./td[1]/small)") == "Provider: Acme IT Ltd \u00b7 Customer: Widget <Co>"
    renewal = next(tr for tr in tree.xpath("//section[@id='renewal']//tbody/tr") if "good-msa" in tr.text_content())
    assert [td.text_content() for td in renewal.xpath("./td")][1:] == ["yes", "60 days", "3 years"]
    frequent = tree.xpath("//section[@id='frequent']//tbody/tr[1]/td")
    assert [td.text_content() for td in frequent] == ["info", "DRAFT-001", "undefined-term", "2", "2"]


def test_html_escapes_document_text_and_is_self_contained():
    page = render_html(_portfolio())
    assert "<script" not in page.lower()
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")  # only as escaped text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;" in page
    refs = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", page)
    assert refs and all(r.startswith("#") for r in refs)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert re.findall(r"https?://[^\s\"'<>]+", page) == ["http://www.w3.org/2000/svg"] * len(re.findall(r"https?://", page))


def test_markdown_tables_keep_their_shape_and_escape_text():
    md = render_markdown(_portfolio())
    for heading in ("## Scores and findings by severity", "## Checklist coverage", "## Rights matrix", "## Renewal",
                    "## Most frequent findings", "## Findings by agreement", "## Files that could not be read (1)"):
        assert heading in md
    tables: list[list[str]] = []
    current: list[str] = []
    for line in md.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    assert len(tables) >= 6
    for t in tables:
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in t}
        assert len(widths) == 1, t[0]
    assert "<script>" not in md and "\\<script\\>" in md
    coverage = next(t for t in tables if "`scope`" in t[0] and "`signature`" in t[0])
    assert len(coverage) == 2 + 3


def test_empty_portfolio_renders():
    p = build_portfolio([], errors=[{"path": "a.docx", "error": "no such file"}])
    assert "Files that could not be read (1)" in render_html(p)
    assert "a.docx" in render_markdown(p)
