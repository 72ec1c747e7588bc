from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from rohnamo.core.dashboard import cards_for
from rohnamo.core.queries import offices_editable_by, offices_of, offices_visible_to, team_of
from rohnamo.core.roles import role_labels


@login_required
def home(request):
    """The staff start page: the dashboard of the person's first office."""
    offices = offices_of(request.user)
    if offices:
        return redirect("staff:office", code=offices[0].code)
    return render(request, "staff/no_office.html", {"roles": role_labels(request.user)})


@login_required
def office_dashboard(request, code):
    office = get_object_or_404(offices_visible_to(request.user), code=code)
    return render(
        request,
        "staff/dashboard.html",
        {
            "office": office,
            "my_offices": offices_of(request.user),
            "cards": cards_for(office, request.user),
            "team": team_of(office),
            "can_edit": offices_editable_by(request.user).filter(pk=office.pk).exists(),
            "roles": role_labels(request.user),
        },
    )
