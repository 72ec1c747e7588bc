"""Search finds sheets however people type: Tajik or Russian letters, Latin, small typos."""

import pytest

from rohnamo.knowledge import queries
from rohnamo.knowledge.search import search_versions
from rohnamo.knowledge.tests.factories import draft_sheet, published_translation, published_version

TAJIK_BODY = (
    "## Мӯҳлат\n\nШаҳрвандони Тоҷикистон дар муддати **15 рӯз** бақайдгирӣ мешаванд. "
    "Ҳуҷҷатҳоро ҳамеша бо худ доред."
)


@pytest.fixture
def registration(nigora, bahrom):
    russian = published_version(nigora, bahrom)
    published_translation(
        nigora, bahrom, russian.sheet, "tg", title="Бақайдгирӣ дар Русия", body=TAJIK_BODY
    )
    return russian.sheet


@pytest.fixture
def customs(nigora, bahrom):
    return published_version(
        nigora,
        bahrom,
        code="customs-rules",
        topic="customs",
        title="Таможенные правила",
        body="Декларируйте наличные деньги на границе. Таможня проверяет багаж.",
    ).sheet


def titles(query, versions=None):
    hits = search_versions(query, versions or queries.public_versions())
    return [hit.version.title for hit in hits]


def test_tajik_letters_typed_as_russian_ones_still_find_the_tajik_sheet(registration):
    assert titles("бакайдгири") == ["Бақайдгирӣ дар Русия"]
    assert titles("ҳуҷҷат") == titles("хуччат") == ["Бақайдгирӣ дар Русия"]


def test_a_word_typed_in_latin_letters_finds_the_cyrillic_sheet(registration):
    assert titles("bakaydgiri") == ["Бақайдгирӣ дар Русия"]
    assert titles("registratsiya") == ["Регистрация в России"]


def test_a_small_typo_still_finds_the_sheet(registration, customs):
    assert titles("регистрацыя") == ["Регистрация в России"]
    assert titles("таможеные") == ["Таможенные правила"]


def test_the_beginning_of_a_word_is_enough(registration, customs):
    assert titles("тамож") == ["Таможенные правила"]


def test_every_word_of_the_query_must_match(registration, customs):
    assert titles("таможня регистрация") == []
    assert titles("таможня багаж") == ["Таможенные правила"]


def test_a_match_in_the_title_ranks_above_a_match_in_the_text(nigora, bahrom, customs):
    published_version(
        nigora,
        bahrom,
        code="cash",
        topic="customs",
        title="Деньги в дороге",
        body="Таможенные органы могут спросить, откуда деньги.",
    )
    assert titles("таможенные") == ["Таможенные правила", "Деньги в дороге"]


def test_the_snippet_marks_the_matching_words_in_the_original_letters(registration):
    [hit] = search_versions("хуччатхо", queries.public_versions())
    assert "<mark>Ҳуҷҷатҳоро</mark>" in hit.snippet


def test_the_snippet_escapes_what_the_author_wrote(nigora, bahrom):
    published_version(nigora, bahrom, title="Памятка", body="Патент &lt;script&gt; стоит денег.")
    [hit] = search_versions("патент", queries.public_versions())
    assert "<script>" not in hit.snippet
    assert "<mark>Патент</mark>" in hit.snippet


def test_public_search_does_not_find_drafts_but_staff_search_does(nigora, registration):
    draft_sheet(nigora, code="patent", title="Патент для работы", body="Патент на работу.")
    assert titles("патент") == []
    staff_versions = queries.versions_visible_to(nigora)
    assert titles("патент", staff_versions) == ["Патент для работы"]


def test_an_empty_or_punctuation_only_query_finds_nothing(registration):
    assert titles("") == titles(" ?! ") == []


@pytest.mark.parametrize("query", ["___", "a:* & !b", "中文", "ж" * 500, "qqq " * 300])
def test_odd_or_oversized_queries_find_nothing_and_fail_nothing(registration, query):
    assert titles(query) == []
