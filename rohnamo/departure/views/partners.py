"""Staff pages of partner systems: the list with this month's calls, registering one (its token
shown once), revoking one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from rohnamo.core.roles import may
from rohnamo.core.views.access import staff_with
from rohnamo.departure.partners.forms import PartnerClientForm
from rohnamo.departure.partners.queries import partner_clients, partner_overview
from rohnamo.departure.partners.services import create_partner_client, revoke_partner_client
from rohnamo.lib.forms import add_service_errors


@staff_with("departure.view_partnerclient")
def partners(request):
    return render(
        request,
        "departure/partner_list.html",
        {
            "clients": partner_overview(request.user),
            "may_add": may(request.user, "departure.add_partnerclient"),
            "may_revoke": may(request.user, "departure.change_partnerclient"),
        },
    )


@staff_with("departure.add_partnerclient")
@require_http_methods(["GET", "POST"])
def partner_create(request):
    form = PartnerClientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, token = create_partner_client(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            # Answered here rather than after a redirect: the token must not be kept anywhere
            # (session, cache) to show it on a second page.
            response = render(
                request, "departure/partner_created.html", {"client": client, "token": token}
            )
            add_never_cache_headers(response)
            return response
    return render(request, "departure/partner_form.html", {"form": form})


@staff_with("departure.change_partnerclient")
@require_http_methods(["GET", "POST"])
def partner_revoke(request, pk):
    client = get_object_or_404(partner_clients(request.user), pk=pk)
    error = None
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        try:
            revoke_partner_client(actor=request.user, client=client)
        except ValidationError as refused:
            error = " ".join(refused.messages)
        else:
            messages.success(
                request,
                _("The token of “%(name)s” was revoked; its calls are refused from now on.")
                % {"name": client.name},
            )
            return redirect("departure:partners")
    return render(request, "departure/partner_revoke.html", {"client": client, "error": error})
