"""Administrators set the first-response targets here; cases themselves are worked in the staff
pages, where the permission and audit rules of restricted cases apply."""

from django.contrib import admin

from rohnamo.cases.models import ResponseTarget
from rohnamo.core.admin import AuditedAdmin


@admin.register(ResponseTarget)
class ResponseTargetAdmin(AuditedAdmin):
    list_display = ["category", "priority", "days"]
    list_editable = ["days"]
    list_filter = ["category", "priority"]

    def has_add_permission(self, request):
        return False  # every category and priority has its row, made by the migration

    def has_delete_permission(self, request, obj=None):
        return False
