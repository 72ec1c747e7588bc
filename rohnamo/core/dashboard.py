"""Cards on an office's dashboard. Modules register a function that returns a card or None.

A card function receives the office and the viewing user and returns ``Card`` or ``None``; None
hides the card, so an empty module adds nothing to the page.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Card:
    title: str
    value: object
    url: str = ""
    note: str = ""


CARD_FUNCTIONS = []


def add_card(function):
    CARD_FUNCTIONS.append(function)
    return function


def cards_for(office, user):
    cards = (function(office, user) for function in CARD_FUNCTIONS)
    return [card for card in cards if card is not None]
