"""Synthetic border migration cards with a known true person behind each card.

The cards look like a border system's export: every value is a string, names are written in Tajik
Cyrillic, Russian Cyrillic or Latin letters with varying spellings and typos, some fields are blank,
birth dates are sometimes mistyped, passports get replaced, return cards go missing. Each row also
carries the truth (``true_person``) and the resolved codes, which the benchmarks and tests use and
the import ignores.

The generator is deterministic for a seed and fast (a million cards in a few seconds): people are
drawn first, trips second, and the cards are written in the order of their dates.
"""

import json
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rohnamo.crossings.synthetic import names
from rohnamo.crossings.synthetic.transliterate import typo, write_name

DATA = Path(__file__).resolve().parents[2] / "core" / "data"

CARD_COLUMNS = [
    "card_number",
    "crossing_point",
    "direction",
    "crossing_date",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "passport_number",
    "citizenship",
    "residence_district",
    "country",
    "purpose",
    "education",
    "occupation",
]
TRUTH_COLUMNS = ["true_person", "district_code", "country_code", "citizenship_code"]

# code, names (tg, ru, en), weight, writes dates as DD.MM.YYYY
POINTS = (
    ("DYU", ("Фурудгоҳи байналмилалии Душанбе", "Международный аэропорт Душанбе",
             "Dushanbe International Airport"), 40, False),
    ("LBD", ("Фурудгоҳи байналмилалии Хуҷанд", "Международный аэропорт Худжанд",
             "Khujand International Airport"), 18, False),
    ("TJU", ("Фурудгоҳи Кӯлоб", "Аэропорт Куляб", "Kulob Airport"), 7, False),
    ("KQT", ("Фурудгоҳи Бохтар", "Аэропорт Бохтар", "Bokhtar Airport"), 5, False),
    ("FOT", ("Фотеҳобод", "Фотехобод", "Fotehobod"), 8, True),
    ("TRS", ("Турсунзода", "Турсунзаде", "Tursunzoda"), 5, True),
    ("PKH", ("Истгоҳи Пахтаобод", "Станция Пахтаабад", "Pakhtaobod railway station"), 6, False),
    ("PNJ", ("Панҷакент", "Пенджикент", "Panjakent"), 4, True),
    ("KRM", ("Қарамиқ", "Карамык", "Karamyk"), 3, False),
    ("KLM", ("Кулма", "Кульма", "Kulma"), 2, False),
    ("PPN", ("Панҷи Поён", "Нижний Пяндж", "Panji Poyon"), 2, False),
)  # fmt: skip

DESTINATIONS = (("RU", 80), ("KZ", 13), ("TR", 2), ("AE", 1.5), ("KR", 1), ("UZ", 1),
                ("KG", 0.7), ("DE", 0.4), ("US", 0.4))  # fmt: skip
CITIZENSHIP = ("TJ", "TJ", "TJ", "TJ", "TJK", "TJK", "Тоҷикистон", "Таджикистан", "Tajikistan")
PURPOSES = (("work", 86), ("private", 5), ("study", 3), ("tourism", 1.5), ("business", 1.5),
            ("medical", 2), ("official", 0.5), ("other", 0.5))  # fmt: skip
EDUCATION = (("secondary", 60), ("vocational", 18), ("higher", 12), ("basic", 10))
OCCUPATIONS = (("builder", 30), ("labourer", 20), ("driver", 12), ("trader", 8), ("cook", 5),
               ("farmer", 8), ("student", 4), ("unemployed", 8), ("welder", 5))  # fmt: skip

# How often a card is written in each script.
SCRIPT_WEIGHTS = (("tg", 40), ("ru", 35), ("lat", 25))

# Error rates, per card and field (issue #7 section 7).
MISSING = {"surname": 0.02, "given_name": 0.02, "patronymic": 0.05, "sex": 0.03,
           "birth_date": 0.03, "passport": 0.04, "district": 0.04}  # fmt: skip
TYPO_RATE = 0.03
BIRTH_DATE_ERROR_RATE = 0.02
PASSPORT_TYPO_RATE = 0.01
PASSPORT_REPLACED_RATE = 0.10
MISSING_RETURN_RATE = 0.20
FEMALE_RATE = 0.15
# Trips a person makes over the period; with the missing returns and the period's ends this gives
# about 2.2 cards a person (1,000,000 cards from about 450,000 persons).
TRIPS = ((1, 67), (2, 20), (3, 9), (4, 3), (5, 1))


@dataclass(slots=True)
class Person:
    number: int
    sex: str
    surname: str
    given_name: str
    patronymic: str
    birth: date
    passports: list  # (valid from ordinal, number)
    district: int
    destination: str
    point: int
    education: str
    occupation: str


def _load_districts():
    regions = json.loads((DATA / "regions.json").read_text(encoding="utf-8"))
    return [
        (d["code"], d["name_tg"], d["name_ru"], d["name_en"])
        for region in regions
        for d in region["districts"]
    ]


def _load_countries():
    countries = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
    return {c["code"]: (c["alpha3"], c["name_tg"], c["name_ru"], c["name_en"]) for c in countries}


def _chooser(rng, pairs):
    """A function drawing one of ``pairs`` (value, weight) quickly with ``rng``."""
    values = [value for value, _weight in pairs]
    cumulative = []
    total = 0.0
    for _value, weight in pairs:
        total += weight
        cumulative.append(total)
    choices = rng.choices

    def draw():
        return choices(values, cum_weights=cumulative)[0]

    return draw


class _Spellings:
    """The spellings a name gets on cards, drawn once per name and script, then reused (fast)."""

    def __init__(self, rng):
        self.rng = rng
        self.cache = {}

    def get(self, name, script):
        key = (name, script)
        variants = self.cache.get(key)
        if variants is None:
            rng = self.rng
            if script == "lat":
                variants = [write_name(name, script, rng, scheme) for scheme in (0, 0, 1, 2)]
            else:
                variants = [write_name(name, script, rng) for _ in range(3)]
            self.cache[key] = variants
        return variants


def _passport_number(rng):
    return str(rng.randrange(400000000, 499999999))


def _people(rng, districts, count_hint):
    """Persons in households: siblings share surname, patronymic and district; wives take their
    husband's surname in its feminine form."""
    male_weights = names.zipf_weights(len(names.MALE_GIVEN))
    female_weights = names.zipf_weights(len(names.FEMALE_GIVEN))
    male = _chooser(rng, list(zip(names.MALE_GIVEN, male_weights, strict=True)))
    female = _chooser(rng, list(zip(names.FEMALE_GIVEN, female_weights, strict=True)))
    ending = _chooser(rng, [(i, w) for i, (_e, w) in enumerate(names.SURNAME_ENDINGS)])
    # Districts differ in population: a few send most migrants.
    district_weights = [rng.paretovariate(1.2) for _ in districts]
    district = _chooser(rng, list(zip(range(len(districts)), district_weights, strict=True)))
    destination = _chooser(rng, DESTINATIONS)
    point = _chooser(rng, [(i, p[2]) for i, p in enumerate(POINTS)])
    education = _chooser(rng, EDUCATION)
    occupation = _chooser(rng, OCCUPATIONS)
    household_size = _chooser(rng, ((1, 55), (2, 28), (3, 12), (4, 5)))
    random_ = rng.random
    number = 0
    while True:
        root = male()
        kind = ending()
        father = male()
        home = district()
        base_year = 1966 + int(rng.betavariate(2.2, 2.5) * 40)
        members = household_size()
        husband_surname = None
        for _ in range(members):
            female_member = random_() < FEMALE_RATE
            if female_member and husband_surname is not None and random_() < 0.4:
                # A wife: her husband's surname, her own father's name.
                surname_ = names.surname(husband_surname, kind, True)
                patronymic_ = names.patronymic(male(), True)
            else:
                surname_ = names.surname(root, kind, female_member)
                patronymic_ = names.patronymic(father, female_member)
            if not female_member:
                husband_surname = root
            year = min(max(base_year + rng.randint(-6, 6), 1960), 2006)
            birth = date(year, rng.randint(1, 12), rng.randint(1, 28))
            passports = [(0, _passport_number(rng))]
            yield Person(
                number=number,
                sex="F" if female_member else "M",
                surname=surname_,
                given_name=female() if female_member else male(),
                patronymic=patronymic_,
                birth=birth,
                passports=passports,
                district=home,
                destination=destination(),
                point=point(),
                education=education(),
                occupation=occupation(),
            )
            number += 1


def _trips(person, rng, start, end, trips_draw):
    """The person's crossings: (ordinal, direction) pairs within [start, end]."""
    crossings = []
    day = rng.randint(start - 200, end - 20)
    for _ in range(trips_draw()):
        stay = rng.randint(45, 330)
        if day >= start:
            crossings.append((day, "exit"))
        back = day + stay
        if back > end:
            break
        if back >= start and rng.random() >= MISSING_RETURN_RATE:
            crossings.append((back, "entry"))
        day = back + rng.randint(20, 160)
        if day > end:
            break
    return crossings


def _birth_error(birth, rng):
    """A birth date mistyped: day and month swapped, or one digit wrong."""
    if birth.day <= 12 and birth.day != birth.month and rng.random() < 0.5:
        return date(birth.year, birth.day, birth.month)
    text = list(birth.strftime("%Y%m%d"))
    position = rng.choice((2, 3, 5, 7))
    text[position] = str((int(text[position]) + rng.randint(1, 9)) % 10)
    try:
        return date(int("".join(text[:4])), int("".join(text[4:6])), int("".join(text[6:])))
    except ValueError:
        return birth.replace(day=min(birth.day + 1, 28))


def generate_cards(*, cards, seed=0, start=date(2023, 1, 1), end=date(2026, 6, 30)):
    """Yield ``cards`` synthetic migration cards (dicts of strings) in the order of their dates.

    Besides the documented import columns each row has ``true_person`` (int), ``district_code``,
    ``country_code`` and ``citizenship_code``: the truth the import and the linkage must find.
    """
    rng = random.Random(seed)
    districts = _load_districts()
    countries = _load_countries()
    start_ord, end_ord = start.toordinal(), end.toordinal()
    trips_draw = _chooser(rng, TRIPS)

    persons = []
    planned = []  # (ordinal, person number, direction)
    for person in _people(rng, districts, cards):
        if len(planned) >= cards:
            break
        crossings = _trips(person, rng, start_ord, end_ord, trips_draw)
        if not crossings:
            continue
        if rng.random() < PASSPORT_REPLACED_RATE:
            # A new passport from a date inside the person's travels.
            first, last = crossings[0][0], crossings[-1][0]
            person.passports.append((rng.randint(first, max(first, last)), _passport_number(rng)))
        persons.append(person)
        index = len(persons) - 1
        planned.extend((day, index, direction) for day, direction in crossings)
    del planned[cards:]
    planned.sort()
    yield from _write(planned, persons, rng, districts, countries)


def _write(planned, persons, rng, districts, countries):
    spellings = _Spellings(random.Random(rng.random()))
    script = _chooser(rng, SCRIPT_WEIGHTS)
    purpose = _chooser(rng, PURPOSES)
    random_ = rng.random
    iso_dates = {}
    dotted_dates = {}

    def iso(day):
        text = iso_dates.get(day)
        if text is None:
            text = iso_dates[day] = date.fromordinal(day).isoformat()
        return text

    def dotted(day):
        text = dotted_dates.get(day)
        if text is None:
            text = dotted_dates[day] = date.fromordinal(day).strftime("%d.%m.%Y")
        return text

    def spelled(name, card_script):
        text = rng.choice(spellings.get(name, card_script))
        if random_() < TYPO_RATE:
            text = typo(text, rng)
        if card_script == "lat" and random_() < 0.5 or random_() < 0.15:
            text = text.upper()
        return text

    for serial, (day, index, direction) in enumerate(planned):
        person = persons[index]
        code, point_names, _weight, dotted_format = POINTS[person.point]
        if direction == "entry" and random_() < 0.3:
            # Returns come through other points too.
            code, point_names, _weight, dotted_format = POINTS[rng.randrange(len(POINTS))]
        write_date = dotted if dotted_format else iso
        card_script = script()
        surname = "" if random_() < MISSING["surname"] else spelled(person.surname, card_script)
        given = "" if random_() < MISSING["given_name"] else spelled(person.given_name, card_script)
        patronymic = (
            "" if random_() < MISSING["patronymic"] else spelled(person.patronymic, card_script)
        )
        birth = person.birth
        if random_() < BIRTH_DATE_ERROR_RATE:
            birth = _birth_error(birth, rng)
        birth_text = "" if random_() < MISSING["birth_date"] else write_date(birth.toordinal())
        passport = person.passports[0][1]
        for valid_from, number in person.passports[1:]:
            if day >= valid_from:
                passport = number
        if random_() < PASSPORT_TYPO_RATE:
            position = rng.randrange(len(passport))
            passport = passport[:position] + str(rng.randrange(10)) + passport[position + 1 :]
        if random_() < MISSING["passport"]:
            passport = ""
        elif random_() < 0.05:
            passport = passport[:2] + " " + passport[2:]
        district_code, *district_names = districts[person.district]
        if random_() < MISSING["district"]:
            district_text, district_code = "", ""
        else:
            district_text = district_names[
                0 if card_script == "tg" else 1 if card_script == "ru" else 2
            ]
        citizenship = rng.choice(CITIZENSHIP)
        country_code = person.destination
        if random_() < 0.04:
            country_code = "KZ" if country_code == "RU" else "RU"
        alpha3, name_tg, name_ru, name_en = countries[country_code]
        roll = random_()
        country = (
            country_code if roll < 0.5 else alpha3 if roll < 0.7 else name_ru if roll < 0.9
            else name_tg if roll < 0.95 else name_en
        )  # fmt: skip
        point_text = code if random_() < 0.9 else point_names[rng.randrange(3)]
        yield {
            "card_number": str(10_000_000 + serial),
            "crossing_point": point_text,
            "direction": direction,
            "crossing_date": write_date(day),
            "surname": surname,
            "given_name": given,
            "patronymic": patronymic,
            "sex": "" if random_() < MISSING["sex"] else person.sex,
            "birth_date": birth_text,
            "passport_number": passport,
            "citizenship": citizenship,
            "residence_district": district_text,
            "country": country,
            "purpose": purpose(),
            "education": person.education,
            "occupation": person.occupation,
            "true_person": person.number,
            "district_code": district_code,
            "country_code": country_code,
            "citizenship_code": "TJ",
        }


def truth_table(rows):
    """(card_number, true_person) for each generated row: the answer a linkage should give."""
    return [(row["card_number"], row["true_person"]) for row in rows]


def crossing_day(text):
    """A generated date string (YYYY-MM-DD or DD.MM.YYYY) as a date, or None when blank."""
    if not text:
        return None
    if "." in text:
        day, month, year = text.split(".")
        return date(int(year), int(month), int(day))
    return date.fromisoformat(text)


def linkage_table(rows):
    """Generated rows as the linkage's input table (the importer's resolved codes, parsed dates),
    with ``true_person`` and ``card_number`` kept for scoring. ``card_id`` is the row's position."""
    import pyarrow as pa  # the generator itself needs no pyarrow

    columns = {
        name: []
        for name in (
            "surname", "given_name", "patronymic", "sex", "birth_date", "passport_number",
            "district", "citizenship", "crossing_date", "direction", "true_person", "card_number",
        )
    }  # fmt: skip
    days = {}

    def day(text):
        value = days.get(text, days)
        if value is days:
            try:
                value = crossing_day(text)
            except ValueError:
                value = None
            days[text] = value
        return value

    for row in rows:
        columns["surname"].append(row["surname"])
        columns["given_name"].append(row["given_name"])
        columns["patronymic"].append(row["patronymic"])
        columns["sex"].append(row["sex"])
        columns["birth_date"].append(day(row["birth_date"]))
        columns["passport_number"].append(row["passport_number"])
        columns["district"].append(row["district_code"])
        columns["citizenship"].append(row["citizenship_code"])
        columns["crossing_date"].append(day(row["crossing_date"]))
        columns["direction"].append(row["direction"])
        columns["true_person"].append(row["true_person"])
        columns["card_number"].append(row["card_number"])
    count = len(columns["surname"])
    table = {"card_id": pa.array(range(1, count + 1), pa.int64())}
    for name, values in columns.items():
        kind = (
            pa.date32() if name in ("birth_date", "crossing_date")
            else pa.int64() if name == "true_person" else pa.string()
        )  # fmt: skip
        table[name] = pa.array(values, kind)
    return pa.table(table)
