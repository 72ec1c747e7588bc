"""One phonetic key for a Tajik name however a border officer wrote it.

The same surname reaches the cards as "Ҳамидов" (Tajik Cyrillic), "Хамидов" (Russian Cyrillic),
"Khamidov" or "Hamidov" (Latin), the women's form "Ҳамидова", or "Раҳимзода"/"Рахимзаде"/
"Rahimzoda". The key maps every script onto a small Latin alphabet in which the letters that
officers confuse fall together (Ҳ/Х/Kh/H/X -> h, Ҷ/Дж/Ч/J/Dzh -> j, Ғ/Г/Gh -> g, Қ/К/Q -> k,
Ӯ/У -> u, Ӣ/И/Й/Y -> i, о/а -> a, ё/е -> e), drops the signs (ъ ь '), collapses doubled letters and
strips the endings that only carry sex or a spelling habit (-ова -> -ов, -заде -> -зода, -овна/
-ович -> the father's name). The keys are compared by Splink with string similarity, so a typo
still scores close.
"""

import re

# Latin letter groups first (longest first), so "dzh" is not read as "d" + "zh".
LATIN_GROUPS = (
    ("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("sh", "w"), ("ch", "j"),
    ("ts", "s"), ("yo", "io"), ("jo", "io"), ("ye", "e"),
)  # fmt: skip
CYRILLIC_GROUPS = (("дж", "j"),)

LETTERS = str.maketrans(
    {
        # Tajik and Russian Cyrillic
        "а": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "ia",
        "ж": "j", "з": "z", "и": "i", "ӣ": "i", "й": "i", "к": "k", "қ": "k", "л": "l",
        "м": "m", "н": "n", "о": "a", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ӯ": "u", "ф": "f", "х": "h", "ҳ": "h", "ц": "s", "ч": "j", "ҷ": "j", "ш": "w",
        "щ": "w", "ъ": None, "ы": "i", "ь": None, "э": "e", "ю": "iu", "я": "ia",
        # Latin letters that stand for the same sounds
        "x": "h", "q": "k", "y": "i", "o": "a", "c": "k", "ū": "u", "ī": "i", "ë": "ia",
        "'": None, "`": None, "’": None, "ʼ": None, "-": None, " ": None, ".": None,
    }
)  # fmt: skip
NOT_A_LETTER = re.compile(r"[^a-z]")
DOUBLED = re.compile(r"(.)\1+")
# Endings that vary with sex or spelling habit but not with the person.
SURNAME_ENDINGS = (
    (re.compile(r"(av|ev|in)a$"), r"\1"),  # -ова/-ева/-ина -> -ов/-ев/-ин
    (re.compile(r"zad[ae]$"), "zada"),  # -зода/-заде/-zoda/-zade
    (re.compile(r"(?<=[aeiu])i$"), "i"),
)
PATRONYMIC_ENDING = re.compile(r"(avij|avna|evij|evna|ivij|ivna|avic|evic|ivic)$")


def name_key(text):
    """The phonetic key of a name in any of the three scripts ("" for a blank name)."""
    if not text:
        return ""
    key = text.strip().lower()
    if not key:
        return ""
    if key.isascii():
        for group, letter in LATIN_GROUPS:
            if group in key:
                key = key.replace(group, letter)
    elif "дж" in key:
        key = key.replace("дж", "j")
    key = key.translate(LETTERS)
    # "ie" is how the Latin "ye" and the Cyrillic "е" after a vowel meet.
    if "ie" in key:
        key = key.replace("ie", "e")
    key = NOT_A_LETTER.sub("", key)
    return DOUBLED.sub(r"\1", key)


def surname_key(text):
    """The key of a surname, the same for a man and a woman of the family."""
    key = name_key(text)
    for pattern, replacement in SURNAME_ENDINGS:
        key = pattern.sub(replacement, key)
    return key


def patronymic_key(text):
    """The key of a patronymic: the father's name, without the -ович/-овна ending."""
    key = name_key(text)
    return PATRONYMIC_ENDING.sub("", key)


def passport_key(text):
    """A passport number without spaces and with look-alike Cyrillic letters read as Latin."""
    if not text:
        return ""
    key = "".join(text.split()).upper().translate(PASSPORT_LETTERS)
    return key if len(key) >= 5 else ""


PASSPORT_LOOKALIKES = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
                       "Р": "P", "С": "C", "Т": "T", "Х": "X"}  # fmt: skip
PASSPORT_LETTERS = str.maketrans({**PASSPORT_LOOKALIKES, "-": None, "№": None})


def keys_for(values, function):
    """``function`` applied to each distinct value once: {value: key}."""
    return {value: function(value) for value in set(values)}
