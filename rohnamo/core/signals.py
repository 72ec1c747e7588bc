from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    audit.record(actor=user, action=AuditAction.LOGIN, obj=user)


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.record(actor=user, action=AuditAction.LOGOUT, obj=user)
