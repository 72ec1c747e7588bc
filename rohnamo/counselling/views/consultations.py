from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.queries import offices_of
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.forms.consultations import ConsultationForm
from rohnamo.counselling.queries import (
    consultations_visible_to,
    published_versions_for,
    visitors_visible_to,
)
from rohnamo.counselling.services.consultations import record_consultation
from rohnamo.lib.forms import add_service_errors


@staff_with("counselling.view_consultation")
def consultation_list(request):
    consultations = consultations_visible_to(request.user).prefetch_related("topics")
    page = Paginator(consultations, 50).get_page(request.GET.get("page"))
    return render(request, "counselling/consultation_list.html", {"page": page})


@staff_with("counselling.add_consultation")
def consultation_new(request):
    """The quick form. After saving it comes back empty, ready for the next visitor."""
    visitor = None
    if request.GET.get("visitor", "").isdigit():
        visitor = get_object_or_404(visitors_visible_to(request.user), pk=request.GET["visitor"])
    form = ConsultationForm(request.POST or None, offices=offices_of(request.user))
    if visitor is not None:
        form.fields["office"].initial = visitor.office_id
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            consultation = record_consultation(actor=request.user, visitor=visitor, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Consultation %(number)s recorded.") % {"number": consultation.pk},
            )
            if visitor is not None:
                return redirect("counselling:visitor", pk=visitor.pk)
            return redirect("counselling:consultation_new")
    return render(request, "counselling/consultation_form.html", {"form": form, "visitor": visitor})


@staff_with("counselling.view_consultation")
def consultation_detail(request, pk):
    consultation = get_object_or_404(
        consultations_visible_to(request.user).prefetch_related("topics", "sheets"), pk=pk
    )
    return render(
        request,
        "counselling/consultation_detail.html",
        {"consultation": consultation, "questionnaires": published_versions_for(request.user)},
    )
