"""Cases, directory services and referrals for tests, made through the services."""

from rohnamo.cases.choices import CaseKind
from rohnamo.cases.services.cases import open_case, open_case_from_public
from rohnamo.core.models import Country, District
from rohnamo.directory.models import Location, Organization, Service, TaxonomyTerm


def make_service(name="Юридическая помощь мигрантам", *, office=None, category="legal-aid",
                 city="Екатеринбург", country="RU", organization_name=None):  # fmt: skip
    """An active service of an organisation abroad; ``office`` is the partner office that
    answers its referrals."""
    organization = Organization.objects.create(
        name=organization_name or f"{name} (организация)", kind="ngo", office=office
    )
    service = Service.objects.create(organization=organization, name=name)
    service.categories.set(TaxonomyTerm.objects.filter(taxonomy="rohnamo", code=category))
    location = Location.objects.create(
        organization=organization, country=Country.objects.get(code=country), city=city
    )
    service.locations.add(location)
    return service


def make_case(actor, office, *, category="wages", kind=CaseKind.REQUEST, **fields):
    fields.setdefault("narrative", "Зарплату не платят три месяца.")
    fields.setdefault("country", Country.objects.get(code="RU"))
    fields.setdefault("city", "Екатеринбург")
    return open_case(actor=actor, office=office, kind=kind, category=category, **fields)


def public_request(*, district_code="khatlon-kulob", category="wages", **fields):
    """A request from the public site; returns ``(case, pin)``."""
    fields.setdefault("narrative", "Шавҳарам се моҳ боз музд нагирифтааст, Екатеринбург.")
    fields.setdefault("contact_name", "Мадина Раҳимова")
    fields.setdefault("contact_phone", "+992 93 555 44 33")
    return open_case_from_public(
        kind=CaseKind.REQUEST,
        category=category,
        district=District.objects.get(code=district_code),
        **fields,
    )
