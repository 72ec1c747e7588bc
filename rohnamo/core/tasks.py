from django_tasks import task

from rohnamo.core.jobs import run_job


@task()
def run_job_task(job_id):
    """The worker's entry point for every kind of background job."""
    run_job(job_id)
