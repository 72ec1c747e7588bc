from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class AgeGroup(models.TextChoices):
    """The age bands of the centre's reports; a visitor's year of birth falls into one of them."""

    UNDER_18 = "0-17", _("Under 18")
    FROM_18 = "18-24", _("18–24")
    FROM_25 = "25-34", _("25–34")
    FROM_35 = "35-44", _("35–44")
    FROM_45 = "45-54", _("45–54")
    FROM_55 = "55+", _("55 and over")


class VisitorStage(models.TextChoices):
    INTENDING = "intending", _("Intending to leave")
    ABROAD = "abroad", _("Abroad")
    RETURNED = "returned", _("Returned")
    FAMILY = "family", _("Family member")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone or hotline")
    MOBILE = "mobile", _("Mobile trip")
    ONLINE = "online", _("Messenger or online")
    GROUP = "group", _("Group session")


class EventKind(models.TextChoices):
    INFORMATION_SESSION = "information", _("Information session")
    MOBILE_TRIP = "mobile_trip", _("Mobile consultation trip")
    TRAINING = "training", _("Training for NGOs or officials")
    SCHOOL_LECTURE = "school", _("School lecture")
    PRESS_BRIEFING = "press", _("Press briefing")
    ROUND_TABLE = "round_table", _("Round table")
    BROADCAST = "broadcast", _("TV or radio programme")
    JOB_FAIR = "job_fair", _("Job fair")


class QuestionKind(models.TextChoices):
    """Question types; the codes are XLSForm's where XLSForm has one."""

    SINGLE = "select_one", _("Single choice")
    MULTIPLE = "select_multiple", _("Multiple choice")
    NUMBER = "integer", _("Number")
    TEXT = "text", _("Text")
    YES_NO = "yes_no", _("Yes or no")
    DATE = "date", _("Date")


class QuestionnaireStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")
