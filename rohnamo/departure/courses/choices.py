from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for enrolment")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EnrolmentChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    DESK = "desk", _("At the desk")
