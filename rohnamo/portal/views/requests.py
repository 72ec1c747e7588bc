"""Public "Ask for help / complain" and "Check my request": no account, no JavaScript.

The tracking code and PIN are shown once, on the page the form redirects to; they are never put in
an address (which browsers, proxies and logs keep) and the pages are never cached.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from rohnamo.cases.services.cases import open_case_from_public
from rohnamo.cases.services.tracking import (
    TooManyAttempts,
    TrackingRefused,
    check_request,
    public_status,
)
from rohnamo.core.models import Office
from rohnamo.core.queries import public_offices
from rohnamo.lib.forms import add_service_errors
from rohnamo.lib.http import client_ip
from rohnamo.portal import antispam
from rohnamo.portal.request_forms import AskForm, TrackForm

# Where the code and PIN wait in the session between the POST and the page that shows them.
_RESULT = "portal.request.sent"


def _address(request):
    return client_ip(request) or "unknown"


@never_cache
@require_http_methods(["GET", "POST"])
def ask(request):
    if request.method == "POST" and antispam.too_many_requests(_address(request)):
        # Shown back unbound: what they wrote stays on the page, without field errors.
        form = AskForm(initial=request.POST.dict())
        refused = _(
            "Too many requests were sent from your connection. Please try again in an hour, "
            "or call the hotline."
        )
        response = _form_page(request, form, refused=refused, status=429)
        response["Retry-After"] = "3600"
        return response
    # A link may choose the kind and category beforehand ("complain about an agency").
    preset = {name: request.GET[name] for name in ("kind", "category") if name in request.GET}
    form = AskForm(request.POST or None, initial=preset)
    if request.method == "POST" and form.is_valid():
        nonce = form.cleaned_data["nonce"]
        if not antispam.claim(nonce):
            # The same form sent again (a double tap on a slow line, a reload): one case only,
            # and this answer shows its code and PIN too.
            result = antispam.result_of(nonce)
            if result is None:
                return _form_page(request, form, refused=_already_sent())
            return _show_once(request, result)
        try:
            case, pin = open_case_from_public(**form.case_fields())
        except ValidationError as error:
            antispam.release(nonce)
            add_service_errors(form, error)
        else:
            antispam.count_request(_address(request))
            result = {
                "code": case.tracking_code,
                "pin": pin,
                "office": case.office_id,
                "nonce": nonce,
            }
            antispam.remember_result(nonce, result)
            return _show_once(request, result)
    return _form_page(request, form)


def _already_sent():
    return _(
        "This form has already been sent. If you did not see your tracking code and PIN, "
        "call the hotline."
    )


def _show_once(request, result):
    request.session[_RESULT] = result
    return redirect("portal:ask_sent")


def _form_page(request, form, *, refused="", status=200):
    # Every showing of the form gets a fresh token: its clock starts when the page is shown.
    context = {"form": form, "token": antispam.new_token(), "refused": refused}
    if refused:
        context["hotlines"] = [office for office in public_offices() if office.hotline]
    return render(request, "portal/request_form.html", context, status=status)


def _hotline(office_id):
    """The answering office and the number to call: its hotline, else the centre's."""
    office = Office.objects.filter(pk=office_id, is_public=True).first()
    if office is not None and (office.hotline or office.phone):
        return office, office.hotline or office.phone
    offices = public_offices()
    centre = next((each for each in offices if each.kind == "centre"), None)
    if centre is not None:
        return centre, centre.hotline or centre.phone
    return None, ""


@never_cache
@require_GET
def ask_sent(request):
    result = request.session.pop(_RESULT, None)
    context = {"result": result}
    if result:
        antispam.forget_result(result["nonce"])
        context["office"], context["hotline"] = _hotline(result["office"])
    return render(request, "portal/request_sent.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def track(request):
    status, shown = 200, None
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case = check_request(
                code=form.cleaned_data["code"],
                pin=form.cleaned_data["pin"],
                address=_address(request),
            )
        except TrackingRefused as refused:
            form.add_error(None, refused.message)
            status = 429 if isinstance(refused, TooManyAttempts) else 200
        else:
            shown = public_status(case)
            form = TrackForm()
    return render(request, "portal/track.html", {"form": form, "shown": shown}, status=status)
