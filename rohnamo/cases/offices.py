"""Which office takes a request from the public, by the district the person lives in."""

from rohnamo.core.choices import OfficeKind
from rohnamo.core.models import Office


def office_for_district(district):
    """The office in that district, else a branch in the same region, else the centre."""
    offices = Office.objects.filter(is_active=True).exclude(kind=OfficeKind.PARTNER)
    if district is not None:
        same_district = offices.filter(district=district).order_by("kind", "code").first()
        if same_district:
            return same_district
        same_region = offices.filter(district__region_id=district.region_id).order_by("code")
        if same_region.exists():
            return same_region.first()
    return offices.filter(kind=OfficeKind.CENTRE).order_by("code").first()
