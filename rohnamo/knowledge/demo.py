"""Demo information sheets: every topic, in Tajik, Russian and English, marked as sample text.

Written by the demo counsellor and published by the demo manager, so the public pages have
something to show. Loading is idempotent: sheets that exist already are left alone.
"""

import json
from pathlib import Path

from django.db import transaction

from rohnamo.core.models import Country, Language
from rohnamo.knowledge import services
from rohnamo.knowledge.models import Sheet, Topic

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "sheets.json"


@transaction.atomic
def load_demo_sheets(users):
    author, reviewer = users["counsellor"], users["manager"]
    entries = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    languages = {language.code: language for language in Language.objects.all()}
    created = {}
    for entry in entries:
        if Sheet.objects.filter(code=entry["code"]).exists():
            continue
        versions = iter(entry["versions"].items())
        code, text = next(versions)
        first, _cleaned = services.create_sheet(
            actor=author,
            code=entry["code"],
            topic=Topic.objects.get(code=entry["topic"]),
            stage=entry["stage"],
            countries=Country.objects.filter(code__in=entry["countries"]),
            language=languages[code],
            **text,
        )
        _publish(author, reviewer, first)
        for code, text in versions:
            version, _cleaned = services.start_version(
                actor=author, sheet=first.sheet, language=languages[code], **text
            )
            _publish(author, reviewer, version)
        created[entry["code"]] = (first.sheet, entry.get("related", []))
    for sheet, related in created.values():
        sheet.related.add(*Sheet.objects.filter(code__in=related))
    return len(created)


def _publish(author, reviewer, version):
    services.submit_for_review(actor=author, version=version)
    services.publish(actor=reviewer, version=version)
