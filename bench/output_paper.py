"""Output paper benchmark (issue 14): the paper of the demo's ECC 2020 (1,100+ participants,
every section filled) as HTML and as PDF, as `clustermeet output-paper` and the organisers'
PDF download make them.

    .venv/bin/python bench/output_paper.py [--event ecc-2020] [--runs 3] [--keep FILE]

What it does: migrates a fresh SQLite database in a temporary folder (the project's own
settings with DATABASE_URL and MEDIA_ROOT pointing there; nothing else is touched), loads the
demo (`clustermeet demo`), then, `--runs` times, builds the document — the figures of every
section (`document.context`) and the standalone HTML (`document.render_html`) — and lays it out
as a PDF (`document.render_pdf`, WeasyPrint, PDF/UA-1). It prints one JSON line with the best
run's figures (the first run also pays for imports and warm caches; all runs are listed):

- html_s: seconds from nothing to the HTML string (figures_s of which reading the figures and
  drawing the charts); queries: the database queries of the figures;
- pdf_s: seconds of the WeasyPrint layout and writing, from the HTML; total_s = html_s + pdf_s;
- bytes, pages: the PDF's size and page count; html_bytes the HTML's size;
- targets: HTML ≤ 2 s, PDF ≤ 15 s, PDF ≤ 5 MB (issue 14).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def log(*parts) -> None:
    print("output_paper:", *parts, file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--event", default="ecc-2020")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", metavar="FILE", help="write the last PDF here")
    args = parser.parse_args()

    folder = tempfile.TemporaryDirectory(prefix="bench-paper-")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder.name) / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    settings.MEDIA_ROOT = Path(folder.name) / "media"
    from clustermeet.demo.loader import load_demo
    from clustermeet.events.models import Event
    from clustermeet.paper import document, queries
    from clustermeet.people.models import Registration

    log("migrating", os.environ["DATABASE_URL"])
    call_command("migrate", verbosity=0, interactive=False)
    log("loading the demo")
    load_demo()
    event = Event.objects.get(slug=args.event)
    participants = Registration.objects.filter(
        event=event, status=Registration.Status.APPROVED
    ).count()

    runs = []
    pdf = b""
    with translation.override("en"):
        for run in range(args.runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                content = document.context(event, queries.paper_of(event))
            figures_s = time.perf_counter() - started
            html = document.render_html(content)
            html_s = time.perf_counter() - started
            started = time.perf_counter()
            pdf = document.render_pdf(html)
            pdf_s = time.perf_counter() - started
            runs.append(
                {
                    "figures_s": round(figures_s, 2),
                    "html_s": round(html_s, 2),
                    "pdf_s": round(pdf_s, 2),
                    "queries": len(captured),
                    "html_bytes": len(html.encode()),
                }
            )
            log(f"run {run + 1}: html {html_s:.2f} s, pdf {pdf_s:.2f} s, {len(pdf):,} bytes")

    import pypdfium2

    pages = len(pypdfium2.PdfDocument(pdf))
    if args.keep:
        Path(args.keep).write_bytes(pdf)
    best = min(runs, key=lambda r: r["html_s"] + r["pdf_s"])
    print(
        json.dumps(
            {
                "event": args.event,
                "participants": participants,
                **best,
                "total_s": round(best["html_s"] + best["pdf_s"], 2),
                "bytes": len(pdf),
                "pages": pages,
                "runs": runs,
                "targets": {"html_s": 2, "pdf_s": 15, "bytes": 5 * 1024 * 1024},
            }
        )
    )


if __name__ == "__main__":
    main()
