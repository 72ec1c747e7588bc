from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rohnamo.core.queries import offices_of
from rohnamo.core.views.access import staff_with
from rohnamo.counselling.forms.visitors import VisitorForm, VisitorSearchForm
from rohnamo.counselling.queries import (
    find_visitors,
    possible_duplicates,
    published_versions_for,
    visitors_visible_to,
)
from rohnamo.counselling.services import visitors as services
from rohnamo.lib.forms import add_service_errors

VISITOR_FIELDS = ("name", "phone", "sex", "birth_year", "age_group", "district", "stage")


@staff_with("counselling.view_visitor")
def visitor_list(request):
    search = VisitorSearchForm(request.GET or None)
    visitors = visitors_visible_to(request.user)
    if search.is_valid() and search.cleaned_data["q"]:
        visitors = find_visitors(request.user, search.cleaned_data["q"])
    page = Paginator(visitors, 50).get_page(request.GET.get("page"))
    return render(request, "counselling/visitor_list.html", {"page": page, "search": search})


@staff_with("counselling.add_visitor")
def visitor_new(request):
    form = VisitorForm(request.POST or None, offices=offices_of(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            visitor = services.record_visitor(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Visitor recorded."))
            return redirect("counselling:visitor", pk=visitor.pk)
    return render(request, "counselling/visitor_form.html", {"form": form})


def _visible_visitor(request, pk):
    return get_object_or_404(visitors_visible_to(request.user), pk=pk)


@staff_with("counselling.view_visitor")
def visitor_detail(request, pk):
    visitor = _visible_visitor(request, pk)
    consultations = visitor.consultations.select_related("counsellor").prefetch_related("topics")
    return render(
        request,
        "counselling/visitor_detail.html",
        {
            "visitor": visitor,
            "consultations": consultations,
            "duplicates": possible_duplicates(visitor, request.user),
            "questionnaires": published_versions_for(request.user),
        },
    )


@staff_with("counselling.change_visitor")
def visitor_edit(request, pk):
    visitor = _visible_visitor(request, pk)
    initial = {name: getattr(visitor, name) for name in VISITOR_FIELDS}
    initial.update(office=visitor.office_id, consent_given=visitor.consent_given)
    form = VisitorForm(request.POST or None, initial=initial, offices=[visitor.office])
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in VISITOR_FIELDS}
        try:
            services.update_visitor(
                actor=request.user,
                visitor=visitor,
                consent_given=form.cleaned_data["consent_given"],
                **changes,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Visitor saved."))
            return redirect("counselling:visitor", pk=visitor.pk)
    return render(request, "counselling/visitor_form.html", {"form": form, "visitor": visitor})


@require_POST
@staff_with("counselling.change_visitor")
def visitor_merge(request, pk):
    """Merge the visitor named in the form into this one, after a person compared them."""
    keep = _visible_visitor(request, pk)
    duplicate = _visible_visitor(request, request.POST.get("duplicate", ""))
    try:
        services.merge_visitors(actor=request.user, keep=keep, duplicate=duplicate)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The two records are now one visitor."))
    return redirect("counselling:visitor", pk=keep.pk)


@require_POST
@staff_with("counselling.change_visitor")
def visitor_anonymise(request, pk):
    visitor = _visible_visitor(request, pk)
    services.anonymise_visitor(actor=request.user, visitor=visitor)
    messages.success(request, _("The visitor's name, phone and year of birth were removed."))
    return redirect("counselling:visitor", pk=visitor.pk)
