"""Writing a Tajik name the way border officers do: in Tajik Cyrillic, in Russian Cyrillic or in
Latin letters, with the spellings that vary from one officer (and one border system) to another,
and with the occasional typo.

Each function takes the name in Tajik Cyrillic and a ``random.Random``; the choices are the
generator's, so a seed gives the same cards every time.
"""

# Russian Cyrillic has no ҳ ҷ ғ қ ӯ ӣ: each officer picks the nearest letters.
RUSSIAN = {
    "ҳ": ("х",),
    "ҷ": ("дж", "дж", "дж", "ч"),
    "ғ": ("г", "г", "гъ"),
    "қ": ("к",),
    "ӯ": ("у",),
    "ӣ": ("и",),
}

# Latin schemes seen on cards: the passport (Tajik) scheme, a Russian-based one and a loose one.
LATIN_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "з": "z", "и": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ш": "sh",
    "ц": "ts", "ы": "y", "ь": "", "э": "e", "ӣ": "i", "ӯ": "u", "ъ": "", "е": "e",
}  # fmt: skip
LATIN_SCHEMES = (
    # Tajik passports
    {"ҳ": "h", "х": "kh", "ҷ": "j", "ч": "ch", "ғ": "gh", "г": "g", "қ": "q", "ж": "zh",
     "й": "y", "ё": "yo", "ю": "yu", "я": "ya", "ъ": "", "ӯ": "u"},
    # through the Russian spelling
    {"ҳ": "kh", "х": "kh", "ҷ": "dzh", "ч": "ch", "ғ": "g", "г": "g", "қ": "k", "ж": "zh",
     "й": "i", "ё": "e", "ю": "iu", "я": "ia", "ъ": "", "ӯ": "u"},
    # loose, by ear
    {"ҳ": "h", "х": "x", "ҷ": "j", "ч": "ch", "ғ": "g", "г": "g", "қ": "k", "ж": "j",
     "й": "y", "ё": "yo", "ю": "yu", "я": "ya", "ъ": "'", "ӯ": "u"},
)  # fmt: skip

SCRIPTS = ("tg", "ru", "lat")


def to_russian(name, rng):
    """The name in Russian Cyrillic, as a Russian-trained officer would write it."""
    out = []
    for char in name:
        lower = char.lower()
        options = RUSSIAN.get(lower)
        if options is None:
            out.append(char)
            continue
        choice = options[0] if len(options) == 1 else rng.choice(options)
        out.append(choice.capitalize() if char != lower else choice)
    text = "".join(out)
    if text.endswith("зода") and rng.random() < 0.35:
        text = text[:-4] + "заде"
    elif text.endswith("и") and rng.random() < 0.3:
        text += "й"
    return text


def to_latin(name, rng, scheme=None):
    """The name in Latin letters with one of the schemes border systems use."""
    table = LATIN_SCHEMES[scheme if scheme is not None else rng.randrange(len(LATIN_SCHEMES))]
    out = []
    for index, char in enumerate(name):
        lower = char.lower()
        latin = table.get(lower)
        if latin is None:
            latin = LATIN_COMMON.get(lower, lower)
        if lower == "е" and index == 0:
            latin = "ye"
        out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


def write_name(name, script, rng, scheme=None):
    """``name`` (Tajik Cyrillic) written in ``script`` ("tg", "ru" or "lat")."""
    if not name:
        return ""
    if script == "ru":
        return to_russian(name, rng)
    if script == "lat":
        return to_latin(name, rng, scheme)
    if rng.random() < 0.1:
        # Tajik text typed on a Russian keyboard loses some of its letters.
        return to_russian(name, rng)
    return name


CYRILLIC_NEAR = "аоеиуклмнрстдзбвгх"
LATIN_NEAR = "aoeiuklmnrstdzbvgh"


def typo(text, rng):
    """``text`` with one slip of the pen: a letter dropped, doubled, swapped or replaced."""
    if len(text) < 3:
        return text
    position = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0:
        return text[:position] + text[position + 1 :]
    if kind == 1:
        return text[:position] + text[position] + text[position:]
    if kind == 2:
        return text[: position - 1] + text[position] + text[position - 1] + text[position + 1 :]
    letters = LATIN_NEAR if text[position].isascii() else CYRILLIC_NEAR
    replacement = rng.choice(letters)
    if text[position].isupper():
        replacement = replacement.upper()
    return text[:position] + replacement + text[position + 1 :]
