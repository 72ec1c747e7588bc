from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each interface language, as plain links (no JavaScript, no POST)."""
    request = context["request"]
    current = request.LANGUAGE_CODE
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, _label in settings.LANGUAGES
    ]


@register.filter
def tel(number):
    """A phone number as a tel: URI (digits and a leading +)."""
    return "tel:" + "".join(char for char in str(number) if char.isdigit() or char == "+")
