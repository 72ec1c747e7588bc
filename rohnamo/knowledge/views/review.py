from django.shortcuts import render

from rohnamo.core.views.access import staff_with
from rohnamo.knowledge import queries


@staff_with("knowledge.view_sheetversion")
def review_dashboard(request):
    """What needs a reviewer: versions waiting, texts past their check date, missing languages."""
    return render(
        request,
        "knowledge/review.html",
        {
            "in_review": queries.versions_in_review(),
            "overdue": queries.overdue_versions(),
            "missing": queries.missing_languages(),
        },
    )
