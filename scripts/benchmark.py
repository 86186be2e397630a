"""Print each public page's SQL query count, server time and weight (HTML plus the static files it links).

Run with `make benchmark` (it uses the local database that `make run` seeds). Figures, not assertions:
timings vary with the machine, so no test depends on them.
"""

import gzip
import os
import re
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/{lang}/",
    "/{lang}/companies/",
    "/{lang}/companies/?kind=startup&district=gangnam",
    "/{lang}/companies/samsung/",
    "/{lang}/deals/",
    "/{lang}/market/",
    "/{lang}/policy/",
    "/{lang}/talent/",
    "/{lang}/talent/ai-yangjae-hub/",
    "/{lang}/events/",
    "/{lang}/invest/",
    "/{lang}/stories/",
    "/{lang}/search/?q=samsng",
    "/{lang}/contact/",
]
RUNS = 5


def static_weight(html):
    """Gzipped bytes of the CSS and JS a page links (what whitenoise serves compressed)."""
    css = js = 0
    for path in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        file = Path(settings.STATIC_ROOT) / path.removeprefix(settings.STATIC_URL)
        size = len(gzip.compress(file.read_bytes())) if file.exists() else 0
        if path.endswith(".js"):
            js += size
        else:
            css += size
    return css, js


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    columns = ["status", "queries", "median ms", "html KB", "gzip KB", "css+js KB"]
    header = f"{'page':<52} " + " ".join(f"{name:>9}" for name in columns)
    print(header)
    print("-" * len(header))
    for lang in ("ko", "en"):
        for template in PAGES:
            url = template.format(lang=lang)
            timings = []
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - start) * 1000)
            html = response.content.decode()
            css, js = static_weight(html)
            print(
                f"{url:<52} {response.status_code:>9} {len(queries):>9} {statistics.median(timings):>9.1f} "
                f"{len(response.content) / 1024:>9.1f} {len(gzip.compress(response.content)) / 1024:>9.1f} "
                f"{(css + js) / 1024:>9.1f}"
            )


if __name__ == "__main__":
    main()
