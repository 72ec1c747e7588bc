"""Personal pre-departure checklists: templates and items written by managers and
administrators, and the personal lists the public builds from them (code and ticks only)."""

import django.db.models.deletion
from django.db import migrations, models

from rohnamo.core.migration_roles import grant

EDITORS = ["administrator", "manager"]
PERMISSIONS = {
    "view_checklisttemplate": EDITORS,
    "add_checklisttemplate": EDITORS,
    "change_checklisttemplate": EDITORS,
    "view_checklistitem": EDITORS,
    "add_checklistitem": EDITORS,
    "change_checklistitem": EDITORS,
    "delete_checklistitem": EDITORS,
}


def forwards(apps, schema_editor):
    grant(apps, "departure", PERMISSIONS)


PURPOSES = [
    ("work_construction", "Work in construction"),
    ("work_agriculture", "Work in agriculture"),
    ("work_services", "Work in services or trade"),
    ("work_driver", "Work as a driver"),
    ("work_other", "Other work"),
    ("study", "Study"),
    ("family_visit", "Family visit"),
]
TOOLS = [
    ("travel_check", "Entry-ban check"),
    ("agencies", "Agency licence check"),
    ("courses", "Orientation courses"),
    ("help", "Directory of help"),
    ("offices", "Offices and hotlines"),
]
LANGUAGES = [("tg", "Tajik"), ("ru", "Russian"), ("en", "English")]


class Migration(migrations.Migration):
    dependencies = [
        ("departure", "0003_alerts"),
        ("core", "0004_alter_auditentry_action"),
        ("knowledge", "0003_search_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChecklistTemplate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=PURPOSES, max_length=20, verbose_name="purpose of the trip"
                    ),
                ),
                ("title_tg", models.CharField(max_length=200, verbose_name="title (Tajik)")),
                (
                    "title_ru",
                    models.CharField(blank=True, max_length=200, verbose_name="title (Russian)"),
                ),
                (
                    "title_en",
                    models.CharField(blank=True, max_length=200, verbose_name="title (English)"),
                ),
                (
                    "is_published",
                    models.BooleanField(
                        default=False,
                        help_text="Only published checklists can be chosen on the public site.",
                        verbose_name="published",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0,
                        help_text="Smaller numbers come first on the public site.",
                        verbose_name="order",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="changed at")),
                (
                    "country",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.country",
                        verbose_name="destination country",
                    ),
                ),
            ],
            options={
                "verbose_name": "checklist template",
                "verbose_name_plural": "checklist templates",
                "ordering": ["order", "id"],
            },
        ),
        migrations.CreateModel(
            name="ChecklistItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(verbose_name="position")),
                ("text_tg", models.CharField(max_length=300, verbose_name="text (Tajik)")),
                (
                    "text_ru",
                    models.CharField(blank=True, max_length=300, verbose_name="text (Russian)"),
                ),
                (
                    "text_en",
                    models.CharField(blank=True, max_length=300, verbose_name="text (English)"),
                ),
                (
                    "hint_tg",
                    models.TextField(blank=True, max_length=1000, verbose_name="hint (Tajik)"),
                ),
                (
                    "hint_ru",
                    models.TextField(blank=True, max_length=1000, verbose_name="hint (Russian)"),
                ),
                (
                    "hint_en",
                    models.TextField(blank=True, max_length=1000, verbose_name="hint (English)"),
                ),
                (
                    "tool",
                    models.CharField(
                        blank=True, choices=TOOLS, max_length=20, verbose_name="public tool"
                    ),
                ),
                (
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="knowledge.sheet",
                        verbose_name="information sheet",
                    ),
                ),
                (
                    "template",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="departure.checklisttemplate",
                        verbose_name="checklist",
                    ),
                ),
            ],
            options={
                "verbose_name": "checklist item",
                "verbose_name_plural": "checklist items",
                "ordering": ["template", "position"],
            },
        ),
        migrations.CreateModel(
            name="PersonalChecklist",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=8, unique=True, verbose_name="code")),
                (
                    "language",
                    models.CharField(choices=LANGUAGES, max_length=8, verbose_name="language"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("last_opened_at", models.DateTimeField(verbose_name="last opened at")),
                (
                    "template",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="personal_checklists",
                        to="departure.checklisttemplate",
                        verbose_name="checklist template",
                    ),
                ),
            ],
            options={
                "verbose_name": "personal checklist",
                "verbose_name_plural": "personal checklists",
            },
        ),
        migrations.CreateModel(
            name="TickedItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("ticked_at", models.DateTimeField(auto_now_add=True, verbose_name="ticked at")),
                (
                    "checklist",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ticks",
                        to="departure.personalchecklist",
                        verbose_name="checklist",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="ticks",
                        to="departure.checklistitem",
                        verbose_name="item",
                    ),
                ),
            ],
            options={
                "verbose_name": "ticked item",
                "verbose_name_plural": "ticked items",
            },
        ),
        migrations.AddConstraint(
            model_name="checklisttemplate",
            constraint=models.UniqueConstraint(
                fields=("country", "purpose"), name="checklist_template_country_purpose"
            ),
        ),
        migrations.AddConstraint(
            model_name="checklistitem",
            constraint=models.UniqueConstraint(
                fields=("template", "position"), name="checklist_item_template_position"
            ),
        ),
        migrations.AddConstraint(
            model_name="tickeditem",
            constraint=models.UniqueConstraint(
                fields=("checklist", "item"), name="ticked_item_once"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
