"""`make bench`: response times of the portal as `make serve` runs it, measured over loopback.

Usage: python scripts/bench.py BASE_URL [--seconds S]
Each page is requested sequentially (p50/p95 over a bounded number of requests), then by 20 concurrent
clients for a bounded time. Requests carry `X-Forwarded-Proto: https`, as from the portal's TLS proxy.
Cached pages are measured warm (one request first), as visitors after the first meet them.
"""

import argparse
import re
import statistics
import threading
import time
import urllib.error
import urllib.request

PAGES = [
    ("home", "/en/"),
    ("companies directory", "/en/companies/"),
    ("a company", "/en/companies/lunit/"),
    ("search", "/en/search/?q=AI"),
]
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "portal-bench"}


def fetch(url):
    """(seconds, ok) of one GET; the body is read in full."""
    request = urllib.request.Request(url, headers=HEADERS)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            ok = response.status == 200
    except (urllib.error.URLError, OSError):
        ok = False
    return time.perf_counter() - started, ok


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def sequential(url, count, seconds):
    fetch(url)  # warm: the first visitor fills the page cache
    times, errors = [], 0
    deadline = time.monotonic() + seconds
    while len(times) < count and time.monotonic() < deadline:
        elapsed, ok = fetch(url)
        times.append(elapsed)
        errors += not ok
    return times, errors


def concurrent(url, clients, seconds):
    times, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        while time.monotonic() < deadline:
            elapsed, ok = fetch(url)
            with lock:
                times.append(elapsed)
                errors[0] += not ok

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors[0], time.monotonic() - started


def static_file(base):
    with urllib.request.urlopen(
        urllib.request.Request(base + "/en/", headers=HEADERS), timeout=30
    ) as response:
        html = response.read().decode()
    return "hashed static file", re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html).group(1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--requests", type=int, default=200, help="sequential requests per page at most")
    parser.add_argument("--seconds", type=float, default=10, help="time limit per page and mode")
    parser.add_argument("--clients", type=int, default=20)
    options = parser.parse_args()
    pages = [static_file(options.base), *PAGES]

    rows = []
    for name, path in pages:
        url = options.base + path
        seq, seq_errors = sequential(url, options.requests, options.seconds)
        conc, conc_errors, took = concurrent(url, options.clients, options.seconds)
        rows.append(
            {
                "name": name,
                "p50": statistics.median(seq) * 1000,
                "p95": percentile(seq, 0.95) * 1000,
                "c_p50": statistics.median(conc) * 1000,
                "c_p95": percentile(conc, 0.95) * 1000,
                "rps": len(conc) / took,
                "errors": seq_errors + conc_errors,
                "count": len(seq) + len(conc),
            }
        )
    static_p50 = rows[0]["p50"]
    clients = options.clients
    print(f"| page | p50 ms | p95 ms | p50 / static | {clients} clients: p50 ms | p95 ms | req/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['name']} | {row['p50']:.1f} | {row['p95']:.1f} | {row['p50'] / static_p50:.2f} | "
            f"{row['c_p50']:.1f} | {row['c_p95']:.1f} | {row['rps']:.0f} | "
            f"{row['errors']} of {row['count']} |"
        )


if __name__ == "__main__":
    main()
