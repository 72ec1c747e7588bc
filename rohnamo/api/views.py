from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound

from rohnamo.api.serializers import OfficeSerializer
from rohnamo.core.queries import offices_editable_by, offices_visible_to
from rohnamo.core.services import OFFICE_CONTACT_FIELDS, update_office_contacts


class OfficeViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Offices the caller may see; managers may change their offices' contact details.

    Another office's id answers 404, exactly as a missing one.
    """

    serializer_class = OfficeSerializer
    http_method_names = ["get", "patch", "head", "options"]

    def get_queryset(self):
        return offices_visible_to(self.request.user).order_by("code")

    def get_object(self):
        office = super().get_object()
        if (
            self.request.method == "PATCH"
            and not offices_editable_by(self.request.user).filter(pk=office.pk).exists()
        ):
            raise NotFound
        return office

    def perform_update(self, serializer):
        changes = {
            name: value
            for name, value in serializer.validated_data.items()
            if name in OFFICE_CONTACT_FIELDS
        }
        serializer.instance = update_office_contacts(
            actor=self.request.user, office=serializer.instance, **changes
        )
