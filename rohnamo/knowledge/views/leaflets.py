from django import forms
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from rohnamo.core.jobs import start_job
from rohnamo.core.views.access import staff_with
from rohnamo.knowledge import queries
from rohnamo.knowledge.forms import content_languages
from rohnamo.knowledge.leaflets import SIZES, render_leaflet
from rohnamo.knowledge.links import public_url
from rohnamo.knowledge.models import Sheet

# Laying out a PDF takes most of a second; the public asks for the same few leaflets again and
# again. A new version or an edit changes the key; an hour bounds stale hotline numbers.
LEAFLET_CACHE_SECONDS = 3600


def pdf_response(pdf, filename):
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def leaflet_response(version, size):
    if size not in SIZES:
        raise Http404
    key = f"leaflet:{version.pk}:{version.updated_at.timestamp()}:{size}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_leaflet(version, size=size, public_url=public_url(version))
        cache.set(key, pdf, LEAFLET_CACHE_SECONDS)
    return pdf_response(pdf, f"{version.sheet.code}-{version.language.code}-{size}.pdf")


@staff_with("knowledge.view_sheetversion")
def staff_leaflet(request, pk, size):
    """Any version as a leaflet, drafts included, so authors see the print before publishing."""
    version = get_object_or_404(queries.versions_visible_to(request.user), pk=pk)
    return leaflet_response(version, size)


class BundleForm(forms.Form):
    sheets = forms.ModelMultipleChoiceField(
        label=_("Sheets"),
        queryset=Sheet.objects.filter(versions__is_current=True).distinct(),
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ModelChoiceField(label=_("Language"), queryset=content_languages())
    size = forms.ChoiceField(label=_("Paper size"), choices=[(size, size) for size in SIZES])


@staff_with("knowledge.view_sheetversion")
def bundle(request):
    """Several published sheets in one PDF for a print run, made in the background."""
    form = BundleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        job = start_job(
            actor=request.user,
            kind="leaflet_bundle",
            params={
                "sheets": [sheet.code for sheet in data["sheets"]],
                "language": data["language"].code,
                "size": data["size"],
            },
        )
        return redirect("staff:job", pk=job.pk)
    return render(request, "knowledge/bundle_form.html", {"form": form})
