"""The staff menu. Each module adds its entries in its AppConfig.ready().

An entry shows only to people its ``allowed`` test admits, so a module with nothing for a person
shows nothing rather than a placeholder.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    allowed: Callable
    order: int = 100


MENU = []


def add_menu_entry(entry):
    MENU.append(entry)
    MENU.sort(key=lambda item: item.order)


def menu_for(user):
    return [
        {"label": entry.label, "url": reverse(entry.url_name), "url_name": entry.url_name}
        for entry in MENU
        if entry.allowed(user)
    ]
