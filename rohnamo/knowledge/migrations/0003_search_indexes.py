"""Search: folded title, a tsvector and a dictionary of words, with PostgreSQL indexes.

The GIN indexes only exist on PostgreSQL; SQLite has no full-text or trigram indexes and its
search scores candidates in Python instead.
"""

import django.contrib.postgres.search
from django.db import migrations, models

from rohnamo.knowledge.markup import plain_text
from rohnamo.lib.search_text import words

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS sheetversion_search_idx ON knowledge_sheetversion "
    "USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS searchword_trigram_idx ON knowledge_searchword "
    "USING gin (word gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS sheetversion_search_idx",
    "DROP INDEX IF EXISTS searchword_trigram_idx",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


def rebuild_search_fields(apps, schema_editor):
    SheetVersion = apps.get_model("knowledge", "SheetVersion")
    SearchWord = apps.get_model("knowledge", "SearchWord")
    vocabulary = set()
    for version in SheetVersion.objects.all():
        text = " ".join([version.title, version.summary, plain_text(version.body_html)])
        version.search_text = " ".join(words(text))
        version.search_title = " ".join(words(version.title))
        version.save(update_fields=["search_text", "search_title"])
        vocabulary.update(word for word in version.search_text.split() if len(word) <= 60)
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in vocabulary], ignore_conflicts=True
    )
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE knowledge_sheetversion "
            "SET search_vector = to_tsvector('simple'::regconfig, search_text)"
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_topics_and_roles")]

    operations = [
        migrations.AddField(
            model_name="sheetversion",
            name="search_title",
            field=models.CharField(
                blank=True, editable=False, max_length=300, verbose_name="search title"
            ),
        ),
        migrations.AddField(
            model_name="sheetversion",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, verbose_name="search index"
            ),
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("word", models.CharField(max_length=60, unique=True, verbose_name="word")),
            ],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
        migrations.RunPython(rebuild_search_fields, migrations.RunPython.noop),
    ]
