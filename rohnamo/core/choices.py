from django.db import models
from django.utils.translation import gettext_lazy as _


class OfficeKind(models.TextChoices):
    CENTRE = "centre", _("Information-resource centre")
    BRANCH = "branch", _("Regional branch")
    PARTNER = "partner", _("Partner organisation")


class Role(models.TextChoices):
    """Roles are auth groups named by these codes; the labels are what people read."""

    ADMINISTRATOR = "administrator", _("Administrator")
    MANAGER = "manager", _("Manager")
    COUNSELLOR = "counsellor", _("Counsellor")
    CASE_WORKER = "case_worker", _("Case worker")
    STATISTICIAN = "statistician", _("Statistician")
    LICENSING_OFFICER = "licensing_officer", _("Licensing officer")
    PARTNER_USER = "partner_user", _("Partner user")


class DistrictKind(models.TextChoices):
    DISTRICT = "district", _("District")
    CITY = "city", _("City")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    VIEW = "view", _("Viewed (restricted)")
    EXPORT = "export", _("Exported")
    MERGE = "merge", _("Merged")
    LOGIN = "login", _("Logged in")
    LOGOUT = "logout", _("Logged out")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Finished")
    FAILED = "failed", _("Failed")
