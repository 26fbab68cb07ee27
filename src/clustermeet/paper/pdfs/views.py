"""The output paper's PDF, built in the background and kept until what it shows changes:

- paper/pdf/ (pdfs:organisers): the organisers' full paper;
- paper/public.pdf (pdfs:public): the published paper's public sections, for anyone who may
  see the event (404 otherwise);
- paper/pdf/builds/<pk>/ and paper/public/builds/<pk>/ (pdfs:organisers_progress,
  pdfs:public_progress): a build's progress, polled by htmx while it is queued or running.

A PDF of the paper as it stands now (its fingerprint) is sent at once, with the fingerprint as
its ETag; else its build is started and the progress page shown (done at once when tasks run
inline), which links the PDF when it is ready."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_GET

from clustermeet.events.models import Event
from clustermeet.paper.models import PaperBuild
from clustermeet.paper.pdfs import access, services, steps, tasks

Status = PaperBuild.Status


def _send(request, event: Event, build: PaperBuild, *, public: bool):
    etag = quote_etag(build.fingerprint)
    if etag in parse_etags(request.headers.get("If-None-Match", "")):
        response = HttpResponseNotModified()
    else:
        suffix = "" if public else "-full"
        response = FileResponse(
            build.file.open("rb"),
            content_type="application/pdf",
            filename=f"{event.slug}-output-paper{suffix}-{build.language}.pdf",
        )
    response["ETag"] = etag
    if public:
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _pdf(request, event: Event, *, public: bool):
    build, start = services.request_build(event, translation.get_language(), public=public)
    if build.status == Status.DONE and not start:
        return _send(request, event, build, public=public)
    if start:
        tasks.schedule(build)
        build.refresh_from_db()  # done already when the task ran inline
    return render(request, "paper/pdfs/progress.html", _context(event, build, public))


def _context(event: Event, build: PaperBuild, public: bool) -> dict:
    names = ("public", "public_progress") if public else ("organisers", "organisers_progress")
    return {
        "event": event,
        "nav": "paper",
        "build": build,
        "public": public,
        "step": steps.label(build),
        "pdf_url": reverse(f"paper:pdfs:{names[0]}", args=[event.slug]),
        "poll_url": reverse(f"paper:pdfs:{names[1]}", args=[event.slug, build.pk]),
        "running": build.status in (Status.QUEUED, Status.RUNNING),
    }


def _progress(request, event: Event, pk: int, *, public: bool):
    build = PaperBuild.objects.filter(pk=pk, paper__event=event, public=public).first()
    if build is None:
        raise Http404("No such build.")
    context = _context(event, build, public)
    if request.htmx:
        # 286 tells htmx to stop polling: the build is finished (its last state is swapped in).
        return render(
            request,
            "paper/pdfs/_progress.html",
            context,
            status=200 if context["running"] else 286,
        )
    return render(request, "paper/pdfs/progress.html", context)


@login_required
@require_GET
def organisers(request, event_slug: str):
    return _pdf(request, access.organisers_event(request.user, event_slug), public=False)


@login_required
@require_GET
def organisers_progress(request, event_slug: str, pk: int):
    event = access.organisers_event(request.user, event_slug)
    return _progress(request, event, pk, public=False)


@require_GET
def public(request, event_slug: str):
    event, _paper = access.published_paper(request.user, event_slug)
    return _pdf(request, event, public=True)


@require_GET
def public_progress(request, event_slug: str, pk: int):
    event, _paper = access.published_paper(request.user, event_slug)
    return _progress(request, event, pk, public=True)
