"""Closing vacancies that are over, as a background job and a daily command (cron).

The public search hides such vacancies at read time already; closing them keeps the register's
lists and the reports true.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rohnamo.core.jobs import job_kind
from rohnamo.recruitment.services.vacancies import close_finished_vacancies


@job_kind("close_vacancies", label=gettext_lazy("Closing finished vacancies"))
def close_vacancies_job(job, progress):
    count = close_finished_vacancies()
    progress.log(_("%(count)d vacancies closed.") % {"count": count})
