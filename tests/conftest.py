"""Shared fixtures, defined once (spaCy's rule: no conftest per directory)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._paths import CORPUS, SAMPLES


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
