from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PublicPagesSitemap(Sitemap):
    """Every public page in every interface language. Modules add their own sitemaps."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["portal:home", "portal:offices", "portal:about"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PublicPagesSitemap}
