"""Public alerts of "Can I travel?": subscribe to be told about a newer list, and stop.

Subscribing is a POST of its own: the check's answer page keeps nothing typed, so the form asks
for the identity again. Like the check, it is limited per client address. Stopping by the link
in a message shows a button first (GET changes nothing: link previews in messengers open it).
"""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rohnamo.departure.alerts.choices import EndReason
from rohnamo.departure.alerts.forms import AlertSubscribeForm
from rohnamo.departure.alerts.subscriptions import (
    check_subscribe_rate,
    end_subscription,
    subscribe,
    subscription_for_token,
)
from rohnamo.departure.privacy import TooManyChecks
from rohnamo.lib.forms import add_service_errors
from rohnamo.lib.http import client_ip


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe_page(request):
    form = AlertSubscribeForm(request.POST or None)
    context, status = {"alert_form": form}, 200
    if request.method == "POST":
        try:
            check_subscribe_rate(client_ip(request) or "unknown")
        except TooManyChecks as refused:
            context["refused"], status = refused.message, 429
        else:
            if form.is_valid():
                status = _subscribe(request, form, context)
    return render(request, "portal/travel_alerts.html", context, status=status)


def _subscribe(request, form, context):
    data = form.cleaned_data
    try:
        _subscription, created = subscribe(
            birth_date=data["birth_date"],
            passport=data["passport"],
            surname=data["surname"],
            given_name=data["given_name"],
            phone=data["phone"],
            channel=data["channel"],
            language=translation.get_language(),
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return 200
    context["subscribed"], context["created"] = True, created
    # Nothing typed stays on the page for the next reader.
    context["alert_form"] = None
    return 200


@never_cache
@require_http_methods(["GET", "POST"])
def stop_page(request, token):
    subscription = subscription_for_token(token)
    context = {"subscription": subscription, "token": token}
    if subscription is None:
        return render(request, "portal/travel_alerts_stop.html", context, status=404)
    if request.method == "POST" and subscription.is_active:
        end_subscription(subscription=subscription, reason=EndReason.LINK)
        context["stopped"] = True
    return render(request, "portal/travel_alerts_stop.html", context)
