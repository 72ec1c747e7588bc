"""Staff pages of the directory's services: list and search, create, change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.views.access import staff_with
from rohnamo.directory import queries
from rohnamo.directory.editing import save_service
from rohnamo.directory.forms import ServiceForm, ServiceSearchForm
from rohnamo.directory.models import Organization, Service
from rohnamo.lib.forms import add_service_errors

PER_PAGE = 50
FIELDS = ("name", "description", "status", "hours", "eligibility", "cost", "email", "url")


@staff_with("directory.view_service")
def service_list(request):
    search = ServiceSearchForm(request.GET or None)
    filters = search.cleaned_data if search.is_valid() else {}
    services = queries.services_for_staff(
        query=filters.get("q", ""),
        category=filters.get("category"),
        status=filters.get("status", ""),
    )
    page = Paginator(services, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/service_list.html",
        {"page": page, "search": search, "query": query.urlencode()},
    )


def _service_form(request, organization, service=None):
    initial = {}
    current = []
    if service is not None:
        initial = {name: getattr(service, name) for name in FIELDS}
        current = list(service.categories.all())
        initial.update(
            categories=current,
            languages=list(service.languages.all()),
            locations=list(service.locations.all()),
        )
    form = ServiceForm(
        request.POST or None,
        initial=initial,
        organization=organization,
        current_categories=current,
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_service(
                actor=request.user, organization=organization, service=service, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Service saved."))
            return redirect("directory:organization", pk=organization.pk)
    title = _("Change the service") if service else _("New service")
    return render(
        request,
        "directory/form.html",
        {"form": form, "title": title, "organization": organization},
    )


@staff_with("directory.add_service")
def service_new(request, pk):
    return _service_form(request, get_object_or_404(Organization, pk=pk))


@staff_with("directory.change_service")
def service_edit(request, pk):
    service = get_object_or_404(Service.objects.select_related("organization"), pk=pk)
    return _service_form(request, service.organization, service)
