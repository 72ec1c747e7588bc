"""The words of the messages, each written in the subscriber's language.

Short on purpose (an SMS in Cyrillic holds 70 characters a part): what happened, what it means
in one sentence, where to check, the hotline and how to stop.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from rohnamo.core.queries import public_offices
from rohnamo.departure.choices import ListKind


def public_url(name, *args, language):
    """The absolute public address of a portal page in ``language``."""
    with translation.override(language):
        path = reverse(name, args=args)
    return settings.ROHNAMO_PUBLIC_URL.rstrip("/") + path


def hotline():
    """The centre's hotline (the first public office with one), or ''."""
    return next((office.hotline for office in public_offices() if office.hotline), "")


def _stop_hint(subscription):
    stop = public_url(
        "portal:travel_alerts_stop", subscription.token, language=subscription.language
    )
    return _("To stop these messages reply STOP or open %(link)s") % {"link": stop}


def confirmation_text(subscription):
    """Sent once after subscribing."""
    with translation.override(subscription.language):
        return " ".join(
            [
                _(
                    "Rohnamo: we will tell you when a newer entry-ban or controlled-persons list "
                    "that names you reaches the Migration Service."
                ),
                _stop_hint(subscription) + ".",
            ]
        )


def alert_text(subscription, ban_list, *, hotline_number):
    """The alert: which list names the person, what it means, where to check and ask."""
    with translation.override(subscription.language):
        values = {
            "country": ban_list.country.name,
            "date": ban_list.received_on.strftime("%d.%m.%Y"),
        }
        if ban_list.kind == ListKind.ENTRY_BAN:
            what = _(
                "Rohnamo: a newer entry-ban list of %(country)s, received on %(date)s, names you."
            )
            meaning = _("The border service will not let you enter this country.")
        else:
            what = _(
                "Rohnamo: a newer list of controlled persons of %(country)s, received on "
                "%(date)s, names you."
            )
            meaning = _("You may be stopped at the border and refused entry.")
        parts = [
            what % values,
            meaning,
            _("Check: %(link)s")
            % {"link": public_url("portal:travel_check", language=subscription.language)},
        ]
        if hotline_number:
            parts.append(_("Hotline: %(phone)s") % {"phone": hotline_number})
        parts.append(_stop_hint(subscription) + ".")
        return " ".join(parts)


def unsubscribed_text(language):
    """Sent after a subscription ends by a reply or the link."""
    with translation.override(language):
        return _("Rohnamo: you will receive no more messages about the lists.")
