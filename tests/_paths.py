"""Where the tests find the repository, its samples and the shared corpus (SLALINT_CORPUS
overrides the corpus beside the repository)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
CORPUS = Path(os.environ.get("SLALINT_CORPUS", REPO.parent / "shared" / "corpus"))
