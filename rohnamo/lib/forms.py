"""Showing a service's ValidationError on the form that called it."""


def add_service_errors(form, error):
    """Errors keyed by a field the form has go under that field; the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)
