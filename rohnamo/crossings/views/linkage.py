"""Starting a linkage run, and the review screen for the pairs it was unsure about."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core import audit
from rohnamo.core.choices import AuditAction
from rohnamo.core.jobs import start_job
from rohnamo.core.views.access import staff_with
from rohnamo.crossings.choices import Engine
from rohnamo.crossings.models import Person
from rohnamo.crossings.queries import (
    crossings_visible_to,
    linkage_runs_visible_to,
    review_pairs_visible_to,
)
from rohnamo.crossings.services.decisions import decide_pair

PAIRS_PER_PAGE = 10


class RunForm(forms.Form):
    engine = forms.ChoiceField(
        label=gettext_lazy("Engine"), choices=Engine.choices, initial=Engine.DUCKDB
    )
    incremental = forms.BooleanField(
        label=gettext_lazy("Only the cards not linked yet"),
        required=False,
        help_text=gettext_lazy(
            "Faster after a new import; a full run also applies separations decided on the "
            "review screen."
        ),
    )


@staff_with("crossings.link_crossing")
def linkage(request):
    form = RunForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = start_job(
            actor=request.user,
            kind="crossing_linkage",
            params={
                "engine": form.cleaned_data["engine"],
                "incremental": form.cleaned_data["incremental"],
                "language": get_language(),
            },
        )
        return redirect("staff:job", job.pk)
    context = {
        "form": form,
        "runs": linkage_runs_visible_to(request.user)[:10],
        "cards": crossings_visible_to(request.user).count(),
        "unlinked": crossings_visible_to(request.user).filter(person__isnull=True).count(),
        "persons": Person.objects.count(),
        "waiting": review_pairs_visible_to(request.user).count(),
    }
    return render(request, "crossings/linkage/linkage.html", context)


@staff_with("crossings.view_reviewpair")
def review(request):
    pairs = review_pairs_visible_to(request.user)
    page = Paginator(pairs, PAIRS_PER_PAGE).get_page(request.GET.get("page"))
    for pair in page:
        # The pairs show names and passports: each one shown is logged.
        audit.record(actor=request.user, action=AuditAction.VIEW, obj=pair)
    return render(request, "crossings/linkage/review.html", {"page": page})


@require_POST
@staff_with("crossings.add_pairdecision")
def decide(request, pk):
    pair = get_object_or_404(review_pairs_visible_to(request.user), pk=pk)
    same_person = request.POST.get("decision") == "same"
    decide_pair(actor=request.user, card_a=pair.card_a, card_b=pair.card_b, same_person=same_person)
    if same_person:
        messages.success(request, _("Recorded: the two cards belong to one person."))
    else:
        messages.success(
            request,
            _("Recorded: two different persons. The next full linkage run keeps them apart."),
        )
    page = request.POST.get("page", "1")
    return redirect(f"{reverse('crossings:review')}?page={page if page.isdigit() else 1}")
