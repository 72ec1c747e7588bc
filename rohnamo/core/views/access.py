"""Who may open a staff page: a logged-in person with the permission; 404 for everyone else."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404


def staff_with(permission):
    """Login required, then ``permission``, else the page does not exist for this person."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
