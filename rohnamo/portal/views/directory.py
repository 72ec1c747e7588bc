"""The public service directory: find help by place and category, without an account or
JavaScript."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from rohnamo.directory.models import TaxonomyTerm
from rohnamo.directory.queries import public_services
from rohnamo.directory.search import find_services, place_choices, service_places

# Twenty services with their phones keep a page well under the 30 KB budget.
PER_PAGE = 20


class Entry:
    """A service as the public pages show it: with where it is and whom to call."""

    def __init__(self, service):
        self.service = service
        self.organization = service.organization
        self.places = service_places(service)
        numbers = set()
        self.phones = []
        for phone in [*service.phones.all(), *service.organization.phones.all()]:
            if phone.number not in numbers:
                numbers.add(phone.number)
                self.phones.append(phone)


@require_GET
def directory(request):
    services = list(public_services())
    categories = list(TaxonomyTerm.objects.filter(taxonomy="rohnamo"))
    category = next((c for c in categories if c.code == request.GET.get("category")), None)
    places = place_choices(services)
    allowed = {value for group in places for value, _label in group.options}
    place = request.GET.get("place", "")
    place = place if place in allowed else ""
    query = request.GET.get("q", "").strip()[:200]
    found = find_services(services, query=query, category=category, place=place)
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/directory.html",
        {
            "page": page,
            "entries": [Entry(service) for service in page],
            "categories": categories,
            "category": category,
            "places": places,
            "place": place,
            "query": query,
        },
    )


@require_GET
def directory_service(request, pk):
    service = get_object_or_404(public_services(), pk=pk)
    return render(request, "portal/directory_service.html", {"entry": Entry(service)})
