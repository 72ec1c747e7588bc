"""The agency register for staff: the list, an agency's page and the licensing officer's forms.

Every change goes through ``services.agencies``; a refused change shows the agency's page again
with the reason under the field it is about.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.cases.models import Case
from rohnamo.cases.queries import cases_visible_to
from rohnamo.core.views.access import staff_with
from rohnamo.lib.collation import sort_key
from rohnamo.lib.forms import add_service_errors
from rohnamo.lib.search_text import fold
from rohnamo.recruitment.forms import (
    AgencyFilterForm,
    AgencyForm,
    BranchForm,
    InspectionForm,
    LicenceForm,
    LicenceStatusForm,
    NameForm,
)
from rohnamo.recruitment.models import Agency, Licence, LicenceEvent
from rohnamo.recruitment.queries import agency_status
from rohnamo.recruitment.reports import RESOLVED_STATUSES
from rohnamo.recruitment.search import check_agency
from rohnamo.recruitment.services import agencies as services


def search_agencies(agencies, text):
    """The agencies matching ``text``: those the public check finds (any spelling or script, a
    small typo, look-alikes too: staff want to see them), any name containing it, and exact tax
    and registration numbers."""
    text = text.strip()
    if not text:
        return agencies
    check = check_agency(text)
    found = {hit.agency.pk for hit in [*check.found, *check.lookalikes]}
    return agencies.filter(
        Q(pk__in=found)
        | Q(names__folded__contains=fold(text))
        | Q(tax_number__iexact=text)
        | Q(registration_number__iexact=text)
    ).distinct()


def register_rows(agencies, status=None, today=None):
    """``[(agency, its status)]``, only those of ``status`` when given."""
    today = today or timezone.localdate()
    rows = [
        (agency, agency_status(agency, today))
        for agency in sorted(agencies, key=lambda agency: sort_key(agency.legal_name))
    ]
    return [row for row in rows if not status or row[1].code == status]


@staff_with("recruitment.view_agency")
def agency_list(request):
    """The register: every agency with its licence status now, searchable by name and number."""
    filters = AgencyFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    agencies = Agency.objects.prefetch_related("licences", "countries").annotate(
        vacancy_count=Count("vacancies", distinct=True)
    )
    agencies = search_agencies(agencies, data.get("q") or "")
    rows = register_rows(agencies, data.get("status"))
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recruitment/agency_list.html",
        {"page": page, "filters": filters, "query": query.urlencode()},
    )


@staff_with("recruitment.add_agency")
def agency_new(request):
    form = AgencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency = services.register_agency(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Agency registered."))
            return redirect("recruitment:agency", pk=agency.pk)
    return render(request, "recruitment/agency_form.html", {"form": form, "agency": None})


@staff_with("recruitment.change_agency")
def agency_edit(request, pk):
    agency = get_object_or_404(Agency, pk=pk)
    initial = {
        **{name: getattr(agency, name) for name in AgencyForm.base_fields if hasattr(agency, name)},
        "district": agency.district_id,
        "countries": list(agency.countries.values_list("pk", flat=True)),
    }
    form = AgencyForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_agency(actor=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("recruitment:agency", pk=agency.pk)
    return render(request, "recruitment/agency_form.html", {"form": form, "agency": agency})


def complaints_about(agency, user):
    """The complaints linked to ``agency``: counts of all of them (a count shows nothing of a
    case) and the list of those ``user`` may open."""
    counts = (
        Case.objects.order_by()
        .filter(agency=agency)
        .aggregate(total=Count("pk"), resolved=Count("pk", filter=Q(status__in=RESOLVED_STATUSES)))
    )
    visible = cases_visible_to(user).filter(agency=agency).order_by("-created_at")
    return counts, list(visible)


def _agency_page(request, agency, **bound):
    """The agency's page; ``bound`` holds the form that was just refused, with its errors."""
    licences = agency.licences.prefetch_related(
        Prefetch("events", queryset=LicenceEvent.objects.select_related("changed_by"))
    )
    counts, complaints = complaints_about(agency, request.user)
    licences = list(licences)
    failed_licence = bound.pop("licence_status_for", None)
    for licence in licences:
        if failed_licence == licence.pk:
            licence.status_form = bound.pop("status_form")
        else:
            licence.status_form = LicenceStatusForm(licence=licence)
    forms = {
        "name_form": NameForm(),
        "branch_form": BranchForm(),
        "licence_form": LicenceForm(),
        "inspection_form": InspectionForm(initial={"date": timezone.localdate()}),
        **bound,
    }
    return render(
        request,
        "recruitment/agency_detail.html",
        {
            "agency": agency,
            "status": agency_status(agency),
            "names": agency.names.all(),
            "branches": agency.branches.select_related("district"),
            "countries": agency.countries.all(),
            "licences": licences,
            "inspections": agency.inspections.select_related("inspector"),
            "vacancies": agency.vacancies.select_related("country", "occupation"),
            "complaint_counts": counts,
            "complaints": complaints,
            **forms,
        },
    )


@staff_with("recruitment.view_agency")
def agency_detail(request, pk):
    agency = get_object_or_404(Agency.objects.select_related("district"), pk=pk)
    return _agency_page(request, agency)


def _add_name(request, agency, data):
    services.add_name(actor=request.user, agency=agency, name=data["name"])


def _add_branch(request, agency, data):
    services.add_branch(actor=request.user, agency=agency, **data)


def _issue_licence(request, agency, data):
    services.issue_licence(actor=request.user, agency=agency, **data)


def _record_inspection(request, agency, data):
    services.record_inspection(actor=request.user, agency=agency, **data)


# action → (permission, form class, the name of the form on the page, what to do)
ACTIONS = {
    "name": ("recruitment.change_agency", NameForm, "name_form", _add_name),
    "branch": ("recruitment.change_agency", BranchForm, "branch_form", _add_branch),
    "licence": ("recruitment.add_licence", LicenceForm, "licence_form", _issue_licence),
    "inspection": (
        "recruitment.add_inspection",
        InspectionForm,
        "inspection_form",
        _record_inspection,
    ),
}


@require_POST
@staff_with("recruitment.view_agency")
def agency_action(request, pk, action):
    if action not in ACTIONS:
        raise Http404
    permission, form_class, form_name, run = ACTIONS[action]
    if not request.user.has_perm(permission):
        raise Http404
    agency = get_object_or_404(Agency, pk=pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            run(request, agency, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("recruitment:agency", pk=agency.pk)
    return _agency_page(request, agency, **{form_name: form})


@require_POST
@staff_with("recruitment.change_licence")
def licence_status(request, pk, licence_pk):
    """Suspend, reinstate or revoke a licence with the reason; it goes into its history."""
    agency = get_object_or_404(Agency, pk=pk)
    licence = get_object_or_404(Licence, pk=licence_pk, agency=agency)
    form = LicenceStatusForm(request.POST, licence=licence)
    if form.is_valid():
        try:
            services.change_licence_status(
                actor=request.user,
                licence=licence,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("recruitment:agency", pk=agency.pk)
    return _agency_page(request, agency, licence_status_for=licence.pk, status_form=form)
