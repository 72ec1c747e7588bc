"""Absolute addresses of public sheet pages, printed on leaflets as text and QR code."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation


def interface_language(code):
    """``code`` when the interface speaks it, else the default (sheets may be in Uzbek, say)."""
    spoken = {language for language, _label in settings.LANGUAGES}
    return code if code in spoken else settings.LANGUAGE_CODE


def public_path(version):
    """The path of ``version``'s public page, in its language (or Tajik for other languages)."""
    with translation.override(interface_language(version.language.code)):
        return reverse("portal:sheet", args=[version.sheet.code])


def public_url(version):
    return settings.ROHNAMO_PUBLIC_URL.rstrip("/") + public_path(version)
