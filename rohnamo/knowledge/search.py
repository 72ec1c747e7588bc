"""Search over sheet versions, tolerant of Tajik/Russian letter pairs, Latin spelling and typos.

Every version stores its title, summary and text folded by ``rohnamo.lib.search_text.fold``
(lowercase Latin, ӯ/у, қ/к ... merged), so matching never has to know the script. Each query word
matches the words it begins, and words of the sheets' dictionary (``SearchWord``) it is a small
typo of. On PostgreSQL a stored tsvector with a GIN index does the matching and ranking, and a
trigram index finds typo candidates in the dictionary. SQLite narrows candidates with LIKE and
scores them in Python: slower, same results, for the small databases SQLite is meant for.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Length

from rohnamo.knowledge import snippets
from rohnamo.knowledge.markup import plain_text
from rohnamo.knowledge.models import SearchWord, SheetVersion
from rohnamo.lib.search_text import is_typo_of, words

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 8
MAX_WORD_LENGTH = 60
# Shorter words have too many near neighbours for typo matching to help.
MIN_TYPO_LENGTH = 4


@dataclass
class Hit:
    """One search result: the version, how well it matched, and its text around the match."""

    version: SheetVersion
    score: float
    snippet: str


def index(version):
    """Fill ``version``'s search fields from its title, summary and text (before it is saved)."""
    version.search_title = " ".join(words(version.title))
    text = " ".join([version.title, version.summary, plain_text(version.body_html)])
    version.search_text = " ".join(words(text))
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        version.search_vector = SearchVector(Value(version.search_text), config="simple")
    vocabulary = {word for word in version.search_text.split() if len(word) <= MAX_WORD_LENGTH}
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in vocabulary], ignore_conflicts=True
    )


def search_versions(query, versions, *, limit=20):
    """The versions of queryset ``versions`` that match ``query``, best first, at most ``limit``."""
    # Underscores count as word characters but mean nothing to people, nor to a tsquery.
    terms = [term for term in words(query[:MAX_QUERY_LENGTH].replace("_", " ")) if term]
    terms = terms[:MAX_QUERY_WORDS]
    if not terms:
        return []
    typos = {term: typos_of(term) for term in terms}
    if connection.vendor == "postgresql":
        ranked = _ranked_in_postgresql(terms, typos, versions, limit)
    else:
        ranked = _ranked_in_python(terms, typos, versions, limit)
    return [
        Hit(version=version, score=round(score, 4), snippet=snippets.highlight(version, terms))
        for version, score in ranked
    ]


def typos_of(term):
    """Dictionary words that ``term`` is a small misspelling of."""
    if len(term) < MIN_TYPO_LENGTH:
        return set()
    candidates = SearchWord.objects.annotate(length=Length("word")).filter(
        length__range=(len(term) - 2, len(term) + 2)
    )
    if connection.vendor == "postgresql":
        # Trigram similarity (index-served) narrows the dictionary to plausible neighbours.
        candidates = candidates.filter(word__trigram_similar=term)
    return {
        word
        for word in candidates.values_list("word", flat=True).iterator()
        if word != term and is_typo_of(term, word)
    }


def _ranked_in_postgresql(terms, typos, versions, limit):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    # Folded words hold no tsquery operators (no punctuation), so they are safe in a raw
    # tsquery; ":*" also matches longer words.
    alternatives = [" | ".join([f"{term}:*", *sorted(typos[term])]) for term in terms]
    query = SearchQuery(
        " & ".join(f"({alternative})" for alternative in alternatives),
        search_type="raw",
        config="simple",
    )
    title = SearchVector("search_title", config="simple")
    matches = (
        versions.filter(search_vector=query)
        # A match in the title counts as much again as the rest of the text.
        # F() ranks the stored vector; a bare field name would make Django rebuild it per row.
        .annotate(score=SearchRank(F("search_vector"), query) + SearchRank(title, query))
        .select_related("sheet", "language")
        .order_by("-score", "sheet__code", "language__code")[:limit]
    )
    return [(version, version.score) for version in matches]


def _ranked_in_python(terms, typos, versions, limit):
    candidates = versions
    for term in terms:
        spellings = Q(search_text__contains=term)
        for typo in typos[term]:
            spellings |= Q(search_text__contains=typo)
        candidates = candidates.filter(spellings)
    scored = []
    for pk, text, title in candidates.values_list("pk", "search_text", "search_title"):
        # Padded with spaces, " word " finds a whole word and " word" a word's beginning.
        score = text_score(terms, typos, f" {text} ", f" {title} ")
        if score:
            scored.append((score, pk))
    scored.sort(key=lambda item: (-item[0], item[1]))
    best = {pk: score for score, pk in scored[:limit]}
    by_pk = versions.select_related("sheet", "language").in_bulk(best)
    return [(by_pk[pk], best[pk]) for pk in best]


def text_score(terms, typos, text, title):
    """How well a padded text matches every one of ``terms``: 0 when one of them is missing.

    Each term scores 1 for the word itself, 0.8 for a longer word it begins, 0.6 for a typo;
    a match in the title adds half as much again.
    """
    total = 0.0
    for term in terms:
        in_title = word_match(term, typos[term], title)
        best = max(word_match(term, typos[term], text), in_title)
        if not best:
            return 0.0
        total += best + in_title / 2
    return total


def word_match(term, typos, text):
    if f" {term} " in text:
        return 1.0
    if f" {term}" in text:
        return 0.8
    if any(f" {typo} " in text for typo in typos):
        return 0.6
    return 0.0
