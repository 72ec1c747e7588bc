"""Cases and their notes for staff systems; referrals for partner organisations' systems.

Every endpoint reads through ``rohnamo.cases.queries``: a case another office owns, or a
restricted case the caller may not open, answers 404 like a missing one, and reading a
restricted case writes its audit entry. A partner's token sees only the referrals sent to its
organisation and answers them through the same services as the partner's inbox page.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import DjangoModelPermissions
from rest_framework.response import Response

from rohnamo.api.cases_serializers import (
    CaseListFilters,
    CaseListSerializer,
    CaseSerializer,
    NoteSerializer,
    ReferralAnswerSerializer,
    ReferralOutcomeSerializer,
    ReferralSerializer,
)
from rohnamo.api.counselling_serializers import service_errors_as_400
from rohnamo.cases.choices import EntryKind
from rohnamo.cases.queries import (
    case_for,
    cases_visible_to,
    referrals_to_answer,
    referrals_visible_to,
)
from rohnamo.cases.services.cases import add_note
from rohnamo.cases.services.referrals import answer_referral, record_outcome
from rohnamo.core.choices import Role
from rohnamo.core.roles import has_role, is_administrator

# The case's fields a referral never needs: not even loaded for it.
CASE_PRIVATE_FIELDS = [
    "case__narrative",
    "case__contact_name",
    "case__contact_phone",
    "case__on_behalf_of",
    "case__employer",
    "case__pin",
]


class ReadOrWrite(DjangoModelPermissions):
    """Reading takes the model's view permission; POST the permission the view (or its action)
    names as ``post_permission``, else the model's add permission."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view):
        post_permission = getattr(view, "post_permission", None)
        if request.method == "POST" and post_permission:
            user = request.user
            return bool(user and user.is_authenticated and user.has_perm(post_permission))
        return super().has_permission(request, view)


CASE_FILTERS = [
    OpenApiParameter("office", OpenApiTypes.STR, description="Only this office's cases (code)"),
    OpenApiParameter("status", OpenApiTypes.STR, description="Only cases with this status"),
    OpenApiParameter("category", OpenApiTypes.STR, description="Only cases of this category"),
]


@extend_schema_view(
    list=extend_schema(
        parameters=CASE_FILTERS,
        description=_("Cases you may open, newest first; no narrative or contact in the list."),
    ),
    retrieve=extend_schema(description=_("One case; reading a restricted case is audited.")),
    create=extend_schema(description=_("Record a case of one of your offices.")),
)
class CaseViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Cases of the caller's offices that they may open."""

    permission_classes = [ReadOrWrite]
    http_method_names = ["get", "post", "head", "options"]
    lookup_value_regex = r"\d+"
    post_permission = None  # the add permission; the notes action names its own

    def get_queryset(self):
        return (
            cases_visible_to(self.request.user).select_related("district").prefetch_related("tasks")
        )

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else CaseSerializer

    def get_object(self):
        # case_for: 404 for a case the caller may not open, an audit entry for a restricted one.
        case = case_for(self.request.user, self.kwargs["pk"])
        self.check_object_permissions(self.request, case)
        return case

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        filters = CaseListFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        values = filters.validated_data
        if values.get("office"):
            queryset = queryset.filter(office__code=values["office"])
        for name in ("status", "category"):
            if values.get(name):
                queryset = queryset.filter(**{name: values[name]})
        return queryset

    @extend_schema(
        methods=["GET"],
        responses=NoteSerializer(many=True),
        description=_("The notes of a case, oldest first."),
    )
    @extend_schema(
        methods=["POST"],
        request=NoteSerializer,
        responses={201: NoteSerializer},
        description=_("Add a note to the case's timeline."),
    )
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=NoteSerializer,
        post_permission="cases.change_case",
    )
    def notes(self, request, pk=None):
        case = self.get_object()
        if request.method == "POST":
            serializer = NoteSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            with service_errors_as_400():
                entry = add_note(
                    actor=request.user, case=case, text=serializer.validated_data["text"]
                )
            return Response(NoteSerializer(entry).data, status=status.HTTP_201_CREATED)
        notes = case.entries.filter(kind=EntryKind.NOTE).select_related("author")
        page = self.paginate_queryset(notes)
        return self.get_paginated_response(NoteSerializer(page, many=True).data)


REFERRAL_FILTERS = [
    OpenApiParameter(
        "status", OpenApiTypes.STR, description="Only referrals with this status, e.g. sent"
    )
]


@extend_schema_view(
    list=extend_schema(
        parameters=REFERRAL_FILTERS,
        description=_("Referrals sent to your organisation, newest first."),
    ),
)
class ReferralViewSet(viewsets.ReadOnlyModelViewSet):
    """Referrals: a partner's token sees those sent to its organisation; case staff those of
    the cases they may open. Answering takes the referral's change permission."""

    serializer_class = ReferralSerializer
    permission_classes = [ReadOrWrite]
    post_permission = "cases.change_referral"
    lookup_value_regex = r"\d+"

    def _referrals(self):
        user = self.request.user
        if has_role(user, Role.PARTNER_USER) and not is_administrator(user):
            return referrals_to_answer(user)
        return referrals_visible_to(user)

    def get_queryset(self):
        referrals = self._referrals().select_related("case__country").defer(*CASE_PRIVATE_FIELDS)
        if self.action == "list" and self.request.query_params.get("status"):
            referrals = referrals.filter(status=self.request.query_params["status"])
        return referrals

    def _to_answer(self):
        """The referral of the address if the caller's organisation answers it: 404 when they
        cannot see it, 403 when they see it but it was sent to someone else."""
        referral = self.get_object()
        if not referrals_to_answer(self.request.user).filter(pk=referral.pk).exists():
            raise PermissionDenied(_("This referral was not sent to your organisation."))
        return referral

    def _answered(self, serializer_class, answer):
        referral = self._to_answer()
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors_as_400():
            referral = answer(referral, **serializer.validated_data)
        referral = self.get_queryset().get(pk=referral.pk)
        return Response(ReferralSerializer(referral).data)

    @extend_schema(
        request=ReferralAnswerSerializer,
        responses=ReferralSerializer,
        description=_("Accept a referral that was sent to your organisation."),
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._answered(
            ReferralAnswerSerializer,
            lambda referral, note: answer_referral(
                actor=request.user, referral=referral, accept=True, note=note
            ),
        )

    @extend_schema(
        request=ReferralAnswerSerializer,
        responses=ReferralSerializer,
        description=_("Decline a referral, giving the reason in “note”."),
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._answered(
            ReferralAnswerSerializer,
            lambda referral, note: answer_referral(
                actor=request.user, referral=referral, accept=False, note=note
            ),
        )

    @extend_schema(
        request=ReferralOutcomeSerializer,
        responses=ReferralSerializer,
        description=_(
            "After accepting: whether the service was provided; the reason in “note” when not."
        ),
    )
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        return self._answered(
            ReferralOutcomeSerializer,
            lambda referral, provided, note: record_outcome(
                actor=request.user, referral=referral, provided=provided, note=note
            ),
        )
