"""Shared fixtures, defined once (spaCy's rule: no conftest per directory)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CORPUS = Path(os.environ.get("SLALINT_CORPUS", REPO.parent / "shared" / "corpus"))


def pytest_collection_modifyitems(config, items):
    """Corpus tests run whenever ../shared/corpus exists and are skipped otherwise."""
    if CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"corpus not found at {CORPUS}")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
