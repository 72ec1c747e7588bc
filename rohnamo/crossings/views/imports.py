"""Border-card imports: upload (with a mapping step for unknown headers), the list of imports,
an import's page with its report and roll-back, and the crossing points to confirm.

The import itself runs in the background (``jobs.crossing_import``); these views only store the
upload and start it.
"""

import uuid
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.jobs import start_job
from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.crossings import jobs  # noqa: F401 - registers the "crossing_import" job kind
from rohnamo.crossings.choices import BatchStatus
from rohnamo.crossings.imports.columns import COLUMNS, column_help
from rohnamo.crossings.imports.files import UnreadableFile, read_header
from rohnamo.crossings.imports.importer import map_header
from rohnamo.crossings.imports.points import update_point
from rohnamo.crossings.imports.report import failure_messages
from rohnamo.crossings.imports.sources import find_source, remember_mapping
from rohnamo.crossings.models import CardSource, CrossingPoint
from rohnamo.crossings.queries import batches_visible_to, points_visible_to
from rohnamo.crossings.services.batches import roll_back_batch
from rohnamo.lib.http import declared_size

# Uploads wait here, outside the web root, until the import job has read them.
UPLOAD_FOLDER = "crossing-imports"
# A month of cards from the busiest point is far below this; a bigger file is split, or
# imported on the server with ``manage.py import_crossings``, which has no limit.
MAX_UPLOAD_BYTES = 500 * 1024 * 1024
# The form's other fields and the multipart framing add a few kilobytes to the file.
MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024
SUFFIXES = {".csv", ".txt", ".xlsx"}
MAPPING_SALT = "crossings.import-mapping"
# A mapping step left unfinished for longer must start again with the upload.
MAPPING_MAX_AGE = 24 * 3600
PER_PAGE = 50


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File of border cards"),
        help_text=gettext_lazy(
            "CSV (UTF-8 or Windows-1251; commas, semicolons or tabs) or XLSX, up to 500 MB, "
            "with the documented header row."
        ),
    )
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=CardSource._meta.get_field("name").max_length,
        required=False,
        widget=forms.TextInput(attrs={"list": "card-sources"}),
        help_text=gettext_lazy(
            "Where the file comes from, e.g. “Dushanbe airport”. The column mapping of a file "
            "with its own headers is remembered under this name."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "The file is %(size)s; the limit is 500 MB. Split it into smaller files "
                    "(by month or by crossing point), or ask the administrator to import it on "
                    "the server."
                )
                % {"size": filesizeformat(upload.size)}
            )
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(_("Upload a CSV or XLSX file."))
        return upload


class MappingForm(forms.Form):
    """For each header the file has and the documented ones do not, the column it holds."""

    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=CardSource._meta.get_field("name").max_length,
        help_text=gettext_lazy("The mapping is remembered under this name for the next file."),
    )

    def __init__(self, *args, headers, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [("", _("— not card data, leave it out —")), *[(c, c) for c in COLUMNS]]
        for index, header in enumerate(headers):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=header, choices=choices, required=False
            )

    def mapping(self):
        return {
            header: self.cleaned_data[f"column_{index}"]
            for index, header in enumerate(self.headers)
        }


class RollbackForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, delete the cards of this import"), required=True
    )


class PointForm(forms.ModelForm):
    class Meta:
        model = CrossingPoint
        fields = ["name_tg", "name_ru", "name_en", "kind"]


@staff_with("crossings.view_importbatch")
def import_list(request):
    """The imports, newest first, and the upload form; an upload with unknown headers goes
    through the mapping step first."""
    may_upload = may(request.user, "crossings.add_importbatch")
    if may_upload and request.method == "POST" and declared_size(request) > MAX_REQUEST_BYTES:
        # Refused before the body is read: a 2 GB upload never reaches the disk.
        messages.error(request, _("The file is larger than 500 MB. Split it into smaller files "
                                  "(by month or by crossing point), or ask the administrator to "
                                  "import it on the server."))  # fmt: skip
        return redirect("crossings:imports")
    form = UploadForm(request.POST or None, request.FILES or None) if may_upload else None
    if request.method == "POST":
        if not may_upload:
            raise Http404
        if form.is_valid():
            return _uploaded(request, form)
    page = Paginator(batches_visible_to(request.user), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "crossings/imports/list.html",
        {
            "form": form,
            "page": page,
            "columns": column_help(),
            "sources": CardSource.objects.values_list("name", flat=True),
        },
    )


def _uploaded(request, form):
    upload = form.cleaned_data["file"]
    source_name = " ".join(form.cleaned_data["source"].split())
    suffix = Path(upload.name).suffix.lower()
    stored = default_storage.save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}{suffix}", upload)
    source = find_source(source_name)
    try:
        header = read_header(default_storage.path(stored))
    except UnreadableFile:
        header = []  # the job says why, in the import's report
    unknown = map_header(header, source.mapping if source else None).unknown
    if unknown and header:
        token = signing.dumps(
            {"upload": stored, "file_name": upload.name, "headers": unknown}, salt=MAPPING_SALT
        )
        mapping_form = MappingForm(headers=unknown, initial={"source": source_name})
        return _mapping_page(request, mapping_form, token, upload.name)
    if source is None and source_name:
        # A new source, named for the first time: remembered with an empty mapping.
        source = remember_mapping(actor=request.user, name=source_name, mapping={})
    return _start(request, stored, upload.name, source)


def _start(request, stored, file_name, source):
    job = start_job(
        actor=request.user,
        kind="crossing_import",
        params={
            "upload": stored,
            "file_name": file_name,
            "source": source.pk if source else None,
            "language": get_language(),
        },
    )
    return redirect("staff:job", pk=job.pk)


def _mapping_page(request, form, token, file_name):
    return render(
        request,
        "crossings/imports/mapping.html",
        {"form": form, "token": token, "file_name": file_name, "columns": column_help()},
    )


@require_POST
@staff_with("crossings.add_importbatch")
def import_mapping(request):
    """The mapping step's answer: remember the mapping on the source, then import the file."""
    if not may(request.user, "crossings.change_cardsource"):
        raise Http404
    try:
        pending = signing.loads(
            request.POST.get("token", ""), salt=MAPPING_SALT, max_age=MAPPING_MAX_AGE
        )
    except signing.BadSignature as error:
        raise Http404 from error
    form = MappingForm(request.POST, headers=pending["headers"])
    if not form.is_valid():
        return _mapping_page(request, form, request.POST["token"], pending["file_name"])
    source = remember_mapping(
        actor=request.user, name=form.cleaned_data["source"], mapping=form.mapping()
    )
    return _start(request, pending["upload"], pending["file_name"], source)


@staff_with("crossings.view_importbatch")
def import_detail(request, pk):
    batch = get_object_or_404(batches_visible_to(request.user), pk=pk)
    new_points = CrossingPoint.objects.filter(confirmed=False, crossings__batch=batch).distinct()
    return render(
        request,
        "crossings/imports/detail.html",
        {
            "batch": batch,
            "problems": failure_messages(batch),
            "new_points": new_points if batch.status == BatchStatus.IMPORTED else [],
            "rollback_form": RollbackForm(),
            "may_roll_back": batch.status == BatchStatus.IMPORTED
            and may(request.user, "crossings.delete_crossing"),
        },
    )


@staff_with("crossings.view_crossing")
def import_report(request, pk):
    """The report of rejected rows and warnings: card data, so its download is audited."""
    batch = get_object_or_404(batches_visible_to(request.user), pk=pk)
    if not batch.report:
        raise Http404
    audit.record(actor=request.user, action=AuditAction.EXPORT, obj=batch, label=batch.file_name)
    name = f"{Path(batch.file_name).stem or 'cards'}-report.csv"
    return FileResponse(batch.report.open("rb"), as_attachment=True, filename=name)


@require_POST
@staff_with("crossings.delete_crossing")
def import_rollback(request, pk):
    batch = get_object_or_404(batches_visible_to(request.user), pk=pk)
    form = RollbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm that the cards should be deleted."))
        return redirect("crossings:import_detail", pk=batch.pk)
    try:
        roll_back_batch(batch=batch, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The import was rolled back; its cards were deleted."))
    return redirect("crossings:import_detail", pk=batch.pk)


@staff_with("crossings.view_crossingpoint")
def point_list(request):
    return render(
        request,
        "crossings/imports/points.html",
        {"points": points_visible_to(request.user)},
    )


@staff_with("crossings.change_crossingpoint")
def point_edit(request, pk):
    """Confirm a crossing point an import registered, correcting its names and kind."""
    point = get_object_or_404(points_visible_to(request.user), pk=pk)
    form = PointForm(request.POST or None, instance=point)
    if request.method == "POST" and form.is_valid():
        update_point(actor=request.user, point=point, **form.cleaned_data)
        messages.success(request, _("The crossing point was saved and confirmed."))
        return redirect("crossings:points")
    return render(request, "crossings/imports/point_form.html", {"form": form, "point": point})
