"""Findings as native Word comments in a copy of the agreement (`slalint annotate`).

Attorneys review in Word. :func:`annotate_docx` writes a copy of a DOCX with one comment per
finding, by author "slalint", anchored on exactly the quoted words (runs are split where a
quote starts or ends inside one), or on the most relevant heading when the finding is about
something missing. The input is never modified.
"""

from slalint.annotate.text import AUTHOR, INITIALS
from slalint.annotate.writer import AnnotateError, AnnotateResult, PlacedComment, annotate_docx, check_destination, write_atomic

__all__ = ["AUTHOR", "INITIALS", "AnnotateError", "AnnotateResult", "PlacedComment", "annotate_docx", "check_destination", "write_atomic"]
