"""Who holds which role. Roles are auth groups named by ``Role`` codes."""

from rohnamo.core.choices import Role


def role_codes(user):
    """The role codes of ``user``, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_role_codes"):
        user._role_codes = frozenset(user.groups.values_list("name", flat=True))
    return user._role_codes


def has_role(user, *roles):
    return bool(role_codes(user) & set(roles))


def is_administrator(user):
    return user.is_authenticated and (user.is_superuser or has_role(user, Role.ADMINISTRATOR))


def role_labels(user):
    labels = dict(Role.choices)
    return [labels[code] for code in Role.values if code in role_codes(user)]


def may(user, permission):
    """Whether an active, logged-in ``user`` holds ``permission``: the first test of every
    module's query gatekeepers."""
    return user.is_authenticated and user.is_active and user.has_perm(permission)
