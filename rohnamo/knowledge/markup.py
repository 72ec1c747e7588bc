"""The sheet text format: Markdown in, safe HTML out.

Authors write Markdown. The HTML it becomes is cleaned by nh3 (the Ammonia sanitizer) to a small
set of tags: no scripts, no event handlers, no styles, no images, links only to web, phone and
e-mail addresses. Phone numbers in the text become tap-to-call links.
"""

import html
import re

import markdown
import nh3

MAX_BODY_LENGTH = 40_000

ALLOWED_TAGS = {
    "h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "b", "i",
    "a", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "tel", "mailto"}

# International (+992 37 221 00 00, +7 (495) 123-45-67) and Russian/Tajik long-distance
# (8 800 100-00-00) numbers, at least nine digits in all.
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}|8)[\s\-]?(?:\(?\d{2,4}\)?[\s\-]?){2,4}\d{2,4}(?!\w)")
TAG = re.compile(r"(<[^>]+>)")


def render(source):
    """``(html, changed)``: the cleaned HTML of Markdown ``source``, and whether cleaning removed
    anything the author wrote (a script, an event handler, an image, a forbidden link)."""
    raw = markdown.markdown(source, extensions=["tables", "sane_lists"], output_format="html")
    # Headings start at h2: the page's h1 is the sheet title.
    raw = re.sub(r"<(/?)h1>", r"<\1h2>", raw)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return link_phone_numbers(clean), _normalized(clean) != _normalized(raw)


def _normalized(fragment):
    return re.sub(r"\s+", " ", re.sub(r' rel="[^"]*"', "", fragment)).strip()


def link_phone_numbers(fragment):
    """Wrap phone numbers outside existing links in ``<a href="tel:...">``."""
    parts = TAG.split(fragment)
    inside_link = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            if re.match(r"<a[\s>]", part):
                inside_link += 1
            elif part.startswith("</a"):
                inside_link = max(0, inside_link - 1)
        elif not inside_link:
            parts[index] = PHONE.sub(_phone_link, part)
    return "".join(parts)


def _phone_link(match):
    number = match.group(0)
    digits = re.sub(r"[^\d+]", "", html.unescape(number))
    return f'<a href="tel:{digits}">{number}</a>'


def plain_text(fragment):
    """The text of an HTML fragment, for search and snippets."""
    return html.unescape(re.sub(r"\s+", " ", TAG.sub(" ", fragment))).strip()
