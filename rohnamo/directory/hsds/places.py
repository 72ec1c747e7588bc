"""Matching what other directories write (place names, language codes) to Rohnamo's lists."""

import re

from rohnamo.core.models import Country, District, Language
from rohnamo.lib.search_text import fold

# Words around a district's name that people leave out or write differently.
_PLACE_WORDS = re.compile(
    r"\b(shahri|nohiyai|nohiya|gorod|g|rayon|raion|district|city|viloyati|oblast)\b"
)

# ISO 639-2/3 codes of the languages Rohnamo knows, for files that use three letters.
_THREE_LETTER = {
    "tgk": "tg", "taj": "tg", "rus": "ru", "eng": "en", "uzb": "uz", "kir": "ky", "kaz": "kk",
    "tuk": "tk", "fas": "fa", "per": "fa", "pus": "ps", "tur": "tr", "ara": "ar", "zho": "zh",
    "chi": "zh", "kor": "ko", "deu": "de", "ger": "de",
}  # fmt: skip


def _place_key(text):
    words = re.sub(r"\W+", " ", fold(text))
    return " ".join(_PLACE_WORDS.sub(" ", words).split())


class Places:
    """Countries, districts and languages, loaded once per import."""

    def __init__(self):
        self.countries = {country.code: country for country in Country.objects.all()}
        self.districts = {}
        for district in District.objects.all():
            for name in (district.name_tg, district.name_ru, district.name_en):
                if name:
                    self.districts.setdefault(_place_key(name), district)
        self.languages = {language.code: language for language in Language.objects.all()}
        self.language_names = {}
        for language in self.languages.values():
            for name in (
                language.name_tg,
                language.name_ru,
                language.name_en,
                language.native_name,
            ):
                if name:
                    self.language_names[fold(name)] = language

    def country(self, code):
        return self.countries.get(str(code or "").strip().upper())

    def district(self, *names):
        """The Tajik district one of ``names`` (city, region...) names, or None."""
        for name in names:
            district = self.districts.get(_place_key(name or ""))
            if district is not None:
                return district
        return None

    def language(self, code="", name=""):
        """The language an HSDS language object means, by its code (two or three letters,
        "en-GB") or else by its name; None when Rohnamo does not list it."""
        code = re.split(r"[-_]", str(code or "").strip().lower())[0]
        code = _THREE_LETTER.get(code, code)
        return self.languages.get(code) or self.language_names.get(fold(name or ""))
