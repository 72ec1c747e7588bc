"""The short code that opens a personal checklist: written on paper, read over the phone."""

import secrets

# No 0/O, 1/I/L: the same symbols as case tracking codes, which people already copy by hand.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8


def new_code():
    """8 random symbols, about 8.5 × 10^11 possibilities: guessing one is hopeless."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_code(text):
    """What someone typed, in the stored form: spaces, hyphens and case do not matter."""
    return "".join(char for char in (text or "").upper() if char.isalnum())


def looks_valid(code):
    return len(code) == LENGTH and all(char in ALPHABET for char in code)


def grouped(code):
    """``K7Q4 MX2P``: two groups of four are easier to write down and read back."""
    return f"{code[:4]} {code[4:]}" if len(code) == LENGTH else code
