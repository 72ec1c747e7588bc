"""Referring a case to a directory service, and the partner organisation's inbox."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.cases.forms.referrals import AnswerForm, ReferralForm, ServiceSearchForm
from rohnamo.cases.queries import case_for, referrals_to_answer
from rohnamo.cases.services import referrals as services
from rohnamo.core.views.access import staff_with
from rohnamo.directory.queries import services_for_referral
from rohnamo.lib.forms import add_service_errors


@staff_with("cases.add_referral")
def referral_new(request, pk):
    """Pick a service (by category and country), record the client's consent, send."""
    case = case_for(request.user, pk)
    search = ServiceSearchForm(request.GET or {"country": case.country_id})
    found = []
    if search.is_valid():
        found = services_for_referral(**search.cleaned_data)
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        service = get_object_or_404(services_for_referral(), pk=data.pop("service"))
        try:
            services.refer_case(actor=request.user, case=case, service=service, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Referred to %(organization)s.") % {"organization": service.organization}
            )
            return redirect("cases:case", pk=case.pk)
    return render(
        request,
        "cases/referral_form.html",
        {"case": case, "search": search, "found": found, "form": form},
    )


@staff_with("cases.change_referral")
def referral_inbox(request):
    """The referrals sent to the person's organisation, those waiting for an answer first."""
    referrals = referrals_to_answer(request.user).order_by("status", "-sent_at")
    page = Paginator(referrals, 50).get_page(request.GET.get("page"))
    return render(request, "cases/referral_inbox.html", {"page": page})


@staff_with("cases.change_referral")
def referral_detail(request, pk):
    referral = get_object_or_404(referrals_to_answer(request.user), pk=pk)
    return render(
        request, "cases/referral_detail.html", {"referral": referral, "form": AnswerForm()}
    )


ANSWERS = {
    "accept": lambda actor, referral, note: services.answer_referral(
        actor=actor, referral=referral, accept=True, note=note),
    "decline": lambda actor, referral, note: services.answer_referral(
        actor=actor, referral=referral, accept=False, note=note),
    "provided": lambda actor, referral, note: services.record_outcome(
        actor=actor, referral=referral, provided=True, note=note),
    "not-provided": lambda actor, referral, note: services.record_outcome(
        actor=actor, referral=referral, provided=False, note=note),
}  # fmt: skip


@require_POST
@staff_with("cases.change_referral")
def referral_answer(request, pk, answer):
    referral = get_object_or_404(referrals_to_answer(request.user), pk=pk)
    form = AnswerForm(request.POST)
    if answer not in ANSWERS or not form.is_valid():
        return redirect("cases:referral", pk=referral.pk)
    try:
        ANSWERS[answer](request.user, referral, form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect("cases:referral", pk=referral.pk)
