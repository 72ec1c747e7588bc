"""Plain functions that make the records tests need, with sensible defaults."""

from django.contrib.auth.models import Group

from rohnamo.core.choices import OfficeKind
from rohnamo.core.models import Membership, Office, User

PASSWORD = "a-long-test-password"


def make_office(code, *, kind=OfficeKind.BRANCH, parent=None, **fields):
    fields.setdefault("name_tg", code.title())
    fields.setdefault("name_ru", fields["name_tg"])
    fields.setdefault("name_en", code.title())
    return Office.objects.create(code=code, kind=kind, parent=parent, **fields)


def make_user(username, role=None, *offices, **fields):
    user = User.objects.create_user(username=username, password=PASSWORD, **fields)
    if role:
        # get_or_create: a transactional test before this one may have flushed the migrated roles.
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    for office in offices:
        Membership.objects.create(user=user, office=office)
    return user
