"""A readable comparison of two versions of a sheet: words removed and added, in place."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_TOKEN = re.compile(r"\n|[^\S\n]+|[^\s]+")


def _tokens(text):
    return _TOKEN.findall(text.replace("\r\n", "\n"))


def compare(old, new):
    """HTML of ``new`` with the words removed from ``old`` in <del> and the added ones in <ins>."""
    before, after = _tokens(old or ""), _tokens(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed = escape("".join(before[a_start:a_end]))
        added = escape("".join(after[b_start:b_end]))
        if operation == "equal":
            parts.append(added)
        if operation in ("delete", "replace") and removed.strip():
            parts.append(f"<del>{removed}</del>")
        if operation in ("insert", "replace") and added.strip():
            parts.append(f"<ins>{added}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece above is escaped


def compare_versions(old, new):
    """Title, summary and text of two versions compared; ``old`` may be None (first version)."""
    return {
        field: compare(getattr(old, field, "") if old else "", getattr(new, field))
        for field in ("title", "summary", "body")
    }
