"""Sorting text the way Tajik and Russian readers expect.

Databases and Python compare code points, which puts the Tajik letters (ғ ӣ қ ӯ ҳ ҷ, encoded
after я) at the end of the alphabet. ``sort_key`` maps each Cyrillic letter to its place in one
alphabet that holds both the Tajik and the Russian order, so a list sorted by it reads correctly in
either language. Latin text sorts before Cyrillic, case-insensitively.
"""

import unicodedata

# The Tajik alphabet with the Russian-only letters (ц щ ы ь) in their Russian places.
CYRILLIC_ORDER = "абвгғдеёжзиӣйкқлмнопрстуӯфхҳцчҷшщъыьэюя"

# Private-use code points keep the mapped letters after every Latin letter and digit.
_BASE = 0xE000
_RANK = {letter: chr(_BASE + index * 2) for index, letter in enumerate(CYRILLIC_ORDER)}


def sort_key(text):
    """A string that orders ``text`` alphabetically when compared by code point."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(_RANK.get(char, char) for char in folded)


def sorted_by(items, attribute):
    """``items`` sorted by the alphabetical order of one text attribute (or property)."""
    return sorted(items, key=lambda item: sort_key(getattr(item, attribute)))
