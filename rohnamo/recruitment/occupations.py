"""Choosing and finding ISCO-08 occupations.

Vacancies are coded with unit groups (four digits). ``unit_group_choices`` lists them for select
widgets, grouped under their major group; ``find_occupation`` turns what a person or a spreadsheet
wrote (a code, or words of a title in Tajik, Russian or English, in any script) into a unit group.
"""

import re

from django.db.models.functions import Length

from rohnamo.lib.search_text import is_typo_of, words
from rohnamo.lib.translated import localized
from rohnamo.recruitment.models import Occupation

UNIT_GROUP_DIGITS = 4

# "7112", or "7112 — Bricklayers…" as unit_group_choices labels it (and exports may repeat).
_LEADING_CODE = re.compile(r"^\s*(\d{1,4})(?:\s|$|[—–\-.:,])")

# Shorter query words match too many titles by prefix to mean anything.
_MIN_PREFIX = 3


def label(occupation):
    """``7112 — title`` in the active language."""
    return f"{occupation.code} — {localized(occupation, 'title')}"


def unit_group_choices(value="pk"):
    """The 436 unit groups as grouped choices for a select widget, sorted by code.

    Each optgroup is a major group (``7 — Craft and related trades workers``); each option is
    ``(value, "7112 — title")`` in the active language. ``value`` names the attribute submitted:
    the primary key (for a ModelChoiceField) or ``"code"``.
    """
    groups = (
        Occupation.objects.annotate(code_length=Length("code"))
        .filter(code_length__in=[1, UNIT_GROUP_DIGITS])
        .order_by("code")
    )
    majors = {}
    options = {}
    for group in groups:
        if len(group.code) == 1:
            majors[group.code] = group
        else:
            options.setdefault(group.code[0], []).append((getattr(group, value), label(group)))
    return [
        (label(majors[major]) if major in majors else major, options[major])
        for major in sorted(options)
    ]


def _starts_word(term, word):
    """Whether ``word`` begins with ``term``, or with ``term`` less a Tajik izofat: Tajik adds -и
    to a noun before its modifier ("ронандаи таксӣ" for the title's "ронандагони … таксӣ")."""
    if len(term) >= _MIN_PREFIX and word.startswith(term):
        return True
    return len(term) > _MIN_PREFIX + 1 and term.endswith("i") and word.startswith(term[:-1])


def _word_score(term, title_words):
    """How well one query word matches a title: 3 whole word, 2 start of a word, 1 typo."""
    best = 0
    for word in title_words:
        if word == term:
            return 3
        if _starts_word(term, word):
            best = 2
        elif best == 0 and len(term) > _MIN_PREFIX and is_typo_of(term, word):
            best = 1
    return best


class OccupationFinder:
    """Looks up unit groups by code or title; build one per batch (e.g. an import) and reuse it,
    since it folds every title once."""

    def __init__(self):
        units = Occupation.objects.annotate(code_length=Length("code")).filter(
            code_length=UNIT_GROUP_DIGITS
        )
        self.by_code = {unit.code: unit for unit in units}
        self.titles = [
            (unit, [words(unit.title_tg), words(unit.title_ru), words(unit.title_en)])
            for unit in self.by_code.values()
        ]

    def search(self, text, limit=10):
        """Unit groups matching ``text``, best first.

        A code (``7112``, or ``7112 — …``) selects that unit group; a shorter code (``71``)
        selects the unit groups under it. Otherwise every word of ``text`` must match a word of
        the title in one language, whole, as its beginning or with a small typo; whole words rank
        first, then shorter (more specific) titles.
        """
        code = _LEADING_CODE.match(text or "")
        if code:
            prefix = code.group(1)
            return [self.by_code[key] for key in sorted(self.by_code) if key.startswith(prefix)][
                :limit
            ]
        terms = words(text)
        if not terms:
            return []
        ranked = []
        for unit, languages in self.titles:
            best = None
            for title_words in languages:
                scores = [_word_score(term, title_words) for term in terms]
                if all(scores):
                    rank = (-sum(scores), len(title_words))
                    best = rank if best is None else min(best, rank)
            if best is not None:
                ranked.append((best, unit.code, unit))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [unit for _rank, _code, unit in ranked[:limit]]

    def find(self, text):
        """The best unit group for ``text``, or None. A code must be a whole unit group's: "71"
        names a whole sub-major group, not one occupation in it."""
        code = _LEADING_CODE.match(text or "")
        if code:
            return self.by_code.get(code.group(1))
        found = self.search(text, limit=1)
        return found[0] if found else None


def find_occupation(text):
    """The unit group best matching ``text`` (a code or words of a title in any language and
    script), or None. For many look-ups, reuse one ``OccupationFinder``."""
    return OccupationFinder().find(text)
