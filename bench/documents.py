"""Benchmark: reading uploaded PDFs and rendering minutes and plan PDFs.

    make bench   (or: TRIADA_DATA_DIR=… .venv/bin/python bench/documents.py [--files 8 --pages 20])

Prints the figures (`bench/pages.py` adds them to its table and JSON): pages per second of
text extraction through Triáda's own path (a child process with limits, per file) next to
pypdfium2 called directly on the same files, the time to render a minutes PDF, and the time
to render the plan and its action plan as PDF for the largest plan version in the database at
hand (e.g. one made by `manage.py generate`). Each figure is the median of several runs. Not a
test: nothing is asserted."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triada.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

import pypdfium2  # noqa: E402
from django.db.models import Count  # noqa: E402
from weasyprint import HTML  # noqa: E402

from triada.documents.extraction import extract_text  # noqa: E402
from triada.documents.pdf import render_pdf  # noqa: E402
from triada.planning.exports import action_plan_pdf, plan_pdf  # noqa: E402
from triada.planning.models import PlanVersion  # noqa: E402

PARAGRAPH = (
    "Pracovní skupina projednala plnění akčního plánu a potřeby seniorů v obcích "
    "na Těšínsku. Zástupci poskytovatelů upozornili na nedostatek pracovníků v "
    "terénních službách a zástupci uživatelů na dostupnost služeb o víkendech. "
)


def make_pdfs(folder: Path, files: int, pages: int) -> list[Path]:
    body = "".join(f"<h2>Bod {n}</h2><p>{PARAGRAPH * 6}</p>" for n in range(pages * 2))
    data = HTML(string=f"<html lang='cs'><body>{body}</body></html>").write_pdf()
    paths = []
    for n in range(files):
        path = folder / f"zapis-{n}.pdf"
        path.write_bytes(data)
        paths.append(path)
    return paths


def timed(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plan_rows(runs: int) -> list[dict]:
    """The plan and its first year's action plan as PDF, for the version with the most items."""
    version = (
        PlanVersion.objects.annotate(size=Count("items"))
        .filter(size__gt=0)
        .order_by("-size", "pk")
        .first()
    )
    if version is None:
        return []
    year = version.plan.first_year
    pages = len(pypdfium2.PdfDocument(plan_pdf(version)))
    plan_s = timed(lambda: plan_pdf(version), runs)
    action_s = timed(lambda: action_plan_pdf(version, year), runs)
    return [
        row(f"plan PDF rendering ({version.size} items, {pages} pages)", plan_s, "s"),
        row(f"action plan {year} PDF rendering", action_s, "s"),
    ]


def row(what: str, value: float, unit: str) -> dict:
    return {"what": what, "value": value, "unit": unit}


def measure(files: int, pages: int, runs: int) -> list[dict]:
    """The figures, each the median of `runs` runs."""
    with tempfile.TemporaryDirectory() as folder:
        paths = make_pdfs(Path(folder), files, pages)
        total_pages = sum(len(pypdfium2.PdfDocument(p)) for p in paths)

        def triada():
            for path in paths:
                extract_text(path, path.name)

        def direct():
            for path in paths:
                for page in pypdfium2.PdfDocument(path):
                    page.get_textpage().get_text_range()

        triada_s, direct_s = timed(triada, runs), timed(direct, runs)
    content = "".join(f"<h2>{n}. Bod programu</h2><p>{PARAGRAPH * 4}</p>" for n in range(8))
    context = {"meeting": None, "body": None, "content": content}
    render_s = timed(lambda: render_pdf("minutes/pdf.html", context), runs)
    size = f"{files} files × {total_pages // files} pages"
    return [
        row(
            f"PDF text, Triáda (child process per file, {size})", total_pages / triada_s, "pages/s"
        ),
        row("PDF text, pypdfium2 directly, same files", total_pages / direct_s, "pages/s"),
        row("minutes PDF rendering (8 agenda items)", render_s * 1000, "ms"),
        *plan_rows(runs),
    ]


def print_rows(rows: list[dict]) -> None:
    width = max(len(r["what"]) for r in rows)
    for r in rows:
        print(f"{r['what']:<{width}}  {r['value']:>10,.2f} {r['unit']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print_rows(measure(args.files, args.pages, args.runs))


if __name__ == "__main__":
    main()
