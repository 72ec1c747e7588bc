"""Staff pages of received lists: the versions with the upload form, one version, its report,
deleting a version.

The import runs as a background job (``rohnamo.departure.lists.job``): the upload is stored,
the officer is sent to the job page and watches it count the rows.
"""

import uuid
from pathlib import Path

from django.contrib import messages
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rohnamo.core.jobs import start_job
from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.departure.forms import MAX_BYTES, TOO_LARGE, ListUploadForm
from rohnamo.departure.lists.columns import column_help
from rohnamo.departure.lists.job import UPLOAD_FOLDER
from rohnamo.departure.lists.removal import delete_list
from rohnamo.departure.matching import newest_versions
from rohnamo.departure.queries import received_lists
from rohnamo.lib.http import declared_size

# The form's other fields and the multipart framing add a few kilobytes to the file.
MAX_REQUEST_BYTES = MAX_BYTES + 1024 * 1024


@staff_with("departure.view_banlist")
@require_http_methods(["GET", "POST"])
def lists(request):
    may_add = may(request.user, "departure.add_banlist")
    if may_add and request.method == "POST" and declared_size(request) > MAX_REQUEST_BYTES:
        # Refused before the body is read: a 2 GB upload never reaches the disk.
        messages.error(request, TOO_LARGE)
        return redirect("departure:lists")
    form = ListUploadForm(request.POST or None, request.FILES or None) if may_add else None
    if request.method == "POST":
        if not may_add:
            raise Http404
        if form.is_valid():
            return redirect("staff:job", pk=_start_import(request, form).pk)
    current = {each.pk for each in newest_versions()}
    return render(
        request,
        "departure/list_index.html",
        {
            "lists": received_lists(request.user),
            "current": current,
            "form": form,
            "columns": column_help(),
        },
    )


def _start_import(request, form):
    upload = form.cleaned_data["file"]
    suffix = Path(upload.name).suffix.lower()
    stored = default_storage.save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}{suffix}", upload)
    data = form.cleaned_data
    return start_job(
        actor=request.user,
        kind="departure_list_import",
        params={
            "upload": stored,
            "file_name": Path(upload.name).name,
            "country": data["country"].pk,
            "kind": data["kind"],
            "name": data["name"],
            "received_on": data["received_on"].isoformat(),
            "language": get_language(),
        },
    )


def _list_or_404(request, pk):
    return get_object_or_404(received_lists(request.user), pk=pk)


@staff_with("departure.view_banlist")
def list_detail(request, pk):
    ban_list = _list_or_404(request, pk)
    current = ban_list.pk in {each.pk for each in newest_versions()}
    return render(
        request,
        "departure/list_detail.html",
        {
            "ban_list": ban_list,
            "current": current,
            "may_delete": may(request.user, "departure.delete_banlist"),
        },
    )


@staff_with("departure.view_banlist")
def list_report(request, pk):
    ban_list = _list_or_404(request, pk)
    if not ban_list.report:
        raise Http404
    return FileResponse(
        ban_list.report.open("rb"),
        as_attachment=True,
        filename=f"list-{ban_list.pk}-report.csv",
        content_type="text/csv",
    )


@staff_with("departure.delete_banlist")
@require_http_methods(["GET", "POST"])
def list_delete(request, pk):
    ban_list = _list_or_404(request, pk)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        delete_list(actor=request.user, ban_list=ban_list)
        messages.success(request, _("The list version was deleted."))
        return redirect("departure:lists")
    return render(request, "departure/list_delete.html", {"ban_list": ban_list})
