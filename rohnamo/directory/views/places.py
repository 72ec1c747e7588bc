"""Staff pages for an organisation's places and phones."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core.views.access import staff_with
from rohnamo.directory.editing import delete_phone, phone_organization, save_location, save_phone
from rohnamo.directory.forms import LocationForm, PhoneForm
from rohnamo.directory.models import Location, Organization, Phone
from rohnamo.lib.forms import add_service_errors

LOCATION_FIELDS = ("name", "country", "district", "city", "address", "latitude", "longitude")
PHONE_FIELDS = ("number", "extension", "kind", "description")


def _form_page(request, form, organization, title):
    return render(
        request,
        "directory/form.html",
        {"form": form, "title": title, "organization": organization},
    )


def _location_form(request, organization, location=None):
    initial = {name: getattr(location, name) for name in LOCATION_FIELDS} if location else {}
    form = LocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_location(
                actor=request.user,
                organization=organization,
                location=location,
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Place saved."))
            return redirect("directory:organization", pk=organization.pk)
    title = _("Change the place") if location else _("New place")
    return _form_page(request, form, organization, title)


@staff_with("directory.add_location")
def location_new(request, pk):
    return _location_form(request, get_object_or_404(Organization, pk=pk))


@staff_with("directory.change_location")
def location_edit(request, pk):
    location = get_object_or_404(Location.objects.select_related("organization"), pk=pk)
    if location.organization is None:
        raise Http404
    return _location_form(request, location.organization, location)


def _phone_form(request, organization, phone=None):
    initial = {}
    if phone is not None:
        initial = {name: getattr(phone, name) for name in PHONE_FIELDS}
        owner = phone.service or phone.location or organization
        initial["owner"] = f"{owner._meta.model_name}:{owner.pk}"
    form = PhoneForm(request.POST or None, initial=initial, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            save_phone(
                actor=request.user, organization=organization, phone=phone, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Phone saved."))
            return redirect("directory:organization", pk=organization.pk)
    title = _("Change the phone") if phone else _("New phone or messenger")
    return _form_page(request, form, organization, title)


@staff_with("directory.change_organization")
def phone_new(request, pk):
    return _phone_form(request, get_object_or_404(Organization, pk=pk))


def _phone(pk):
    phone = get_object_or_404(
        Phone.objects.select_related(
            "organization", "service__organization", "location__organization"
        ),
        pk=pk,
    )
    organization = phone_organization(phone)
    if organization is None:
        raise Http404
    return phone, organization


@staff_with("directory.change_organization")
def phone_edit(request, pk):
    phone, organization = _phone(pk)
    return _phone_form(request, organization, phone)


@require_POST
@staff_with("directory.change_organization")
def phone_remove(request, pk):
    phone, organization = _phone(pk)
    delete_phone(actor=request.user, phone=phone)
    messages.success(request, _("Phone removed."))
    return redirect("directory:organization", pk=organization.pk)
