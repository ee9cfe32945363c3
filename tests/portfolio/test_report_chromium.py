"""The HTML report loads in a real browser (headless Chromium) with no console error, no
blocked or failed resource, and renders a screenshot. Skipped only outside CI when
Chromium is not installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from portfolio_builders import portfolio_results

from slalint.portfolio import build_portfolio, render_html, summarise

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="Chromium is not installed"),
]

BAD = re.compile(r":CONSOLE[:(]|Uncaught|Refused to|Failed to load resource|net::ERR_")
"""Console messages (JS errors, CSP violations, failed resources); not the dbus noise."""


def _chromium(tmp_path, *args):
    if CHROMIUM is None:
        pytest.fail("CI is set but Chromium is not installed")
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def report(tmp_path):
    p = build_portfolio([summarise(r) for r in portfolio_results()], errors=[{"path": "x/broken.docx", "error": "corrupt zip"}])
    path = tmp_path / "report.html"
    path.write_text(render_html(p), encoding="utf-8")
    return path


def test_report_loads_without_errors(report, tmp_path):
    proc = _chromium(tmp_path, "--dump-dom", report.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    assert '<section id="coverage">' in dom and "Rights matrix" in dom
    assert dom.count("<svg") >= 4
    problems = [line for line in proc.stderr.splitlines() if BAD.search(line)]
    assert problems == []


def test_report_screenshot(report, tmp_path):
    shot = tmp_path / "shot.png"
    proc = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1400,2000", report.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    assert [line for line in proc.stderr.splitlines() if BAD.search(line)] == []
