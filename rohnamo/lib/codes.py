"""Codes people copy by hand or read over the phone: case tracking codes, personal checklist
codes, certificate codes. No look-alike symbols (0/O, 1/I/L), drawn with ``secrets``."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def random_code(length):
    """``length`` random symbols of ``ALPHABET`` (31 ** length possibilities)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def plain_code(text):
    """What someone typed or scanned, upper-case, without spaces, hyphens or other marks."""
    return "".join(char for char in (text or "").upper() if char.isalnum())


def grouped(code, separator="-"):
    """``K7Q4MX2P`` → ``K7Q4-MX2P``: groups of four are easier to write down and read back."""
    return separator.join(code[index : index + 4] for index in range(0, len(code), 4))
