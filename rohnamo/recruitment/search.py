"""The public "Check an agency" search, and the public vacancy search.

An agency is looked up by licence number or by any name it uses. Names are compared folded (so
Latin and Cyrillic spellings meet) and without legal-form words and quotes, so that "Sharq Kor"
finds «ООО "Шарқ Кор"». A small typo still finds the agency; a name that is only similar (other
or extra words, or several letters off) is *not* the agency: a fraudster's "Sharq Kor Invest" must
not borrow the licence of "Sharq Kor", so such names are returned as look-alikes to warn about.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db.models import Prefetch

from rohnamo.core.models import Country
from rohnamo.lib.collation import sorted_by
from rohnamo.lib.search_text import fold, is_typo_of, words
from rohnamo.recruitment.models import Agency, AgencyName, Licence, Occupation
from rohnamo.recruitment.queries import agency_status, public_vacancies

# Legal-form words (folded) that adverts add, drop or spell differently: ООО, LLC, ҶДММ...
LEGAL_FORMS = {
    "ooo", "llc", "ltd", "inc", "chdmm", "jdmm", "zao", "oao", "pao", "ao", "too", "ip", "chsp",
    "gmbh", "mchj", "co",
}  # fmt: skip

# Whole folded names at least this similar are the same name with a typo...
SAME_NAME = 0.9
# ...and names at least this similar are look-alikes: a different company to warn about.
LOOKALIKE = 0.7
# At most this many look-alikes are shown: the first few are the ones that matter.
MAX_LOOKALIKES = 5


def name_words(text):
    """The words that identify a name: folded, without legal forms; Latin "q" spells "қ"."""
    return [word.replace("q", "k") for word in words(text) if word not in LEGAL_FORMS]


def licence_key(number):
    """A licence number as compared: folded, letters and digits only ("LIC 001" = "lic-001")."""
    return "".join(char for char in fold(number) if char.isalnum())


def _word_matches(term, word):
    return term == word or is_typo_of(term, word)


def compare_names(query_words, candidate_words):
    """How ``query_words`` relate to a registered name: "same", "lookalike" or None.

    The same name: the whole names nearly equal, or every query word is a word of the name
    (allowing a typo). A look-alike: the whole names fairly similar, or some words shared.
    """
    if not query_words or not candidate_words:
        return None
    ratio = SequenceMatcher(None, " ".join(query_words), " ".join(candidate_words)).ratio()
    matched = [
        term for term in query_words if any(_word_matches(term, word) for word in candidate_words)
    ]
    if ratio >= SAME_NAME or len(matched) == len(query_words):
        return "same", ratio
    overlap = len(matched) / max(len(query_words), len(candidate_words))
    if ratio >= LOOKALIKE or overlap >= 0.5:
        return "lookalike", max(ratio, overlap)
    return None


@dataclass
class Found:
    """A registered agency the check shows, with its status and the name that matched."""

    agency: Agency
    name: str
    score: float = 1.0

    @property
    def status(self):
        return agency_status(self.agency)


@dataclass
class AgencyCheck:
    """The answer of the public check: the agencies it found, and look-alikes to warn about."""

    query: str
    found: list = field(default_factory=list)
    lookalikes: list = field(default_factory=list)
    by_licence: bool = False

    @property
    def registered(self):
        return bool(self.found)


def check_agency(query):
    """Find ``query`` (a name or a licence number) in the agency register."""
    query = (query or "").strip()[:200]
    result = AgencyCheck(query)
    if not query:
        return result
    key = licence_key(query)
    same, similar = {}, {}
    if any(char.isdigit() for char in key):
        for agency_id, number in Licence.objects.values_list("agency_id", "number"):
            if licence_key(number) == key:
                same[agency_id] = (number, 2.0)
                result.by_licence = True
    query_words = name_words(query)
    for agency_id, name in AgencyName.objects.values_list("agency_id", "name"):
        compared = compare_names(query_words, name_words(name))
        if compared is None:
            continue
        kind, score = compared
        bucket = same if kind == "same" else similar
        if score > bucket.get(agency_id, ("", -1))[1]:
            bucket[agency_id] = (name, score)
    similar = {pk: hit for pk, hit in similar.items() if pk not in same}
    best_similar = sorted(similar, key=lambda pk: -similar[pk][1])[:MAX_LOOKALIKES]
    agencies = Agency.objects.filter(pk__in=[*same, *best_similar]).prefetch_related(
        Prefetch("licences", queryset=Licence.objects.order_by("-issued_on"))
    )
    by_pk = {agency.pk: agency for agency in agencies}
    result.found = sorted(
        (Found(by_pk[pk], name, score) for pk, (name, score) in same.items() if pk in by_pk),
        key=lambda found: (-found.score, found.agency.legal_name),
    )
    result.lookalikes = [Found(by_pk[pk], *similar[pk]) for pk in best_similar if pk in by_pk]
    return result


# Vacancy search ----------------------------------------------------------------------------


@dataclass
class VacancyFilters:
    """The public vacancy search form, read from the query string; bad values are ignored."""

    country: str = ""  # ISO code
    occupation: str = ""  # ISCO-08 code (a shorter code means the whole group)
    city: str = ""
    min_wage: int | None = None

    @classmethod
    def from_query(cls, params):
        country = params.get("country", "").strip().upper()[:2]
        occupation = params.get("occupation", "").strip()[:4]
        wage = params.get("min_wage", "").strip().replace(" ", "")
        return cls(
            country=country if country.isalpha() else "",
            occupation=occupation if occupation.isdigit() else "",
            city=params.get("city", "").strip()[:100],
            min_wage=int(wage) if wage.isdigit() and len(wage) < 10 else None,
        )


def find_vacancies(filters, today=None):
    """Public vacancies matching ``filters``, newest first; a city matches in any spelling."""
    vacancies = public_vacancies(today)
    if filters.country:
        vacancies = vacancies.filter(country__code=filters.country)
    if filters.occupation:
        vacancies = vacancies.filter(occupation__code__startswith=filters.occupation)
    if filters.min_wage is not None:
        vacancies = vacancies.filter(wage__gte=filters.min_wage)
    if filters.city:
        wanted = " ".join(words(filters.city))
        cities = set(vacancies.values_list("city", flat=True).distinct())
        vacancies = vacancies.filter(
            city__in=[city for city in cities if wanted and wanted in " ".join(words(city))]
        )
    return vacancies.prefetch_related(
        Prefetch("agency__licences", queryset=Licence.objects.order_by("-issued_on"))
    ).order_by("-verified_at", "-id")


def vacancy_country_choices(today=None):
    """The countries that have public vacancies now (a choice with no vacancy helps no one)."""
    codes = public_vacancies(today).values("country")
    return sorted_by(Country.objects.filter(pk__in=codes), "name")


def vacancy_occupation_choices(today=None):
    """The ISCO-08 unit groups that have public vacancies now, by code."""
    return list(
        Occupation.objects.filter(pk__in=public_vacancies(today).values("occupation")).order_by(
            "code"
        )
    )
