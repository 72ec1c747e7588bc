from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff account: centre, branch and partner staff, statisticians, officers, administrators.

    Migrants never have accounts; they use the public site and tracking codes.
    """

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    offices = models.ManyToManyField(
        "core.Office",
        through="core.Membership",
        related_name="staff",
        blank=True,
        verbose_name=_("offices"),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username
