"""Public orientation courses and the certificate check.

Enrolling and verifying are limited per address (``rohnamo.lib.ratelimit``): enrolments so one
connection cannot fill a course's seats, lookups so certificate codes cannot be enumerated. The
check page never shows birth year, phone or district, and the holder's name only masked.
"""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from rohnamo.departure.courses import queries
from rohnamo.departure.courses.certificates import TooManyLookups, verify
from rohnamo.departure.courses.choices import EnrolmentChannel
from rohnamo.departure.courses.enrolment import enrol, enrolment_message
from rohnamo.departure.courses.forms import CodeForm, PersonForm
from rohnamo.lib import ratelimit
from rohnamo.lib.codes import plain_code
from rohnamo.lib.forms import add_service_errors
from rohnamo.lib.http import client_ip
from rohnamo.lib.ratelimit import DAY, HOUR, Rate

ENROL_RATES = (Rate(5, HOUR), Rate(20, DAY))
_ENROL_SCOPE = "course-enrolment"


def _address(request):
    return client_ip(request) or "unknown"


@require_GET
def course_list(request):
    return render(request, "portal/course_list.html", {"courses": queries.public_courses()})


@never_cache
@require_http_methods(["GET", "POST"])
def course_page(request, pk):
    course = queries.public_course(pk)
    form = PersonForm(request.POST or None)
    context, status = {"course": course, "sessions": queries.sessions_of(course)}, 200
    if request.method == "POST":
        address = _address(request)
        if ratelimit.exceeded(_ENROL_SCOPE, address, ENROL_RATES):
            context["refused"] = _(
                "Too many enrolments were sent from your connection. Please try again later "
                "or enrol at the centre."
            )
            status = 429
        elif form.is_valid():
            ratelimit.hit(_ENROL_SCOPE, address, ENROL_RATES)
            try:
                enrolment = enrol(
                    course=course, channel=EnrolmentChannel.ONLINE, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                context["message"] = enrolment_message(enrolment)
                context["waiting"] = enrolment.status == "waiting"
                form = PersonForm()
                course = queries.public_course(pk)
                context["course"] = course
        else:
            status = 400
    context["form"] = form
    return render(request, "portal/course_detail.html", context, status=status)


@require_GET
def certificate_check(request):
    """The form to type a code; a typed code goes to the certificate's own address."""
    form = CodeForm(request.GET or None)
    if request.GET and form.is_valid():
        return redirect("portal:certificate", code=form.cleaned_data["code"])
    return render(request, "portal/certificate_check.html", {"form": form})


@never_cache
@require_GET
def certificate(request, code):
    context = {"form": CodeForm(initial={"code": code}), "asked": plain_code(code)}
    try:
        answer = verify(code, address=_address(request))
    except TooManyLookups:
        context["refused"] = _(
            "Too many certificates were checked from your connection. Please try again in an hour."
        )
        return render(request, "portal/certificate.html", context, status=429)
    context["answer"] = answer
    return render(request, "portal/certificate.html", context, status=200 if answer else 404)
