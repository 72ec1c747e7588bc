"""Staff pages of the directory's organisations: list and search, read, create, change."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.views.access import staff_with
from rohnamo.directory import queries
from rohnamo.directory.editing import save_organization
from rohnamo.directory.forms import OrganizationForm, OrganizationSearchForm
from rohnamo.directory.models import Organization
from rohnamo.lib.forms import add_service_errors

PER_PAGE = 50
FIELDS = (
    "name",
    "alternate_name",
    "kind",
    "description",
    "email",
    "website",
    "office",
    "is_public",
)


@staff_with("directory.view_organization")
def organization_list(request):
    search = OrganizationSearchForm(request.GET or None)
    filters = search.cleaned_data if search.is_valid() else {}
    organizations = queries.organizations_for_staff(
        query=filters.get("q", ""), kind=filters.get("kind", "")
    )
    page = Paginator(organizations, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "directory/organization_list.html",
        {"page": page, "search": search, "query": query.urlencode()},
    )


@staff_with("directory.view_organization")
def organization_detail(request, pk):
    organization = queries.organization_for_staff(pk)
    return render(request, "directory/organization_detail.html", {"organization": organization})


def _form_page(request, form, organization=None):
    title = _("Change the organisation") if organization else _("New organisation")
    return render(
        request,
        "directory/form.html",
        {"form": form, "title": title, "organization": organization},
    )


@staff_with("directory.add_organization")
def organization_new(request):
    form = OrganizationForm(request.POST or None, initial={"is_public": True})
    if request.method == "POST" and form.is_valid():
        try:
            organization = save_organization(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Organisation saved."))
            return redirect("directory:organization", pk=organization.pk)
    return _form_page(request, form)


@staff_with("directory.change_organization")
def organization_edit(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    initial = {name: getattr(organization, name) for name in FIELDS}
    form = OrganizationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_organization(actor=request.user, organization=organization, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Organisation saved."))
            return redirect("directory:organization", pk=organization.pk)
    return _form_page(request, form, organization)
