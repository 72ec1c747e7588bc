"""Public "Can I travel?": is this person on an entry-ban or controlled-persons list?

A POST form (with the CSRF token), answered on the same response: the passport number, name and
date of birth never appear in an address, which browsers, proxies and server logs keep. The
answer speaks only about the identity asked for; the page is never cached.
"""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rohnamo.core.queries import public_offices
from rohnamo.departure.alerts.forms import AlertSubscribeForm
from rohnamo.departure.forms import TravelCheckForm
from rohnamo.departure.privacy import TooManyChecks, private_check
from rohnamo.lib.http import client_ip


@never_cache
@require_http_methods(["GET", "POST"])
def check(request):
    form = TravelCheckForm(request.POST or None)
    context, status = {"form": form}, 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            context["result"] = private_check(
                birth_date=data["birth_date"],
                address=client_ip(request) or "unknown",
                passport=data["passport"],
                surname=data["surname"],
                given_name=data["given_name"],
                patronymic=data["patronymic"],
            )
        except TooManyChecks as refused:
            context["refused"], status = refused.message, 429
        else:
            # The answer replaces the form: nothing typed stays on the page for the next reader.
            context["form"] = TravelCheckForm()
            context["alert_form"] = AlertSubscribeForm()
        context["hotlines"] = [office for office in public_offices() if office.hotline]
    return render(request, "portal/travel_check.html", context, status=status)
