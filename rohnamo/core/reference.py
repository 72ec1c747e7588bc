"""Reference data shipped with Rohnamo: Tajikistan's regions, districts and cities; countries;
languages. Loading is an upsert by code, so running it again after the files change updates names
without touching anything else.
"""

import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

NAME_FIELDS = ("name_tg", "name_ru", "name_en")


def read(name):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return json.load(handle)


def load_reference_data(apps):
    """Create or update every reference row; ``apps`` is the migration state or django.apps."""
    Region = apps.get_model("core", "Region")
    District = apps.get_model("core", "District")
    Country = apps.get_model("core", "Country")
    Language = apps.get_model("core", "Language")

    for region_data in read("regions.json"):
        region, _created = Region.objects.update_or_create(
            code=region_data["code"], defaults={field: region_data[field] for field in NAME_FIELDS}
        )
        for district in region_data["districts"]:
            District.objects.update_or_create(
                code=district["code"],
                defaults={"region": region, "kind": district["kind"]}
                | {field: district[field] for field in NAME_FIELDS},
            )
    for country in read("countries.json"):
        Country.objects.update_or_create(
            code=country["code"],
            defaults={"alpha3": country["alpha3"], "numeric": country["numeric"]}
            | {field: country[field] for field in NAME_FIELDS},
        )
    for language in read("languages.json"):
        Language.objects.update_or_create(
            code=language["code"],
            defaults={
                "native_name": language["native_name"],
                "is_content_language": language["is_content_language"],
            }
            | {field: language[field] for field in NAME_FIELDS},
        )
