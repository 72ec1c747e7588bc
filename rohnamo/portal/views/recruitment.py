"""Public recruitment pages: check an agency, its scorecard, and the vacancy search.

No account, no JavaScript: plain GET forms, server-rendered, light enough for 2G.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from rohnamo.core.queries import public_offices
from rohnamo.recruitment.models import Agency
from rohnamo.recruitment.queries import agency_status, public_vacancies
from rohnamo.recruitment.scorecard import scorecard
from rohnamo.recruitment.search import (
    VacancyFilters,
    check_agency,
    find_vacancies,
    vacancy_country_choices,
    vacancy_occupation_choices,
)
from rohnamo.recruitment.services.vacancies import fee_limit

# Ten vacancies with all their terms keep the page well under the 30 KB budget.
PER_PAGE = 10


def _hotlines():
    return [office for office in public_offices() if office.hotline]


@require_GET
def agencies(request):
    check = check_agency(request.GET.get("q", ""))
    return render(
        request,
        "portal/agency_check.html",
        {"check": check, "hotlines": _hotlines() if check.query else []},
    )


@require_GET
def agency(request, pk):
    agency = get_object_or_404(Agency.objects.prefetch_related("licences"), pk=pk)
    return render(
        request,
        "portal/agency_scorecard.html",
        {"card": scorecard(agency), "hotlines": _hotlines(), "fee_limit": fee_limit()},
    )


class Job:
    """A vacancy as the public pages show it, with its agency's licence status."""

    def __init__(self, vacancy):
        self.vacancy = vacancy
        self.agency = vacancy.agency
        self.status = agency_status(vacancy.agency)


@require_GET
def jobs(request):
    filters = VacancyFilters.from_query(request.GET)
    page = Paginator(find_vacancies(filters), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/job_list.html",
        {
            "page": page,
            "jobs": [Job(vacancy) for vacancy in page],
            "filters": filters,
            "countries": vacancy_country_choices(),
            "occupations": vacancy_occupation_choices(),
            "fee_limit": fee_limit(),
        },
    )


@require_GET
def job(request, pk):
    vacancy = get_object_or_404(public_vacancies().prefetch_related("agency__licences"), pk=pk)
    return render(
        request,
        "portal/job_detail.html",
        {"job": Job(vacancy), "fee_limit": fee_limit(), "hotlines": _hotlines()},
    )
