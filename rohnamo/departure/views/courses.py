"""Staff pages of orientation courses: the list, scheduling and editing, the course page
(sessions, enrolments with the waiting list, enrolling at the desk), the attendance sheet,
issuing certificates, the certificate list with printing and revoking, and the report."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.periods import current_quarter, parse_period
from rohnamo.departure.courses import certificates as codes
from rohnamo.departure.courses import issuing, queries, reports, services
from rohnamo.departure.courses.choices import EnrolmentChannel, EnrolmentStatus
from rohnamo.departure.courses.enrolment import cancel_enrolment, enrol, enrolment_message
from rohnamo.departure.courses.forms import (
    AttendanceForm,
    CourseForm,
    DeskEnrolmentForm,
    RevokeForm,
    SessionForm,
)
from rohnamo.lib.forms import add_service_errors

VIEW = "departure.view_course"


@staff_with(VIEW)
def course_list(request):
    upcoming, past = queries.course_list(request.user)
    return render(
        request,
        "departure/course_list.html",
        {"upcoming": upcoming, "past": past, "may_add": may(request.user, "departure.add_course")},
    )


@staff_with("departure.add_course")
@require_http_methods(["GET", "POST"])
def course_new(request):
    form = CourseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.schedule_course(
                actor=request.user,
                office=form.cleaned_data["office"],
                trainers=form.cleaned_data["trainers"],
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The course was scheduled."))
            return redirect("departure:course", pk=course.pk)
    return render(request, "departure/course_form.html", {"form": form, "course": None})


@staff_with("departure.change_course")
@require_http_methods(["GET", "POST"])
def course_edit(request, pk):
    course = queries.course_for(request.user, pk)
    form = CourseForm(request.POST or None, instance=course, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_course(
                actor=request.user,
                course=queries.course_for(request.user, pk),
                trainers=form.cleaned_data["trainers"],
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The course was saved."))
            return redirect("departure:course", pk=course.pk)
    return render(request, "departure/course_form.html", {"form": form, "course": course})


def _course_page(request, course, *, session_form=None, enrol_form=None, status=200):
    runs = queries.may_run(request.user, course)
    enrolments = queries.enrolments_of(course)
    waiting = [each for each in enrolments if each.status == EnrolmentStatus.WAITING]
    return render(
        request,
        "departure/course_detail.html",
        {
            "course": course,
            "sessions": list(queries.sessions_of(course)),
            "enrolled": [each for each in enrolments if each.status == EnrolmentStatus.ENROLLED],
            "waiting": waiting,
            "cancelled": [each for each in enrolments if each.status == EnrolmentStatus.CANCELLED],
            "trainers": list(course.trainers.all()),
            "runs": runs,
            "session_form": session_form or SessionForm(),
            "enrol_form": enrol_form or DeskEnrolmentForm(),
        },
        status=status,
    )


@staff_with(VIEW)
def course_detail(request, pk):
    return _course_page(request, queries.course_for(request.user, pk))


@staff_with("departure.change_course")
@require_POST
def session_add(request, pk):
    course = queries.course_for(request.user, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.add_session(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session was added."))
            return redirect("departure:course", pk=course.pk)
    return _course_page(request, course, session_form=form, status=400)


@staff_with("departure.add_enrolment")
@require_POST
def enrol_at_desk(request, pk):
    course = queries.course_for(request.user, pk)
    form = DeskEnrolmentForm(request.POST)
    if form.is_valid():
        try:
            enrolment = enrol(
                course=course, actor=request.user, channel=EnrolmentChannel.DESK,
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, enrolment_message(enrolment))
            return redirect("departure:course", pk=course.pk)
    return _course_page(request, course, enrol_form=form, status=400)


@staff_with("departure.change_enrolment")
@require_POST
def enrolment_cancel(request, pk, enrolment_pk):
    course = queries.course_for(request.user, pk)
    enrolment = get_object_or_404(course.enrolments, pk=enrolment_pk)
    try:
        promoted = cancel_enrolment(enrolment=enrolment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if promoted is not None:
            messages.success(
                request,
                _(
                    "The enrolment was cancelled; %(name)s moved from the waiting list "
                    "into the seat."
                )
                % {"name": promoted.full_name},
            )
        else:
            messages.success(request, _("The enrolment was cancelled."))
    return redirect("departure:course", pk=course.pk)


@staff_with("departure.add_attendance")
@require_http_methods(["GET", "POST"])
def attendance(request, pk):
    course = queries.course_for(request.user, pk)
    if not queries.may_run(request.user, course):
        raise Http404
    enrolled = list(queries.enrolled_in(course))
    sessions = list(queries.sessions_of(course))
    if request.method == "POST":
        form = AttendanceForm(request.POST, course=course, enrolled=enrolled)
        if form.is_valid():
            session = form.cleaned_data["session"]
            try:
                count = issuing.mark_attendance(
                    session=session,
                    course=course,
                    present_ids=form.cleaned_data["present"],
                    actor=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Attendance saved: %(count)d present on %(date)s.")
                    % {"count": count, "date": session.date.isoformat()},
                )
                return redirect(f"{request.path}?session={session.pk}")
        status = 400
    else:
        chosen = _chosen_session(request, sessions)
        present = [str(pk) for pk in _present_ids(chosen)] if chosen else []
        initial = {"session": chosen.pk if chosen else None, "present": present}
        form = AttendanceForm(initial=initial, course=course, enrolled=enrolled)
        status = 200
    return render(
        request,
        "departure/course_attendance.html",
        {"course": course, "form": form, "sessions": sessions, "enrolled": enrolled},
        status=status,
    )


def _chosen_session(request, sessions):
    wanted = request.GET.get("session", "")
    for session in sessions:
        if str(session.pk) == wanted:
            return session
    return sessions[0] if sessions else None


def _present_ids(session):
    return session.attendance.filter(present=True).values_list("enrolment_id", flat=True)


@staff_with(VIEW)
@require_http_methods(["GET", "POST"])
def certificate_list(request, pk):
    course = queries.course_for(request.user, pk)
    result = None
    if request.method == "POST":
        if not may(request.user, "departure.add_certificate"):
            raise Http404
        try:
            result = issuing.issue_certificates(course=course, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    certificates = list(
        queries.certificates_visible_to(request.user, course).order_by("enrolment__full_name")
    )
    return render(
        request,
        "departure/course_certificates.html",
        {
            "course": course,
            "certificates": certificates,
            "result": result,
            "revoke_form": RevokeForm(),
            "may_issue": may(request.user, "departure.add_certificate"),
            "may_revoke": may(request.user, "departure.revoke_certificate"),
        },
    )


@staff_with("departure.revoke_certificate")
@require_POST
def certificate_revoke(request, certificate_pk):
    certificate = queries.certificate_for(request.user, certificate_pk)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            issuing.revoke_certificate(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Certificate %(code)s was revoked.") % {"code": certificate.display_code},
            )
    else:
        messages.error(request, _("Write why the certificate is revoked."))
    return redirect("departure:course_certificates", pk=certificate.enrolment.course_id)


@staff_with(VIEW)
def certificate_print(request, certificate_pk):
    certificate = queries.certificate_for(request.user, certificate_pk)
    if certificate.is_revoked:
        raise Http404
    return render(
        request,
        "departure/course_certificate_print.html",
        {
            "certificate": certificate,
            "course": certificate.enrolment.course,
            "code": certificate.display_code,
            "url": codes.verification_url(certificate.code),
            "qr": codes.qr_svg(certificate.code),
        },
    )


@staff_with(VIEW)
def course_report(request):
    error = None
    try:
        period = parse_period(request.GET["period"]) if request.GET.get("period") else None
    except ValidationError as refused:
        period, error = None, " ".join(refused.messages)
    period = period or current_quarter()
    report = reports.course_report(request.user, period)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="courses-{period.key}.csv"'
        response.write("\ufeff")
        csv.writer(response).writerows(reports.report_rows(report))
        return response
    return render(
        request,
        "departure/course_report.html",
        {
            "report": report,
            "period": period,
            "error": error,
            "earlier": period.shifted(-1),
            "later": period.shifted(1),
        },
    )
