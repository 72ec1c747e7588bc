from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.queries import offices_of
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.forms.events import EventForm, MaterialFormSet
from rohnamo.counselling.queries import events_visible_to
from rohnamo.counselling.services.events import record_event
from rohnamo.lib.forms import add_service_errors


@staff_with("counselling.view_outreachevent")
def event_list(request):
    page = Paginator(events_visible_to(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "counselling/event_list.html", {"page": page})


@staff_with("counselling.add_outreachevent")
def event_new(request):
    form = EventForm(request.POST or None, offices=offices_of(request.user))
    materials = MaterialFormSet(request.POST or None, prefix="materials")
    if request.method == "POST" and form.is_valid() and materials.is_valid():
        handed_out = [
            (row["sheet"], row["language"], row["quantity"])
            for row in materials.cleaned_data
            if row.get("sheet")
        ]
        try:
            event = record_event(actor=request.user, materials=handed_out, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Event recorded."))
            return redirect("counselling:event", pk=event.pk)
    return render(request, "counselling/event_form.html", {"form": form, "materials": materials})


@staff_with("counselling.view_outreachevent")
def event_detail(request, pk):
    event = get_object_or_404(
        events_visible_to(request.user).prefetch_related("materials__sheet", "materials__language"),
        pk=pk,
    )
    return render(request, "counselling/event_detail.html", {"event": event})
