"""The short code that opens a personal checklist: written on paper, read over the phone."""

from rohnamo.lib.codes import ALPHABET, grouped, random_code

LENGTH = 8


def new_code():
    """8 random symbols, about 8.5 × 10^11 possibilities: guessing one is hopeless."""
    return random_code(LENGTH)


def looks_valid(code):
    return len(code) == LENGTH and all(char in ALPHABET for char in code)


def spaced(code):
    """``K7Q4 MX2P``, as the page shows it to be written down."""
    return grouped(code, " ") if len(code) == LENGTH else code
