"""``Authorization: Partner <token>`` for the list-check API.

The token is hashed and looked up; an unknown, revoked or deactivated token answers 401 with a
message in the caller's language. A request without this header is left to the next
authenticator (there is none on the list-check views), and the permission then answers 401.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission

from rohnamo.departure.models import PartnerClient
from rohnamo.departure.partners.tokens import token_hash

KEYWORD = "Partner"


class PartnerAuthentication(BaseAuthentication):
    """The partner system whose token is in the Authorization header, as ``request.auth``.

    ``request.user`` stays anonymous: a partner system is not a member of staff and holds no
    staff permission.
    """

    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != KEYWORD.lower().encode():
            return None
        if len(words) != 2:
            raise AuthenticationFailed(
                _("Send the token as one word after “Partner” in the Authorization header.")
            )
        try:
            token = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("This partner token is not known.")) from None
        client = PartnerClient.objects.filter(token_hash=token_hash(token)).first()
        if client is None:
            raise AuthenticationFailed(_("This partner token is not known."))
        if not client.usable:
            raise AuthenticationFailed(
                _("This partner token has been revoked. Ask the Migration Service for a new one.")
            )
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return KEYWORD


class IsPartnerClient(BasePermission):
    """Only a request authenticated by a partner token."""

    message = _("Send your partner token in the header “Authorization: Partner <token>”.")

    def has_permission(self, request, view):
        return isinstance(request.auth, PartnerClient)
