"""The package's entry points and packaged data."""

from __future__ import annotations

import subprocess
import sys

import slalint
from slalint.resources import models_dir, rules_dir


def test_version_flag():
    out = subprocess.run([sys.executable, "-m", "slalint", "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.strip() == f"slalint {slalint.__version__}"


def test_help_lists_commands():
    out = subprocess.run([sys.executable, "-m", "slalint", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "usage: slalint" in out.stdout


def test_data_dirs_found():
    assert rules_dir().is_dir()
    assert models_dir().is_dir()
