"""The outbox of alert messages for administrators and statisticians."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from rohnamo.core.views.access import staff_with
from rohnamo.departure.alerts.choices import MessageStatus
from rohnamo.departure.alerts.queries import VIEW_OUTBOX, outbox, outbox_summary
from rohnamo.lib.phones import masked_phone

PAGE_SIZE = 50


@staff_with(VIEW_OUTBOX)
def messages(request):
    summary = outbox_summary(request.user)
    if summary is None:
        raise Http404
    status = request.GET.get("status", "")
    status = status if status in MessageStatus.values else ""
    page = Paginator(outbox(request.user, status=status or None), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for message in page:
        message.masked_recipient = masked_phone(message.recipient) if message.recipient else ""
    return render(
        request,
        "departure/messages.html",
        {
            "page": page,
            "summary": summary,
            "status": status,
            "statuses": MessageStatus.choices,
            "query": urlencode({"status": status}) if status else "",
        },
    )
