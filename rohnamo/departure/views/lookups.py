"""The abuse review of public checks: counts and repeated hashes, never an identity."""

from django.http import Http404
from django.shortcuts import render

from rohnamo.core.views.access import staff_with
from rohnamo.departure.queries import lookup_review


@staff_with("departure.view_lookup")
def lookups(request):
    review = lookup_review(request.user)
    if review is None:
        raise Http404
    return render(request, "departure/lookups.html", {"review": review})
