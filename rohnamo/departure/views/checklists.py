"""Staff pages of the checklist templates: the list with usage, a template with its items, and
the forms to create, edit, move and remove. Every change goes through
``departure.checklists.services``; a refused change shows the form again with the reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.departure.checklists import services
from rohnamo.departure.checklists.forms import ItemForm, TemplateForm
from rohnamo.departure.checklists.queries import (
    items_of,
    template_queryset_for_staff,
    templates_for_staff,
)
from rohnamo.lib.forms import add_service_errors


def _template_or_404(request, pk):
    return get_object_or_404(template_queryset_for_staff(request.user), pk=pk)


def _item_or_404(request, pk, item_pk):
    template = _template_or_404(request, pk)
    return get_object_or_404(template.items.select_related("template__country"), pk=item_pk)


@staff_with("departure.view_checklisttemplate")
def checklists(request):
    return render(
        request,
        "departure/checklist_list.html",
        {
            "templates": templates_for_staff(request.user),
            "may_add": may(request.user, "departure.add_checklisttemplate"),
        },
    )


@staff_with("departure.add_checklisttemplate")
@require_http_methods(["GET", "POST"])
def checklist_new(request):
    form = TemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.create_template(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Checklist created. Now add its items."))
            return redirect("departure:checklist", pk=template.pk)
    return render(request, "departure/checklist_form.html", {"form": form, "template": None})


@staff_with("departure.view_checklisttemplate")
@require_http_methods(["GET", "POST"])
def checklist(request, pk):
    """A template: its facts (editable), its items with move/remove, and the form to add one."""
    template = _template_or_404(request, pk)
    may_change = may(request.user, "departure.change_checklisttemplate")
    may_add_item = may(request.user, "departure.add_checklistitem")
    template_form = TemplateForm(
        request.POST if "save_template" in request.POST else None,
        initial=TemplateForm.initial_for(template),
    )
    item_form = ItemForm(request.POST if "add_item" in request.POST else None, prefix="new")
    if request.method == "POST":
        if "save_template" in request.POST and may_change and template_form.is_valid():
            try:
                services.edit_template(
                    actor=request.user, template=template, **template_form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(template_form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("departure:checklist", pk=template.pk)
        elif "add_item" in request.POST and may_add_item and item_form.is_valid():
            try:
                item = services.add_item(
                    actor=request.user, template=template, **item_form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(item_form, error)
            else:
                messages.success(
                    request, _("Item added at position %(position)d.") % {"position": item.position}
                )
                return redirect("departure:checklist", pk=template.pk)
    return render(
        request,
        "departure/checklist_detail.html",
        {
            "template": template,
            "items": items_of(template),
            "template_form": template_form if may_change else None,
            "item_form": item_form if may_add_item else None,
            "may_change_item": may(request.user, "departure.change_checklistitem"),
            "may_delete_item": may(request.user, "departure.delete_checklistitem"),
        },
    )


@staff_with("departure.change_checklistitem")
@require_http_methods(["GET", "POST"])
def checklist_item(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    form = ItemForm(request.POST or None, initial=ItemForm.initial_for(item))
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_item(actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("departure:checklist", pk=item.template_id)
    return render(
        request,
        "departure/checklist_item_form.html",
        {"form": form, "item": item, "template": item.template},
    )


@staff_with("departure.change_checklistitem")
@require_POST
def checklist_item_move(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    try:
        services.move_item(actor=request.user, item=item, direction=request.POST.get("direction"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("departure:checklist", pk=item.template_id)


@staff_with("departure.delete_checklistitem")
@require_POST
def checklist_item_remove(request, pk, item_pk):
    item = _item_or_404(request, pk, item_pk)
    services.remove_item(actor=request.user, item=item)
    messages.success(request, _("Item removed."))
    return redirect("departure:checklist", pk=item.template_id)
