import json

from django.core.management.base import BaseCommand, CommandError

from rohnamo.core.jobs import KINDS, run_job
from rohnamo.core.models import Job, User


class Command(BaseCommand):
    help = "Run a kind of background work in the foreground, as the worker would."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="One of: " + ", ".join(sorted(KINDS)))
        parser.add_argument("--user", required=True, help="User name of the person it runs for.")
        parser.add_argument("--params", default="{}", help="Parameters as a JSON object.")

    def handle(self, *args, kind, user, params, **options):
        if kind not in KINDS:
            raise CommandError(f"Unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}")
        try:
            actor = User.objects.get(username=user)
            parameters = json.loads(params)
        except User.DoesNotExist as error:
            raise CommandError(f"No user {user!r}") from error
        except json.JSONDecodeError as error:
            raise CommandError(f"--params is not JSON: {error}") from error
        job = run_job(Job.objects.create(kind=kind, started_by=actor, params=parameters).pk)
        self.stdout.write(job.log)
        self.stdout.write(f"{job.get_status_display()}: {job.done}/{job.total}")
        if job.result:
            self.stdout.write(f"Result: {job.result.path}")
        if job.status == "failed":
            raise CommandError("The job failed.")
