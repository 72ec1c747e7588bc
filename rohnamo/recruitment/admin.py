"""The legal fee limit is set by an administrator here; the register itself is kept on the staff
pages, through the services that keep the licence history."""

from django.contrib import admin

from rohnamo.core.admin import AuditedAdmin
from rohnamo.recruitment.models import FeeLimit


@admin.register(FeeLimit)
class FeeLimitAdmin(AuditedAdmin):
    list_display = ["amount", "currency", "valid_from", "note"]
    ordering = ["-valid_from", "-id"]
