"""Tajik personal names for synthetic migration cards, written in Tajik Cyrillic.

Surnames are built the way Tajik surnames are: from a man's given name (an ancestor's) with the
Russian-era ending -ов/-ев (women -ова/-ева), the Tajik -зода or the Persian -ӣ. Patronymics are
the father's given name with -ович/-овна (the form border systems ask for). Weights make a few
names very common, as in life, so that namesakes exist.
"""

MALE_GIVEN = [
    "Абдуллоҳ",
    "Абдураҳмон",
    "Абдураҳим",
    "Абдусалом",
    "Абдуқодир",
    "Абдулҳамид",
    "Абдулло",
    "Абдунабӣ",
    "Азиз",
    "Акбар",
    "Алишер",
    "Амир",
    "Анвар",
    "Аслиддин",
    "Аҳмад",
    "Аҳрор",
    "Бахтиёр",
    "Баҳодур",
    "Баҳром",
    "Бежан",
    "Бобур",
    "Бобоҷон",
    "Воҳид",
    "Ғайрат",
    "Ғафур",
    "Ғолиб",
    "Далер",
    "Давлат",
    "Дилшод",
    "Ёқуб",
    "Ёрмуҳаммад",
    "Ҷамшед",
    "Ҷалол",
    "Ҷаъфар",
    "Ҷовид",
    "Ҷумъа",
    "Ҷӯрабек",
    "Зафар",
    "Зоир",
    "Зоҳир",
    "Ибодулло",
    "Исмоил",
    "Иброҳим",
    "Илҳом",
    "Искандар",
    "Исроил",
    "Камол",
    "Карим",
    "Комрон",
    "Қаҳҳор",
    "Қодир",
    "Қурбон",
    "Қосим",
    "Лоиқ",
    "Лутфулло",
    "Маҳмуд",
    "Муҳаммад",
    "Мансур",
    "Мирзо",
    "Мурод",
    "Мустафо",
    "Наврӯз",
    "Назар",
    "Насим",
    "Низом",
    "Нурулло",
    "Нуриддин",
    "Одил",
    "Олим",
    "Парвиз",
    "Пайрав",
    "Равшан",
    "Раҳим",
    "Раҳмон",
    "Раҷаб",
    "Рустам",
    "Саид",
    "Саидҷон",
    "Салим",
    "Самандар",
    "Сафар",
    "Сино",
    "Сиёвуш",
    "Сорбон",
    "Суҳроб",
    "Субҳон",
    "Талаб",
    "Тоҳир",
    "Умед",
    "Усмон",
    "Фаридун",
    "Файзулло",
    "Фарҳод",
    "Фирдавс",
    "Хуршед",
    "Хусрав",
    "Ҳайдар",
    "Ҳамид",
    "Ҳасан",
    "Ҳусейн",
    "Ҳоким",
    "Ҳомид",
    "Шамсиддин",
    "Шариф",
    "Шаҳром",
    "Шерзод",
    "Шоҳин",
    "Шукрулло",
    "Эраҷ",
    "Эҳсон",
    "Юсуф",
    "Юнус",
    "Ятим",
    "Қиём",
    "Ғиёс",
    "Ҷонибек",
    "Зиёвуддин",
    "Мӯсо",
    "Нӯъмон",
    "Рӯзӣ",
    "Тӯйчӣ",
    "Ҳабиб",
    "Маъруф",
    "Озод",
    "Садриддин",
    "Сайфиддин",
    "Нозим",
    "Файзалӣ",
    "Раҳматулло",
]

FEMALE_GIVEN = [
    "Гулноза",
    "Гулрухсор",
    "Гулбаҳор",
    "Гулчеҳра",
    "Дилноза",
    "Дилафрӯз",
    "Дилором",
    "Зарина",
    "Зарнигор",
    "Заррина",
    "Мадина",
    "Малика",
    "Манижа",
    "Марҳабо",
    "Меҳринисо",
    "Моҳира",
    "Мунира",
    "Мавзуна",
    "Муборак",
    "Нигина",
    "Нигора",
    "Нилуфар",
    "Нодира",
    "Парвина",
    "Раъно",
    "Рухшона",
    "Сабоҳат",
    "Саида",
    "Сайёра",
    "Севара",
    "Ситора",
    "Соҳиба",
    "Тахмина",
    "Фарангис",
    "Фарзона",
    "Фотима",
    "Хурсандой",
    "Ҳабиба",
    "Ҳилола",
    "Шаҳло",
    "Шаҳноза",
    "Шоира",
    "Шоҳида",
    "Юлдуз",
    "Ёсумин",
    "Ҷамила",
    "Қумрӣ",
    "Ғунча",
    "Озода",
    "Ойгул",
    "Бибисоро",
    "Зулфия",
    "Мавлуда",
    "Наргис",
    "Паризод",
    "Рухсора",
    "Сурайё",
    "Тоҷинисо",
]

# Endings of a surname: (masculine, feminine) and how often each kind is chosen.
SURNAME_ENDINGS = (
    (("ов", "ова"), 0.58),
    (("зода", "зода"), 0.30),
    (("ӣ", "ӣ"), 0.07),
    (("ён", "ён"), 0.05),
)

VOWELS = set("аеёиӣоуӯэюяАЕЁИӢОУӮЭЮЯ")


def surname(root, ending_index, female):
    """The surname made from an ancestor's given name ``root`` with ending kind ``ending_index``."""
    male, fem = SURNAME_ENDINGS[ending_index][0]
    ending = fem if female else male
    stem = root
    if ending in ("ов", "ова") and stem[-1] in VOWELS:
        # Абдулло -> Абдуллоев; Рӯзӣ -> Рӯзиев: Russian ending after a vowel is -ев.
        stem = stem[:-1] + "и" if stem[-1] == "ӣ" else stem
        ending = "ева" if female else "ев"
    elif ending == "ӣ":
        # Раҳим -> Раҳимӣ; Абдулло -> Абдуллоӣ; a name already ending in -ӣ stays as it is.
        ending = "" if stem[-1] in "ӣи" else "ӣ"
    elif ending == "ён":
        # Раҳим -> Раҳимиён, Абдулло -> Абдуллоён.
        ending = "ён" if stem[-1] in VOWELS else "иён"
    return stem + ending


def patronymic(father, female):
    """The Russian-form patronymic of a father's given name, as migration cards ask for it."""
    stem = father
    if stem[-1] in VOWELS:
        if stem[-1] == "ӣ":
            stem = stem[:-1] + "и"
        return stem + ("евна" if female else "евич")
    return stem + ("овна" if female else "ович")


def zipf_weights(count, exponent=0.9):
    """Weights that make the first items of a list much more common than the last."""
    return [1.0 / (rank + 1) ** exponent for rank in range(count)]
