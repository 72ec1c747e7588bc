"""The leaflet distribution report: copies by sheet, language, place and month."""

import io

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _
from openpyxl import Workbook

from rohnamo.knowledge.choices import DistributionKind, PlaceType


def distribution_rows(distributions):
    """``[{sheet, language, place, month, printed, distributed}]`` sorted by month and sheet."""
    grouped = (
        distributions.annotate(month=TruncMonth("date"))
        .values("month", "sheet__code", "language__code", "place_type", "kind")
        .annotate(copies=Sum("quantity"))
        .order_by("month", "sheet__code", "language__code", "place_type")
    )
    places = dict(PlaceType.choices)
    rows = {}
    for item in grouped:
        key = (item["month"], item["sheet__code"], item["language__code"], item["place_type"])
        row = rows.setdefault(
            key,
            {
                "month": item["month"],
                "sheet": item["sheet__code"],
                "language": item["language__code"],
                "place": places.get(item["place_type"], ""),
                "printed": 0,
                "distributed": 0,
            },
        )
        field = "printed" if item["kind"] == DistributionKind.PRINTED else "distributed"
        row[field] += item["copies"]
    return list(rows.values())


def copies_by_month(rows):
    """``[(YYYY-MM, copies handed out)]`` for the chart."""
    months = {}
    for row in rows:
        label = row["month"].strftime("%Y-%m")
        months[label] = months.get(label, 0) + row["distributed"]
    return sorted(months.items())


def distribution_xlsx(rows):
    """The report as an XLSX workbook (bytes)."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Leaflets")[:31]
    sheet.append(
        [_("Month"), _("Sheet"), _("Language"), _("Kind of place"), _("Printed"), _("Handed out")]
    )
    for row in rows:
        sheet.append(
            [
                row["month"].strftime("%Y-%m"),
                row["sheet"],
                row["language"],
                str(row["place"]),
                row["printed"],
                row["distributed"],
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
