"""The labels of a build's steps, in the reader's language."""

from django.utils.translation import gettext as _

from clustermeet.paper.models import PaperBuild


def label(build: PaperBuild) -> str:
    if build.status == PaperBuild.Status.QUEUED:
        return _("Waiting for its turn")
    return {
        "figures": _("Reading the figures"),
        "layout": _("Laying out the charts and tables"),
        "pdf": _("Setting the pages"),
        "saving": _("Saving the PDF"),
    }.get(build.step, "")
