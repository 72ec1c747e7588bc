"""Reading the service directory. The directory is shared: every staff member sees all of it;
the public sees active services of public organisations."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404

from rohnamo.core.choices import OfficeKind
from rohnamo.core.models import Office
from rohnamo.directory.choices import ServiceStatus
from rohnamo.directory.models import Location, Organization, Service
from rohnamo.lib.collation import sorted_by
from rohnamo.lib.search_text import fold, words


def services_for_referral(*, category=None, country=None):
    """Active services a case can be referred to, optionally of a category and a country."""
    services = Service.objects.filter(status=ServiceStatus.ACTIVE).select_related("organization")
    if category is not None:
        services = services.filter(categories=category)
    if country is not None:
        services = services.filter(locations__country=country)
    places = Prefetch("locations", queryset=Location.objects.select_related("country", "district"))
    return services.distinct().prefetch_related(places, "categories").order_by("name")


def _matches(query, *texts):
    """Whether every word of ``query`` is in one of ``texts``, however either is spelt."""
    haystack = " ".join(fold(text) for text in texts if text)
    return all(word in haystack for word in words(query))


def organizations_for_staff(*, query="", kind=""):
    """Every organisation (staff see the whole directory), alphabetically as readers expect,
    with its number of services; three queries however many there are."""
    organizations = Organization.objects.select_related("office").annotate(
        service_count=Count("services")
    )
    if kind:
        organizations = organizations.filter(kind=kind)
    found = [
        organization
        for organization in organizations
        if _matches(query, organization.name, organization.alternate_name, organization.email)
    ]
    return sorted_by(found, "name")


def services_for_staff(*, query="", category=None, status=""):
    """Every service with its organisation and categories, alphabetically."""
    services = Service.objects.select_related("organization").prefetch_related("categories")
    if category is not None:
        services = services.filter(categories=category)
    if status:
        services = services.filter(status=status)
    found = [
        service
        for service in services
        if _matches(query, service.name, service.organization.name, service.description)
    ]
    return sorted_by(found, "name")


def organization_for_staff(pk):
    """One organisation with its services, places and phones for its staff page (404 if none)."""
    locations = Location.objects.select_related("country", "district")
    services = Service.objects.prefetch_related(
        "categories", "languages", "phones", Prefetch("locations", queryset=locations)
    )
    return get_object_or_404(
        Organization.objects.select_related("office").prefetch_related(
            Prefetch("services", queryset=services.order_by("name")),
            Prefetch("locations", queryset=locations.prefetch_related("phones")),
            "phones",
        ),
        pk=pk,
    )


def partner_offices():
    """Offices that can answer referrals to an organisation: the partner organisations."""
    return Office.objects.filter(kind=OfficeKind.PARTNER, is_active=True)


def public_organizations():
    return Organization.objects.filter(is_public=True)


def public_services():
    """Active services of public organisations, with everything the public pages show."""
    locations = Location.objects.select_related("country", "district")
    return (
        Service.objects.filter(status=ServiceStatus.ACTIVE, organization__is_public=True)
        .select_related("organization")
        .prefetch_related(
            "categories",
            "languages",
            "phones",
            "organization__phones",
            Prefetch("locations", queryset=locations),
            Prefetch("organization__locations", queryset=locations),
        )
    )
