"""Vacancies for staff: recording one, the drafts a licensing officer verifies, and all of them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core.views.access import staff_with
from rohnamo.lib.forms import add_service_errors
from rohnamo.recruitment.choices import VacancyStatus
from rohnamo.recruitment.forms import RejectForm, VacancyFilterForm, VacancyForm
from rohnamo.recruitment.models import Agency, Vacancy
from rohnamo.recruitment.services import vacancies as services

PER_PAGE = 50


def _vacancies():
    return Vacancy.objects.select_related("agency", "country", "occupation")


@staff_with("recruitment.view_vacancy")
def vacancy_list(request):
    """Every vacancy with its status, the newest first."""
    filters = VacancyFilterForm(request.GET or None)
    vacancies = _vacancies()
    if filters.is_valid() and filters.cleaned_data["status"]:
        vacancies = vacancies.filter(status=filters.cleaned_data["status"])
    page = Paginator(vacancies, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recruitment/vacancy_list.html",
        {"page": page, "filters": filters, "query": query.urlencode()},
    )


@staff_with("recruitment.add_vacancy")
def vacancy_new(request):
    """A vacancy waiting for verification; refused at once when it could never be published."""
    form = VacancyForm(request.POST or None, agencies=Agency.objects.all())
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.record_vacancy(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Vacancy recorded: it waits for verification."))
            if request.user.has_perm(services.VERIFY_PERMISSION):
                return redirect("recruitment:vacancies_to_verify")
            return redirect(f"{reverse('recruitment:vacancy_list')}?status={vacancy.status}")
    return render(request, "recruitment/vacancy_form.html", {"form": form})


@staff_with(services.VERIFY_PERMISSION)
def vacancies_to_verify(request):
    """Drafts, the oldest first, each with what would stop its publication."""
    drafts = _vacancies().filter(status=VacancyStatus.DRAFT).order_by("created_at", "id")
    page = Paginator(drafts, PER_PAGE).get_page(request.GET.get("page"))
    limit = services.fee_limit()
    for vacancy in page:
        vacancy.problems = services.vacancy_problems(vacancy)
    return render(
        request,
        "recruitment/vacancy_verify.html",
        {"page": page, "query": "", "reject_form": RejectForm(), "fee_limit": limit},
    )


@require_POST
@staff_with(services.VERIFY_PERMISSION)
def vacancy_verify(request, pk, decision):
    """Publish a draft, or reject it with a reason."""
    vacancy = get_object_or_404(Vacancy, pk=pk, status=VacancyStatus.DRAFT)
    publish = decision == "publish"
    reason = ""
    if not publish:
        form = RejectForm(request.POST)
        reason = form.data.get("reason", "")
    try:
        services.verify_vacancy(actor=request.user, vacancy=vacancy, publish=publish, reason=reason)
    except ValidationError as error:
        messages.error(request, f"{vacancy}: " + " ".join(error.messages))
    else:
        done = _("Published: %(title)s") if publish else _("Rejected: %(title)s")
        messages.success(request, done % {"title": vacancy})
    return redirect("recruitment:vacancies_to_verify")
