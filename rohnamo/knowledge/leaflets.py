"""Printable leaflets: a published sheet version as an A4 or A5 PDF, or many in one PDF.

WeasyPrint lays out an HTML page with the fonts bundled next to this file (DejaVu Sans, which has
every Tajik letter), so a leaflet prints the same on any server whatever fonts it has. The
fetcher reads only those fonts and inline QR codes: a sheet's text can never make the server
fetch anything from the network.
"""

from pathlib import Path

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from rohnamo.core.queries import public_offices
from rohnamo.knowledge.links import interface_language

ASSETS = Path(__file__).resolve().parent / "leaflet"
SIZES = ("A4", "A5")
# Hotlines printed under each sheet: A5 has room for the centre's and one more.
HOTLINES = {"A4": 4, "A5": 2}


class AssetFetcher(URLFetcher):
    """Fetches the leaflet's own fonts and ``data:`` URLs, and refuses everything else."""

    def fetch(self, url, headers=None):
        if url.startswith("data:") or url.startswith(ASSETS.as_uri() + "/"):
            return super().fetch(url, headers)
        raise ValueError(f"Leaflets do not load outside resources: {url}")


def render_leaflet(version, *, size="A4", public_url):
    """The PDF of one sheet ``version``, its QR code pointing to ``public_url``."""
    return render_bundle([version], size=size, public_url_for=lambda _version: public_url)


def render_bundle(versions, *, size="A4", public_url_for):
    """One PDF with a leaflet for each of ``versions``, each starting on a new page."""
    if size not in SIZES:
        raise ValueError(f"Unknown paper size {size!r}")
    language = interface_language(versions[0].language.code)
    with translation.override(language):
        offices = public_offices()
        html = render_to_string(
            "knowledge/leaflet.html",
            {
                "size": size,
                "language": versions[0].language.code,
                "centre": next((office for office in offices if office.kind == "centre"), None),
                "hotlines": [office for office in offices if office.hotline][: HOTLINES[size]],
                "leaflets": [_leaflet(version, public_url_for(version)) for version in versions],
            },
        )
    document = HTML(string=html, base_url=ASSETS.as_uri() + "/", url_fetcher=AssetFetcher())
    return document.write_pdf()


def _leaflet(version, url):
    qr = segno.make(url, error="m")
    return {"version": version, "url": url, "qr": qr.svg_data_uri(scale=4, border=2)}
