from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from rohnamo.core.request_context import current_ip
from rohnamo.lib.http import client_ip


class RequestContextMiddleware:
    """Remembers the client address for the audit log while a request is handled."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)


class LanguageMiddleware(LocaleMiddleware):
    """Chooses the interface language: the URL prefix, else the remembered choice, else Tajik.

    The browser's Accept-Language is ignored on purpose: phones and office computers in Tajikistan
    are often set to Russian or English, yet Tajik is the default the centre wants everyone to meet.
    A language chosen on the public site (by opening /ru/..., say) is remembered in the cookie, so
    ``/`` and the staff pages open in it next time. API callers are programs whose Accept-Language
    was set on purpose, so under ``/api/`` it is honoured.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        if not language:
            cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            known = {code for code, _label in settings.LANGUAGES}
            if cookie in known:
                language = cookie
            elif request.path_info.startswith("/api/"):
                language = translation.get_language_from_request(request)
            else:
                language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response = super().process_response(request, response)
        from_path = translation.get_language_from_path(request.path_info)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if from_path and from_path != cookie and response.status_code == 200:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                from_path,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
