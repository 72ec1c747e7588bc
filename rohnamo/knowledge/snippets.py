"""The few words of a sheet around a search match, with the matching words marked.

Matching happens on folded text, but the reader sees the original: each word of the original is
folded on its own and compared with the query words, so "ҳуҷҷат" is marked for the query "hujat".
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from rohnamo.knowledge.markup import plain_text
from rohnamo.lib.search_text import fold, is_typo_of

WORDS_BEFORE = 8
WORDS_IN_SNIPPET = 30
_TOKEN = re.compile(r"(\w+)", re.UNICODE)


# Sheets repeat their words, and folding is the slow part of making snippets.
_fold = lru_cache(maxsize=50_000)(fold)


def highlight(version, terms):
    """Safe HTML: a stretch of ``version``'s summary or text with ``terms`` in ``<mark>``."""

    def matches(token):
        folded = _fold(token)
        return any(
            folded.startswith(term) or (len(term) >= 4 and is_typo_of(term, folded))
            for term in terms
        )

    for text in (plain_text(version.body_html), version.summary, version.title):
        tokens = _TOKEN.split(text)
        # Odd positions are words, even positions the spaces and punctuation between them.
        first = next((index for index in range(1, len(tokens), 2) if matches(tokens[index])), None)
        if first is not None:
            return mark_safe(_window(tokens, first, matches))
    return escape(version.summary or plain_text(version.body_html)[:200])


def _window(tokens, first, matches):
    start = max(1, first - 2 * WORDS_BEFORE)
    end = min(len(tokens), start + 2 * WORDS_IN_SNIPPET)
    parts = ["… "] if start > 1 else []
    for index in range(start, end):
        token = escape(tokens[index])
        parts.append(f"<mark>{token}</mark>" if index % 2 and matches(tokens[index]) else token)
    if end < len(tokens):
        parts.append(" …")
    return "".join(parts).strip()
