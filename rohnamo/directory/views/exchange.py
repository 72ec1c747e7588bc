"""Exchanging the directory as HSDS 3.0: upload a file to import, download the exports."""

import json
import uuid
from functools import wraps
from pathlib import Path

from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.jobs import start_job
from rohnamo.core.views.access import staff_with
from rohnamo.directory.forms import ImportForm
from rohnamo.directory.hsds.export import export_organizations, with_related
from rohnamo.directory.hsds.package import export_package
from rohnamo.directory.models import Organization

# Uploads wait here, outside the web root, until the import job has read them.
UPLOAD_FOLDER = "hsds-imports"


# Importing creates and changes organisations and services alike.
IMPORT_PERMISSIONS = (
    "directory.add_organization",
    "directory.change_organization",
    "directory.add_service",
    "directory.change_service",
)


def _can_import(view):
    @staff_with("directory.add_organization")
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perms(IMPORT_PERMISSIONS):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


@_can_import
def import_form(request):
    """Upload an HSDS file; the import runs in the background and reports on the job page."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()[:10]
        stored = default_storage.save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}{suffix}", upload)
        job = start_job(
            actor=request.user,
            kind="hsds_import",
            params={
                "upload": stored,
                "publish": form.cleaned_data["publish"],
                "language": get_language(),
            },
        )
        return redirect("staff:job", pk=job.pk)
    return render(request, "directory/import_form.html", {"form": form})


def _exported(request):
    organizations = with_related(Organization.objects.order_by("name", "id"))
    records = export_organizations(organizations)
    audit.record(actor=request.user, action=AuditAction.EXPORT, label="HSDS")
    return records


def _download(content, content_type, extension):
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="rohnamo-directory-{stamp}.{extension}"'
    )
    return response


@staff_with("directory.view_organization")
def export_json(request):
    """The whole directory as HSDS JSON: a list of fully nested organisations."""
    content = json.dumps(_exported(request), ensure_ascii=False, indent=1)
    return _download(content.encode(), "application/json", "json")


@staff_with("directory.view_organization")
def export_zip(request):
    """The whole directory as the HSDS CSV data package (a zip)."""
    return _download(export_package(_exported(request)), "application/zip", "zip")
