"""Uploading a vacancy sheet: the import runs in the background and reports on the job page."""

import uuid
from pathlib import Path

from django import forms
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rohnamo.core.jobs import start_job
from rohnamo.core.queries import jobs_visible_to
from rohnamo.core.views.access import staff_with
from rohnamo.recruitment import jobs  # noqa: F401 - registers the "vacancy_import" job kind
from rohnamo.recruitment.imports.columns import column_help
from rohnamo.recruitment.imports.files import template_workbook

# Uploads wait here, outside the web root, until the import job has read them.
UPLOAD_FOLDER = "vacancy-imports"
MAX_BYTES = 20 * 1024 * 1024
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Vacancy file"),
        help_text=_("CSV (UTF-8, comma or semicolon) or XLSX with the template's header row."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        if Path(upload.name).suffix.lower() not in {".csv", ".xlsx", ".txt"}:
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload


@staff_with("recruitment.add_vacancy")
def import_form(request):
    """Upload a vacancy sheet; the person is sent to the job page to watch it."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        stored = default_storage.save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}{suffix}", upload)
        job = start_job(
            actor=request.user,
            kind="vacancy_import",
            params={"upload": stored, "language": get_language()},
        )
        return redirect("staff:job", pk=job.pk)
    earlier = jobs_visible_to(request.user).filter(kind="vacancy_import")[:10]
    return render(
        request,
        "recruitment/import_form.html",
        {"form": form, "columns": column_help(), "jobs": earlier},
    )


@staff_with("recruitment.add_vacancy")
def import_template(request):
    """The XLSX template: the header row, one example row and a sheet explaining the columns."""
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="rohnamo-vacancies-template.xlsx"'
    return response
