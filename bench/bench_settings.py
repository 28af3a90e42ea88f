"""Settings of the load benchmark (`bench/pages.py`): Triáda's own, with `bench_urls`."""

from triada.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver", "127.0.0.1"]  # noqa: F405
# No collectstatic before a benchmark: static URLs without the manifest.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
