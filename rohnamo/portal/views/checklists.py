"""Public pre-departure checklists: choose where and why, tick items off, come back by code.

Plain POST forms, no JavaScript, no account. The code in the address is the only key to a list,
so its pages are never cached.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from rohnamo.departure.checklists.codes import spaced
from rohnamo.departure.checklists.forms import OpenForm, StartForm
from rohnamo.departure.checklists.personal import open_checklist, save_ticks, start_checklist
from rohnamo.departure.checklists.queries import checklist_rows, public_templates
from rohnamo.lib.codes import plain_code
from rohnamo.lib.forms import add_service_errors
from rohnamo.lib.http import client_ip


@never_cache
@require_http_methods(["GET", "POST"])
def start(request):
    creating = request.method == "POST" and "create" in request.POST
    opening = request.method == "POST" and not creating
    start_form = StartForm(request.POST if creating else None)
    open_form = OpenForm(request.POST if opening else None, prefix="open")
    status = 200
    if creating and start_form.is_valid():
        template = get_object_or_404(public_templates(), pk=start_form.cleaned_data["template"])
        try:
            checklist = start_checklist(
                template=template, language=get_language(), address=client_ip(request)
            )
        except ValidationError as error:
            add_service_errors(start_form, error)
            status = 429
        else:
            return redirect("portal:checklist", code=checklist.code)
    if opening and open_form.is_valid():
        try:
            checklist = open_checklist(
                code=open_form.cleaned_data["code"], address=client_ip(request)
            )
        except ValidationError as error:
            add_service_errors(open_form, error)
            status = 429
        else:
            if checklist is not None:
                return redirect("portal:checklist", code=checklist.code)
            open_form.add_error(
                "code",
                _("No checklist has this code. Check the 8 letters and digits you wrote down."),
            )
    return render(
        request,
        "portal/checklist_start.html",
        {"start_form": start_form, "open_form": open_form},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def checklist(request, code):
    canonical = plain_code(code)
    if canonical != code:
        return redirect("portal:checklist", code=canonical)
    try:
        personal = open_checklist(code=code, address=client_ip(request))
    except ValidationError:
        personal = None
    if personal is None:
        raise Http404
    if request.method == "POST":
        save_ticks(checklist=personal, item_ids=request.POST.getlist("item"))
        return redirect(f"{request.path}?saved=1")
    rows = checklist_rows(personal)
    printing = request.GET.get("print") == "1"
    return render(
        request,
        "portal/checklist_print.html" if printing else "portal/checklist_detail.html",
        {
            "checklist": personal,
            "template": personal.template,
            "code": spaced(personal.code),
            "rows": rows,
            "done": sum(row.ticked for row in rows),
            "saved": request.GET.get("saved") == "1",
        },
    )
