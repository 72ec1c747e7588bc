"""Saving the text a person wrote: a refusal goes on the form, removed parts are reported."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def save_text(request, form, write):
    """Call ``write()``, a service returning ``(version, cleaned)``; the version, or None when
    the service refused (its reason is then shown on ``form``)."""
    try:
        version, cleaned = write()
    except ValidationError as error:
        form.add_error(None, error)
        return None
    if cleaned:
        messages.warning(
            request,
            _(
                "Some of the text was removed because it is not allowed in a sheet "
                "(scripts, images, styles or unsafe links). Check the result."
            ),
        )
    return version
