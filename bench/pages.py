"""Benchmark: the main pages on the database at hand (e.g. one made by `manage.py generate`).

    DATABASE_URL=… TRIADA_DATA_DIR=… .venv/bin/python bench/pages.py [--runs 20 --rounds 3]

Prints one table and writes it as JSON (`--json`): per page the SQL queries, the single-request
latency p50/p95 (rendered in-process, the cache off), and the throughput under concurrent load
of a gunicorn server with 2 workers, cached for anonymous visitors as in production, next to a
bare "hello" view of the same server in the same run; the search latency for a rare word, a
common word, a prefix and words without diacritics; the peak memory of a worker; and the
figures of `bench/documents.py` (PDF text extraction, minutes and plan PDF rendering). Not a
test: nothing is asserted."""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

import documents  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from triada.accounts.models import AreaRole, User  # noqa: E402
from triada.areas.models import Area  # noqa: E402
from triada.conftest import client_for  # noqa: E402
from triada.meetings.models import Meeting  # noqa: E402
from triada.minutes.models import Minutes  # noqa: E402
from triada.planning.models import PlanVersion  # noqa: E402
from triada.search.backends import search  # noqa: E402
from triada.structure.models import Body  # noqa: E402

SEARCHES = {
    "rare word": "hipoterapie",
    "common word": "služby",
    "prefix": "senio",
    "without diacritics": "pecovatelska sluzba",
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def pages(area: Area) -> dict[str, tuple[bool, str]]:
    body = Body.objects.filter(area=area, kind=Body.Kind.WORKING_GROUP).order_by("pk").first()
    meeting = (
        Meeting.objects.filter(body=body, minutes__status=Minutes.Status.PUBLISHED)
        .order_by("-starts_at")
        .first()
    )
    in_force = PlanVersion.objects.filter(plan__area=area, status="in_force").first()
    draft = PlanVersion.objects.filter(plan__area=area, status="draft").first() or in_force
    slug = area.slug

    def staff(name, **kwargs):
        return True, reverse(name, kwargs={"area_slug": slug, **kwargs})

    return {
        "area home": (False, f"/{slug}/"),
        "structure": (False, f"/{slug}/struktura/"),
        "roster": (False, f"/{slug}/organy/{body.slug}/"),
        "minutes archive": (False, f"/{slug}/zapisy/"),
        "meeting": (False, f"/{slug}/jednani/{meeting.pk}/"),
        "plan tree": (False, f"/{slug}/plan/"),
        "search results": (False, f"/hledat/?q={quote('pečovatelská')}&oblast={slug}"),
        "staff dashboard": staff("staff:dashboard"),
        "staff body roster": staff("structure:body", pk=body.pk),
        "staff minutes editor": staff("minutes:edit", pk=meeting.pk),
        "staff plan editor": staff("planning:version", pk=draft.pk),
    }


def coordinator(area: Area) -> User:
    user, _created = User.objects.get_or_create(username="benchmark.koordinator")
    AreaRole.objects.get_or_create(user=user, area=area, role=AreaRole.Role.COORDINATOR)
    return user


def measure_in_process(area, runs: int) -> dict[str, dict]:
    settings.TRIADA_PUBLIC_CACHE_SECONDS = 0  # the rendering, not the cache
    staff, public = client_for(coordinator(area)), client_for(None)
    results = {}
    for name, (is_staff, url) in pages(area).items():
        client = staff if is_staff else public
        assert client.get(url).status_code == 200, url
        connection.queries_log.clear()  # a full log would count nothing
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
        results[name] = {
            "url": url,
            "queries": len(queries),
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": percentile(times, 0.95) * 1000,
        }
    return results


def measure_search(runs: int) -> dict[str, dict]:
    results = {}
    for name, query in SEARCHES.items():
        times, hits = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            hits = len(search(query))
            times.append(time.perf_counter() - start)
        results[name] = {
            "query": query,
            "hits": hits,
            "p50_ms": statistics.median(times) * 1000,
            "p95_ms": percentile(times, 0.95) * 1000,
        }
    return results


def load(port: int, path: str, seconds: float, concurrency: int) -> float:
    """Requests per second that `concurrency` clients get answered in `seconds`."""
    done = [0] * concurrency
    stop = time.perf_counter() + seconds

    def client(n):
        while time.perf_counter() < stop:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
            except OSError:  # the server is still starting
                time.sleep(0.05)
                continue
            finally:
                conn.close()
            if response.status == 200:
                done[n] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - start)


def worker_peak_memory_kib(master_pid: int) -> int:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    peaks = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]))
    return max(peaks, default=0)


def measure_throughput(public_urls, seconds, concurrency, rounds, port=8765):
    """Requests per second, the median of `rounds` rounds; each round loads the hello view and
    then every page, so that a slower moment of the machine falls on both alike."""
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    env.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key")
    env["DJANGO_HTTPS"] = "0"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "triada.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--pythonpath", f"{ROOT / 'src'},{ROOT / 'bench'}",
         "--log-level", "warning"],
        env={**env, "DJANGO_SETTINGS_MODULE": "bench_settings"},
    )  # fmt: skip
    try:
        for _ in range(150):  # until the server answers
            if load(port, "/__hello__/", 0.2, 2) > 0:
                break
        load(port, "/__hello__/", 1, concurrency)  # both workers up and warm
        for url in public_urls.values():
            load(port, url, 0.5, 1)  # fill the cache
        urls = {"hello": "/__hello__/", **public_urls}
        rates = {name: [] for name in urls}
        for _ in range(rounds):
            for name, url in urls.items():
                rates[name].append(load(port, url, seconds, concurrency))
        results = {name: statistics.median(values) for name, values in rates.items()}
        return results, worker_peak_memory_kib(server.pid)
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--document-runs", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--json", default=str(ROOT / "bench" / "pages.json"))
    args = parser.parse_args()
    area = Area.objects.order_by("pk").first()
    vendor = connection.vendor
    rendered = measure_in_process(area, args.runs)
    searched = measure_search(args.runs)
    documented = documents.measure(files=8, pages=20, runs=args.document_runs)
    public_urls = {name: row["url"] for name, row in rendered.items() if name[:5] != "staff"}
    throughput, peak_kib = measure_throughput(
        public_urls, args.seconds, args.concurrency, args.rounds
    )
    hello = throughput["hello"]
    cache = os.environ.get("TRIADA_CACHE_URL") or "files in TRIADA_DATA_DIR/cache"
    print(f"{vendor}, {Meeting.objects.count():,} meetings; the server's cache: {cache}")
    print(f"{'page':<22}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'÷ hello':>9}")
    for name, row in rendered.items():
        rate = throughput.get(name)
        row["requests_per_s"], row["of_hello"] = rate, rate / hello if rate else None
        cells = f"{rate:9.0f}{rate / hello:9.0%}" if rate else f"{'':9}{'':9}"
        print(f"{name:<22}{row['queries']:>8}{row['p50_ms']:9.1f}{row['p95_ms']:9.1f}{cells}")
    print(f"{'hello':<22}{'':8}{'':9}{'':9}{hello:9.0f}{1:9.0%}")
    for name, row in searched.items():
        times = f"{row['p50_ms']:9.1f} ms p50 {row['p95_ms']:9.1f} ms p95"
        print(f"search: {name:<20} {times} ({row['hits']} hits)")
    print(f"peak memory of a worker: {peak_kib / 1024:,.0f} MiB")
    documents.print_rows(documented)
    report = {"database": vendor, "pages": rendered, "search": searched, "hello_per_s": hello,
              "worker_peak_mib": peak_kib / 1024, "documents": documented}  # fmt: skip
    Path(args.json).write_text(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
