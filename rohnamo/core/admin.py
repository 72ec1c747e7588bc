"""The administrators' back office: offices, users and roles, reference data, the audit log.

Every save and delete through it goes through the audited services, in the admin's transaction.
"""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction, Role
from rohnamo.core.models import (
    AuditEntry,
    Country,
    District,
    Job,
    Language,
    Membership,
    Office,
    Region,
    User,
)
from rohnamo.core.services import anonymise_user

admin.site.site_header = _("Rohnamo administration")
admin.site.site_title = _("Rohnamo")
admin.site.index_title = _("Offices, users, roles and reference data")


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit entry for each add, change and delete made in the admin."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        fields = list(form.changed_data)
        fields += [formset.model._meta.model_name for formset in formsets if formset.has_changed()]
        action = AuditAction.UPDATE if change else AuditAction.CREATE
        audit.record(actor=request.user, action=action, obj=form.instance, fields=fields)

    def delete_model(self, request, obj):
        audit.record(actor=request.user, action=AuditAction.DELETE, obj=obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(actor=request.user, action=AuditAction.DELETE, obj=obj)
        super().delete_queryset(request, queryset)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["office"]


@admin.register(User)
class StaffUserAdmin(AuditedAdmin, UserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "last_login"]
    list_filter = ["is_active", "groups", "memberships__office"]
    fieldsets = UserAdmin.fieldsets[:1] + (
        (_("Personal info"), {"fields": ("first_name", "last_name", "email", "phone")}),
        (_("Roles"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]
    filter_horizontal = ["groups"]
    actions = ["anonymise"]

    @admin.action(description=_("Anonymise the selected former staff members"))
    def anonymise(self, request, queryset):
        for user in queryset.exclude(pk=request.user.pk):
            anonymise_user(actor=request.user, user=user)


admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(AuditedAdmin, GroupAdmin):
    list_display = ["name", "label"]

    @admin.display(description=_("Role"))
    def label(self, group):
        return dict(Role.choices).get(group.name, "")


@admin.register(Office)
class OfficeAdmin(AuditedAdmin):
    list_display = [
        "code",
        "name_tg",
        "name_ru",
        "kind",
        "parent",
        "hotline",
        "is_public",
        "is_active",
    ]
    list_filter = ["kind", "is_public", "is_active"]
    search_fields = ["code", "name_tg", "name_ru", "name_en"]
    autocomplete_fields = ["district", "parent"]


class ReferenceAdmin(AuditedAdmin):
    list_display = ["code", "name_tg", "name_ru", "name_en"]
    search_fields = ["code", "name_tg", "name_ru", "name_en"]


@admin.register(Region)
class RegionAdmin(ReferenceAdmin):
    pass


@admin.register(District)
class DistrictAdmin(ReferenceAdmin):
    list_display = ["code", "name_tg", "name_ru", "name_en", "kind", "region"]
    list_filter = ["region", "kind"]


@admin.register(Country)
class CountryAdmin(ReferenceAdmin):
    list_display = ["code", "alpha3", "name_tg", "name_ru", "name_en"]


@admin.register(Language)
class LanguageAdmin(ReferenceAdmin):
    list_display = ["code", "native_name", "name_tg", "name_ru", "name_en", "is_content_language"]


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = [
        "at",
        "actor_name",
        "action",
        "content_type",
        "record",
        "office",
        "ip_address",
    ]
    list_filter = ["action", "content_type", "office"]
    search_fields = ["actor_name", "object_id", "object_label"]
    date_hierarchy = "at"


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "kind", "started_by", "status", "done", "total"]
    list_filter = ["kind", "status"]
