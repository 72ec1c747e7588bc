"""Background work of record linkage: a run over every card, or over the new ones only."""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.crossings.services.linkage import run_linkage

STEPS = {
    "linkage": gettext_lazy("Comparing cards"),
    "persons": gettext_lazy("Saving persons"),
    "trips": gettext_lazy("Pairing departures with returns"),
}


@job_kind("crossing_linkage", label=gettext_lazy("Record linkage of border cards"))
def crossing_linkage(job, progress, *, engine="duckdb", incremental=False, language=None):
    """Run the linkage and say, in the starter's ``language``, what it found."""
    with translation.override(language):
        progress.set_total(100)
        seen = set()

        def report(step, fraction):
            if step in STEPS and step not in seen:
                seen.add(step)
                progress.log(str(STEPS[step]))
            progress.advance(max(0, int(fraction * 100) - job.done))

        run = run_linkage(
            actor=job.started_by, engine=engine, incremental=incremental, progress=report, job=job
        )
        progress.log(summary(run))


def summary(run):
    return _("%(cards)s cards belong to %(persons)s persons; %(pairs)s pairs wait for review.") % {
        "cards": run.cards,
        "persons": run.persons,
        "pairs": run.review_pairs,
    }
