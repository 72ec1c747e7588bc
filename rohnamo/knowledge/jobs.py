"""Background work of the knowledge base: leaflet bundles for a print run."""

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.knowledge.leaflets import render_bundle
from rohnamo.knowledge.links import public_url
from rohnamo.knowledge.queries import public_versions


@job_kind("leaflet_bundle", label=gettext_lazy("Leaflets for printing (PDF)"))
def leaflet_bundle(job, progress, *, sheets, language, size="A4"):
    """One PDF with the published ``language`` version of each sheet code in ``sheets``."""
    versions = {
        version.sheet.code: version
        for version in public_versions().filter(sheet__code__in=sheets, language__code=language)
    }
    missing = [code for code in sheets if code not in versions]
    if missing:
        progress.log(
            _("Not published in this language, left out: %(codes)s") % {"codes": ", ".join(missing)}
        )
    ordered = [versions[code] for code in sheets if code in versions]
    if not ordered:
        raise ValueError(_("None of the chosen sheets is published in this language."))
    progress.set_total(len(ordered))
    pdf = render_bundle(ordered, size=size, public_url_for=public_url)
    progress.advance(len(ordered))
    job.result.save(f"leaflets-{language}-{size}-{job.pk}.pdf", ContentFile(pdf), save=True)
    progress.log(_("%(count)d sheets in one PDF.") % {"count": len(ordered)})
