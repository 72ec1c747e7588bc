from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from rohnamo.knowledge.queries import public_sheets


class I18nSitemap(Sitemap):
    """Every page in every interface language, with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True


class PublicPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "portal:home",
            "portal:offices",
            "portal:about",
            "portal:sheets",
            "portal:ask",
            "portal:track",
            "portal:help",
            "portal:agencies",
            "portal:jobs",
            "portal:travel_check",
            "portal:checklist_start",
            "portal:courses",
            "portal:certificate_check",
        ]

    def location(self, item):
        return reverse(item)


class SheetsSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return list(public_sheets().order_by("code").values_list("code", flat=True))

    def location(self, code):
        return reverse("portal:sheet", args=[code])


SITEMAPS = {"pages": PublicPagesSitemap, "sheets": SheetsSitemap}
