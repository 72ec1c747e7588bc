"""The work-permit register and forms T-2 / 3-T.

The register names foreign workers, so it opens only for those who keep it
(``services.permits.REGISTER_PERMISSION``); a manager, who may read the forms, is sent there from
the register's address (the menu points to it for everyone with ``view_workpermit``).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.reports.xlsx import report_workbook
from rohnamo.crossings.forms.permits import FormPeriodForm, PermitFilterForm, PermitForm
from rohnamo.crossings.models import WorkPermit
from rohnamo.crossings.permits_forms import permit_forms
from rohnamo.crossings.services import permits as services
from rohnamo.lib.forms import add_service_errors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(permits, data):
    today = timezone.localdate()
    if data.get("citizenship"):
        permits = permits.filter(citizenship=data["citizenship"])
    if data.get("sector"):
        permits = permits.filter(sector=data["sector"])
    if data.get("year"):
        permits = permits.filter(issued_on__year=data["year"])
    status = data.get("status")
    if status == "valid":
        permits = permits.filter(services.valid_on(today))
    elif status == "expired":
        permits = permits.filter(valid_until__lt=today)
    elif status == "future":
        permits = permits.filter(valid_from__gt=today)
    return services.search_permits(permits, data.get("q") or "")


@staff_with("crossings.view_workpermit")
def permit_list(request):
    if not may(request.user, services.REGISTER_PERMISSION):
        return redirect("crossings:permit_forms")
    filters = PermitFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    permits = _filtered(services.permit_register(request.user), data)
    page = Paginator(permits, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "crossings/permits/permit_list.html",
        {
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "today": timezone.localdate(),
        },
    )


def _saved(request, saved):
    messages.success(request, _("Permit %(number)s saved.") % {"number": saved.permit})
    for warning in saved.warnings:
        messages.warning(request, warning)
    return redirect("crossings:permits")


@staff_with("crossings.add_workpermit")
def permit_new(request):
    form = PermitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.register_permit(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, saved)
    return render(request, "crossings/permits/permit_form.html", {"form": form, "permit": None})


@staff_with("crossings.change_workpermit")
def permit_edit(request, pk):
    permit = get_object_or_404(WorkPermit, pk=pk)
    form = PermitForm(request.POST or None, initial=PermitForm.initial_of(permit))
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.change_permit(actor=request.user, permit=permit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, saved)
    return render(request, "crossings/permits/permit_form.html", {"form": form, "permit": permit})


@staff_with("crossings.view_workpermit")
def permit_forms_page(request):
    """Forms T-2 and 3-T for a half-year or a year, on screen or as XLSX."""
    form = FormPeriodForm(request.GET)
    if not form.is_valid():
        return render(request, "crossings/permits/forms.html", {"form": form, "report": None})
    report = permit_forms(request.user, form.cleaned_data["period"])
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(report_workbook(report), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{report.filename}.xlsx"'
        return response
    return render(request, "crossings/permits/forms.html", {"form": form, "report": report})
