"""Case work for staff: the worklist, opening a case, the case page and its actions."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.cases import attachments, sla
from rohnamo.cases.choices import OPEN_STATUSES, TRANSITIONS, CaseStatus
from rohnamo.cases.forms.cases import (
    AssignForm,
    AttachmentForm,
    CaseFilterForm,
    CaseForm,
    NoteForm,
    RestrictForm,
    StatusForm,
    TaskForm,
)
from rohnamo.cases.queries import by_urgency, case_for, cases_visible_to
from rohnamo.cases.services import cases as services
from rohnamo.core.models import User
from rohnamo.core.queries import offices_of
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.queries import visitors_visible_to
from rohnamo.lib.forms import add_service_errors


@staff_with("cases.view_case")
def case_list(request):
    """Open cases, the most urgent first, coloured red, amber or green."""
    filters = CaseFilterForm(request.GET or None)
    cases = cases_visible_to(request.user)
    data = filters.cleaned_data if filters.is_valid() else {}
    status = data.get("status")
    if not status:
        cases = cases.filter(status__in=OPEN_STATUSES)
    elif status != "all":
        cases = cases.filter(status=status)
    if data.get("category"):
        cases = cases.filter(category=data["category"])
    if data.get("mine"):
        cases = cases.filter(assigned_to=request.user)
    now = timezone.now()
    page = Paginator(by_urgency(cases, now), 50).get_page(request.GET.get("page"))
    for case in page:
        case.sla = sla.sla_state(case, now)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {"page": page, "filters": filters, "query": query.urlencode()},
    )


@staff_with("cases.add_case")
def case_new(request):
    """A case opened by staff; from a visitor's page the visitor becomes its client."""
    visitor = None
    if request.GET.get("visitor", "").isdigit():
        visitor = get_object_or_404(visitors_visible_to(request.user), pk=request.GET["visitor"])
    form = CaseForm(request.POST or None, offices=offices_of(request.user))
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if value is not None}
        try:
            clients = [visitor] if visitor else []
            case = services.open_case(actor=request.user, clients=clients, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Case %(code)s opened.") % {"code": case.tracking_code})
            return redirect("cases:case", pk=case.pk)
    return render(request, "cases/case_form.html", {"form": form, "visitor": visitor})


def _team(case):
    return User.objects.filter(memberships__office=case.office, is_active=True).order_by(
        "first_name", "username"
    )


def _status_choices(case):
    return [(status, status.label) for status in CaseStatus if status in TRANSITIONS[case.status]]


@staff_with("cases.view_case")
def case_detail(request, pk):
    case = case_for(request.user, pk)
    entries = case.entries.select_related("author")
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "sla": sla.sla_state(case),
            "entries": entries,
            "tasks": case.tasks.select_related("assigned_to"),
            "attachments": case.attachments.all(),
            "referrals": case.referrals.select_related("service", "organization"),
            "clients": case.clients.select_related("visitor"),
            "status_form": StatusForm(choices=_status_choices(case)),
            "assign_form": AssignForm(initial={"worker": case.assigned_to_id}, team=_team(case)),
            "note_form": NoteForm(),
            "task_form": TaskForm(),
            "restrict_form": RestrictForm(),
            "attachment_form": AttachmentForm(),
        },
    )


def _change_status(actor, case, data):
    services.change_status(
        actor=actor,
        case=case,
        status=data["status"],
        reason=data["reason"],
        public_message=data["public_message"] or None,
    )


def _toggle_restricted(actor, case, data):
    services.set_restricted(
        actor=actor, case=case, restricted=not case.is_restricted, reason=data["reason"]
    )


# action name → (the form for the POST, what to do with its data)
ACTIONS = {
    "status": (
        lambda request, case: StatusForm(request.POST, choices=_status_choices(case)),
        _change_status,
    ),
    "assign": (
        lambda request, case: AssignForm(request.POST, team=_team(case)),
        lambda actor, case, data: services.assign(actor=actor, case=case, worker=data["worker"]),
    ),
    "note": (
        lambda request, case: NoteForm(request.POST),
        lambda actor, case, data: services.add_note(actor=actor, case=case, text=data["text"]),
    ),
    "task": (
        lambda request, case: TaskForm(request.POST),
        lambda actor, case, data: services.add_task(actor=actor, case=case, **data),
    ),
    "restrict": (lambda request, case: RestrictForm(request.POST), _toggle_restricted),
    "attach": (
        lambda request, case: AttachmentForm(request.POST, request.FILES),
        lambda actor, case, data: attachments.add_attachment(
            actor=actor, case=case, upload=data["file"]
        ),
    ),
}


@require_POST
@staff_with("cases.change_case")
def case_action(request, pk, action):
    case = case_for(request.user, pk)
    if action not in ACTIONS:
        raise Http404
    make_form, run = ACTIONS[action]
    form = make_form(request, case)
    if form.is_valid():
        try:
            run(request.user, case, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Saved."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("cases:case", pk=case.pk)


@require_POST
@staff_with("cases.change_case")
def task_done(request, pk, task_pk):
    case = case_for(request.user, pk)
    task = get_object_or_404(case.tasks, pk=task_pk)
    services.complete_task(actor=request.user, task=task)
    return redirect("cases:case", pk=case.pk)


@staff_with("cases.view_case")
def attachment_download(request, pk, attachment_pk):
    """A document, after the same check as its case (and the same audit for restricted ones)."""
    case = case_for(request.user, pk)
    attachment = get_object_or_404(case.attachments, pk=attachment_pk)
    response = FileResponse(
        io.BytesIO(attachments.read_attachment(attachment)),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )
    response["Cache-Control"] = "no-store"
    return response
