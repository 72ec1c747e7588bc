"""Folding text for search, so that spellings people actually type still match.

Tajik and Russian write the same sounds with different letters (ӯ/у, ӣ/и, ҳ/х, қ/к, ҷ/ч, ғ/г),
and migrants often type Cyrillic words in Latin letters. ``fold`` lowercases, merges those letter
pairs and transliterates to plain Latin, so "Қайд", "кайд" and "kayd" all become "kayd"
(approximately: typos are left to similarity ranking).
"""

import re
import unicodedata
from difflib import SequenceMatcher

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
    "з": "z", "и": "i", "ӣ": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ӯ": "u", "ф": "f", "х": "h",
    "ҳ": "h", "ц": "ts", "ч": "ch", "ҷ": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip

# Latin spellings that stand for one Cyrillic letter, folded the same way as the letter.
_LATIN_VARIANTS = [("kh", "h"), ("zh", "j"), ("dzh", "ch"), ("dj", "ch"), ("j", "j"), ("x", "h")]

# A word this similar to another counts as a typo of it.
TYPO_SIMILARITY = 0.75

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text):
    """Lowercase Latin approximation of ``text`` for matching across scripts and spellings."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    text = "".join(_CYRILLIC_TO_LATIN.get(char, char) for char in text)
    text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    for latin, folded in _LATIN_VARIANTS:
        text = text.replace(latin, folded)
    return text


def words(text):
    """The folded words of ``text``."""
    return _WORD.findall(fold(text))


def is_typo_of(term, word):
    """Whether folded ``word`` is ``term`` with a small typo: a letter missing, added or swapped."""
    if abs(len(term) - len(word)) > 2:
        return False
    matcher = SequenceMatcher(None, term, word)
    # The quick upper bounds rule out most words before the exact ratio is computed.
    return (
        matcher.real_quick_ratio() >= TYPO_SIMILARITY
        and matcher.quick_ratio() >= TYPO_SIMILARITY
        and matcher.ratio() >= TYPO_SIMILARITY
    )
