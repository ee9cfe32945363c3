"""The layers stay apart: data flows readers -> document model -> analysis -> engine ->
findings -> reporters / TUI. These tests read the source (imports) and import modules in a
fresh interpreter to prove what each layer drags in."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "slalint"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((PKG / folder).rglob("*.py")) if folder else sorted(PKG.rglob("*.py"))


def test_document_model_imports_nothing_of_ours():
    for path in _modules("document"):
        ours = {m for m in _imports(path) if m.split(".")[0] == "slalint"}
        assert ours <= {m for m in ours if m.startswith("slalint.document")}, (path, ours)


def test_only_tui_imports_textual():
    offenders = []
    for path in _modules(""):
        if "tui" in path.relative_to(PKG).parts:
            continue
        # commands/review.py may import slalint.tui lazily (inside run()), never at module level
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] == "textual" or n.startswith("slalint.tui") for n in names):
                offenders.append(str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if any(m.split(".")[0] == "textual" for m in mods):
                    offenders.append(str(path))
    assert not offenders, offenders


def test_readers_do_not_import_analysis_engine_or_ui():
    for path in _modules("readers"):
        for m in _imports(path):
            assert not m.startswith(("slalint.analysis", "slalint.engine", "slalint.reporters", "slalint.tui", "spacy", "textual")), (path, m)


def test_analysis_does_not_import_engine_or_ui():
    for path in _modules("analysis"):
        for m in _imports(path):
            assert not m.startswith(("slalint.engine", "slalint.reporters", "slalint.tui", "textual")), (path, m)


@pytest.mark.parametrize(
    "module",
    ["slalint.cli", "slalint.readers", "slalint.engine.lint", "slalint.reporters", "slalint.analysis.analyze"],
)
def test_import_does_not_load_textual_or_spacy(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "print(sorted(m for m in ('textual', 'spacy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_outline_of_a_docx_does_not_load_spacy(samples_dir):
    code = (
        "import sys, io, contextlib; from slalint.cli import main; "
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf): rc = main(['outline', sys.argv[1]])\n"
        "print(rc, 'spacy' in sys.modules, 'textual' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(samples_dir / "msp-managed-services-agreement.docx")],
        capture_output=True, text=True, check=True,
    )
    assert out.stdout.split() == ["0", "False", "False"]
