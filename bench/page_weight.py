"""Measure what a phone downloads for each public page, and how fast the server answers.

Usage: start the app (`make demo`), then
    .venv/bin/python bench/page_weight.py [http://127.0.0.1:8000] [--repeat 20]

For each public page in each language it prints the compressed bytes of the HTML plus every
stylesheet it links (what a first visit transfers), and the median server time of repeated GETs.
The budget is 30 KB per page.
"""

import argparse
import gzip
import re
import statistics
import time
import urllib.request

PAGES = [
    "/{lang}/",
    "/{lang}/offices/",
    "/{lang}/about/",
    "/{lang}/sheets/",
    "/{lang}/sheets/?stage=before&country=RU",
    "/{lang}/sheets/registration-russia/",
    "/{lang}/search/?q=patent",
    "/{lang}/help/",
    "/{lang}/help/?place=c:RU&category=legal-aid",
    "/{lang}/ask/",
    "/{lang}/track/",
    "/{lang}/agencies/?q=Sharq+Kor",
    "/{lang}/jobs/",
    "/{lang}/statistics/",
    "/{lang}/can-i-travel/",
    "/{lang}/checklist/",
    "/{lang}/courses/",
    "/{lang}/certificate/",
]
LANGUAGES = ["tg", "ru", "en"]
BUDGET = 30 * 1024


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding")
    elapsed = time.perf_counter() - started
    plain = gzip.decompress(body) if encoding == "gzip" else body
    return len(body), plain, elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    print(f"{'page':<40} {'html gz':>8} {'css gz':>8} {'total':>8} {'median ms':>10}")
    worst = 0
    for language in LANGUAGES:
        for pattern in PAGES:
            path = pattern.format(lang=language)
            html_bytes, html, _elapsed = fetch(options.base + path)
            css_bytes = sum(
                fetch(options.base + href)[0]
                for href in re.findall(rb'<link rel="stylesheet" href="([^"]+)"', html)
                for href in [href.decode()]
            )
            times = [fetch(options.base + path)[2] for _ in range(options.repeat)]
            total = html_bytes + css_bytes
            worst = max(worst, total)
            median = statistics.median(times) * 1000
            print(f"{path:<40} {html_bytes:>8} {css_bytes:>8} {total:>8} {median:>10.1f}")
    print(f"heaviest page: {worst} bytes of a {BUDGET} byte budget ({100 * worst / BUDGET:.0f}%)")


if __name__ == "__main__":
    main()
