from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core.forms import AuditFilterForm
from rohnamo.core.jobs import start_job
from rohnamo.core.queries import audit_entries_visible_to
from rohnamo.core.roles import is_administrator


def _administrators_only(request):
    if not is_administrator(request.user):
        raise Http404


def audit_log(request):
    _administrators_only(request)
    form = AuditFilterForm(request.GET or None)
    entries = audit_entries_visible_to(request.user)
    if form.is_bound:
        entries = form.filter(entries)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "staff/audit_log.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@require_POST
def audit_export(request):
    _administrators_only(request)
    form = AuditFilterForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Check the filters: %(errors)s") % {"errors": form.errors.as_text()}
        )
        return redirect("staff:audit")
    filters = {name: value for name, value in request.POST.items() if name in form.fields and value}
    job = start_job(actor=request.user, kind="audit_export", params=filters)
    return redirect("staff:job", pk=job.pk)
