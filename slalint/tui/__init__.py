"""The `slalint review` terminal app: the only package of slalint that imports Textual.

``make_app(paths=..., results=..., config=..., review_dir=...)`` builds the app; tests pass
a fixed findings set as ``results`` so nothing is linted. Importing this package does not
import Textual; :func:`make_app` does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slalint.tui.app import SlalintApp

__all__ = ["make_app"]


def make_app(*args: Any, **kwargs: Any) -> "SlalintApp":
    """Build the review app (see :func:`slalint.tui.app.make_app`)."""
    from slalint.tui.app import make_app as _make_app

    return _make_app(*args, **kwargs)
