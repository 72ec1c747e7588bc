"""Tajik letters sort in their place in the alphabet, not after я."""

from rohnamo.core.tests.factories import make_office
from rohnamo.lib.collation import sort_key, sorted_by


def test_tajik_letters_follow_their_base_letters():
    words = [
        "Яван",
        "Ӯротеппа",
        "Ҳисор",
        "Ғарм",
        "Қурғонтеппа",
        "Ҷиликӯл",
        "Ӣ",
        "Уфа",
        "Хуҷанд",
        "Чкалов",
    ]
    assert sorted(words, key=sort_key) == [
        "Ғарм",
        "Ӣ",
        "Қурғонтеппа",
        "Уфа",
        "Ӯротеппа",
        "Хуҷанд",
        "Ҳисор",
        "Чкалов",
        "Ҷиликӯл",
        "Яван",
    ]


def test_russian_order_is_kept():
    words = ["щука", "шар", "цех", "эхо", "ёж", "ель", "юг", "я"]
    assert sorted(words, key=sort_key) == ["ель", "ёж", "цех", "шар", "щука", "эхо", "юг", "я"]


def test_case_does_not_change_the_order():
    assert sorted(["ӯ", "Я", "Ӯ", "я"], key=sort_key)[:2] == ["ӯ", "Ӯ"]


def test_latin_sorts_before_cyrillic():
    assert sorted(["Бохтар", "Bokhtar"], key=sort_key) == ["Bokhtar", "Бохтар"]


def test_the_public_office_list_is_in_tajik_alphabetical_order(client, db):
    for code, name in [
        ("yavan", "Филиали Ёвон"),
        ("ura", "Филиали Ӯротеппа"),
        ("fa", "Филиали Фархор"),
    ]:
        make_office(code, name_tg=name)
    page = client.get("/tg/offices/").content.decode()
    positions = [page.index(name) for name in ["Ёвон", "Ӯротеппа", "Фархор"]]
    assert positions == sorted(positions)


def test_sorted_by_reads_the_active_language_name(db):
    offices = [
        make_office("a", name_tg="Ӯ", name_en="A"),
        make_office("b", name_tg="Я", name_en="B"),
    ]
    assert [office.code for office in sorted_by(reversed(offices), "name")] == ["a", "b"]
