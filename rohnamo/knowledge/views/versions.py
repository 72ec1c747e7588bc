from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rohnamo.core.views.access import staff_with
from rohnamo.knowledge import queries, services
from rohnamo.knowledge.diff import compare_versions
from rohnamo.knowledge.forms import NewVersionForm, ReviewForm, VersionTextForm
from rohnamo.knowledge.views.writing import save_text


def _version(request, pk):
    return get_object_or_404(queries.versions_visible_to(request.user), pk=pk)


@staff_with("knowledge.view_sheetversion")
def version_detail(request, pk):
    version = _version(request, pk)
    return render(
        request,
        "knowledge/version_detail.html",
        {
            "version": version,
            "history": queries.history(version.sheet, version.language),
            "review_form": ReviewForm(),
            "can_review": request.user.has_perm(services.REVIEW_PERMISSION)
            and version.author_id != request.user.pk,
            "can_edit": request.user.has_perm("knowledge.change_sheetversion"),
        },
    )


@staff_with("knowledge.add_sheetversion")
def version_new(request, code):
    """A translation into another language, or a revision of a published text."""
    sheet = get_object_or_404(queries.sheets_visible_to(request.user), code=code)
    initial = {}
    based_on = request.GET.get("from")
    if based_on:
        source = get_object_or_404(
            queries.versions_visible_to(request.user), pk=based_on, sheet=sheet
        )
        initial = {
            "language": source.language_id if request.GET.get("revise") else None,
            "title": source.title,
            "summary": source.summary,
            "body": source.body,
        }
    form = NewVersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        version = save_text(
            request,
            form,
            lambda: services.start_version(actor=request.user, sheet=sheet, **form.cleaned_data),
        )
        if version:
            return redirect("knowledge:version", pk=version.pk)
    return render(request, "knowledge/version_form.html", {"form": form, "sheet": sheet})


@staff_with("knowledge.change_sheetversion")
def version_edit(request, pk):
    version = _version(request, pk)
    form = VersionTextForm(
        request.POST or None,
        initial={"title": version.title, "summary": version.summary, "body": version.body},
    )
    if request.method == "POST" and form.is_valid():
        saved = save_text(
            request,
            form,
            lambda: services.edit_draft(actor=request.user, version=version, **form.cleaned_data),
        )
        if saved:
            messages.success(request, _("The draft was saved."))
            return redirect("knowledge:version", pk=saved.pk)
    return render(
        request,
        "knowledge/version_form.html",
        {"form": form, "sheet": version.sheet, "version": version},
    )


ACTIONS = {
    "submit": lambda user, version, form: services.submit_for_review(actor=user, version=version),
    "publish": lambda user, version, form: services.publish(
        actor=user, version=version, check_by=form.cleaned_data["check_by"]
    ),
    "return": lambda user, version, form: services.return_to_draft(
        actor=user, version=version, note=form.cleaned_data["note"]
    ),
    "confirm": lambda user, version, form: services.confirm_checked(
        actor=user, version=version, check_by=form.cleaned_data["check_by"]
    ),
    "withdraw": lambda user, version, form: services.withdraw(
        actor=user, version=version, reason=form.cleaned_data["note"]
    ),
}

DONE = {
    "submit": gettext_lazy("The version was sent for review."),
    "publish": gettext_lazy("The version is published and shown on the public site."),
    "return": gettext_lazy("The version was sent back to its author."),
    "confirm": gettext_lazy("The check was recorded."),
    "withdraw": gettext_lazy("The version was withdrawn from the public site."),
}


@require_POST
@staff_with("knowledge.view_sheetversion")
def version_action(request, pk, action):
    version = _version(request, pk)
    if action not in ACTIONS:
        raise Http404
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors.as_text())
        return redirect("knowledge:version", pk=version.pk)
    try:
        ACTIONS[action](request.user, version, form)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, str(DONE[action]))
    return redirect("knowledge:version", pk=version.pk)


@staff_with("knowledge.view_sheetversion")
def version_diff(request, pk):
    version = _version(request, pk)
    previous = queries.previous_version(version)
    return render(
        request,
        "knowledge/version_diff.html",
        {"version": version, "previous": previous, "diff": compare_versions(previous, version)},
    )
