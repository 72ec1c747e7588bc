from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rohnamo.core.forms import OfficeContactsForm
from rohnamo.core.queries import offices_editable_by, offices_visible_to
from rohnamo.core.services import update_office_contacts
from rohnamo.lib.collation import sorted_by


@login_required
def office_list(request):
    offices = sorted_by(offices_visible_to(request.user), "name")
    editable = set(offices_editable_by(request.user).values_list("pk", flat=True))
    return render(
        request,
        "staff/office_list.html",
        {
            "offices": offices,
            "editable": editable,
        },
    )


@login_required
def office_edit(request, code):
    office = get_object_or_404(offices_editable_by(request.user), code=code)
    form = OfficeContactsForm(request.POST or None, instance=office)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        update_office_contacts(actor=request.user, office=office, **changes)
        messages.success(
            request, _("The contact details of %(office)s were saved.") % {"office": office.name}
        )
        return redirect("staff:office", code=office.code)
    return render(request, "staff/office_edit.html", {"office": office, "form": form})
