"""The reference data a card points at: countries, districts and crossing points.

Read once per import into dictionaries keyed by the folded spelling, so "Русия", "россия",
"RUSSIA", "RU" and "RUS" all find Russia, and "Хуҷанд", "Худжанд" and "Khujand" find the city.
"""

import re

from rohnamo.core.models import Country, District
from rohnamo.crossings.imports.values import Unreadable, key, text
from rohnamo.crossings.models import CrossingPoint

# Names people write for countries that differ from the register's names.
COUNTRY_ALIASES = {
    "RU": ["Российская Федерация", "Russian Federation", "РФ", "RF", "Федератсияи Россия"],
    "TR": ["Turkey", "Турсия"],
    "AE": ["ОАЭ", "UAE", "Эмирати Араб"],
    "KR": ["Korea", "Республика Корея", "Корея", "Republic of Korea", "Корея Южная"],
    "KG": ["Киргизия", "Kyrgyz Republic", "Кыргызская Республика"],
    "US": ["USA", "Соединённые Штаты Америки", "ИМА"],
    "GB": ["UK", "Great Britain", "Англия"],
}
# Words around a district's name that people leave out: "шаҳри Хуҷанд" is "Хуҷанд".
DISTRICT_WORDS = {key(word) for word in ["шаҳри", "ноҳияи", "город", "г.", "район", "р-н"]}
DISTRICT_WORDS |= {"city", "district"}
CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,19}$")
POINT_CODE_LENGTH = CrossingPoint._meta.get_field("code").max_length
POINT_NAME_LENGTH = CrossingPoint._meta.get_field("name_tg").max_length


class References:
    """Look-ups for one import. ``point`` registers a point seen for the first time."""

    def __init__(self):
        self.country_codes = {}
        self.country_names = {}
        for pk, code, alpha3, *names in Country.objects.values_list(
            "pk", "code", "alpha3", "name_tg", "name_ru", "name_en"
        ):
            self.country_codes[code.upper()] = pk
            self.country_codes[alpha3.upper()] = pk
            self._add_names(self.country_names, pk, names)
        for code, aliases in COUNTRY_ALIASES.items():
            if code in self.country_codes:
                self._add_names(self.country_names, self.country_codes[code], aliases)
        self.districts = self._district_names()
        self.point_codes = {}
        self.point_names = {}
        for pk, code, *names in CrossingPoint.objects.values_list(
            "pk", "code", "name_tg", "name_ru", "name_en"
        ):
            self.point_codes[code.upper()] = pk
            self._add_names(self.point_names, pk, names)
        self.new_points = []

    @staticmethod
    def _add_names(table, pk, names):
        for name in names:
            if name:
                table.setdefault(key(name), pk)

    @staticmethod
    def _district_names():
        full, short, ambiguous = {}, {}, set()
        for pk, code, *names in District.objects.values_list(
            "pk", "code", "name_tg", "name_ru", "name_en"
        ):
            full[key(code)] = pk
            for name in filter(None, names):
                words = key(name).split()
                full[" ".join(words)] = pk
                bare = " ".join(word for word in words if word not in DISTRICT_WORDS)
                if bare and short.setdefault(bare, pk) != pk:
                    ambiguous.add(bare)  # a city and a district of the same name
        for bare in ambiguous:
            del short[bare]
        return {**short, **full}

    def country(self, cell):
        """The country's id; None when blank; ``Unreadable`` when no country has that name."""
        value = text(cell)
        if not value:
            return None
        found = self.country_codes.get(value.upper()) if len(value) <= 3 else None
        if found is None:
            found = self.country_names.get(key(value))
        if found is None:
            raise Unreadable(value)
        return found

    def district(self, cell):
        value = text(cell)
        if not value:
            return None
        words = key(value).split()
        found = self.districts.get(" ".join(words))
        if found is None:
            found = self.districts.get(" ".join(w for w in words if w not in DISTRICT_WORDS))
        if found is None:
            raise Unreadable(value)
        return found

    def point(self, cell):
        """The crossing point's id by code or name; a point not seen before is registered
        unconfirmed, so its cards are kept and a statistician can name it properly."""
        value = text(cell)
        if not value:
            return None
        found = self.point_codes.get(value.upper()) or self.point_names.get(key(value))
        if found is None:
            found = self._register_point(value)
        return found

    def _register_point(self, value):
        if CODE.match(value):
            code = value.upper()
        else:
            code = re.sub(r"[^a-z0-9]+", "-", key(value)).strip("-").upper()
            code = code[: POINT_CODE_LENGTH - 4] or "NEW"
        base, suffix = code, 1
        while code in self.point_codes:
            suffix += 1
            code = f"{base[: POINT_CODE_LENGTH - 3]}-{suffix}"
        point = CrossingPoint.objects.create(
            code=code, name_tg=value[:POINT_NAME_LENGTH], confirmed=False
        )
        self.point_codes[code] = point.pk
        self.point_names[key(value)] = point.pk
        self.new_points.append(point)
        return point.pk
