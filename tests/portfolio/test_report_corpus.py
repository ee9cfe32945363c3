"""The report over real agreements (the Markdown part of the shared corpus) builds with
two jobs, has a row per agreement and a coverage cell per topic."""

from __future__ import annotations

import lxml.html
import pytest

from slalint.analysis.facts import TOPIC_IDS
from slalint.cli import main

pytestmark = pytest.mark.corpus


def test_report_over_corpus_markdown(corpus_dir, tmp_path, capsys):
    files = sorted((corpus_dir / "text").glob("*.md"))
    out = tmp_path / "report.html"
    assert main(["report", str(corpus_dir / "text"), "-o", str(out), "--jobs", "2", "--no-progress"]) == 0
    tree = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    rows = tree.xpath("//section[@id='coverage']//tbody/tr")
    assert len(rows) == len(files) > 10
    for tr in rows:
        assert len(tr.xpath("./td[contains(@class,'c ')]")) == len(TOPIC_IDS)
    names = {tr.xpath("string(./td[1])") for tr in rows}
    assert names == {f.name for f in files}
    present = tree.xpath("//section[@id='coverage']//td[contains(@class,'present')]")
    assert len(present) > len(files) * 5
    assert f"{len(files)} agreements" in capsys.readouterr().err
