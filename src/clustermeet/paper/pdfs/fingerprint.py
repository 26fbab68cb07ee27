"""The fingerprint of what a paper shows: a SHA-256 of the paper's own row, the event's row,
the takeaways and the event's data, which keys a stored PDF (`PaperBuild`). Twenty-three queries,
each bounded whatever the event's size:

- small tables, every field of every row (an edit anywhere shows): the sessions (with their
  room's name), their speakers (with the name, job title, organisation and erasure the
  programme prints), attachments, takeaways, polls and their options, cafés and their
  questions and theme labels, booths, pitches, award categories and nominations;
- large tables, per state (a GROUP BY): the count, the largest primary key and the latest
  timestamp where the table has one — registrations by status and stakeholder type (with their
  distinct countries and organisations), poll ballots (latest `updated_at`), café notes
  (latest `updated_at`), meeting requests and meetings by status, meeting attendance by report,
  booth visits, leads and pitch contacts (withdrawn or not), award ballots (latest `cast_at`).

Its limits: an edit of a large table's row that keeps its state and has no timestamp (a
participant's country or organisation changed in place, a registration moved from one
stakeholder type to another while another moves back) and edits of rows outside the event
(an organisation's type, a person's country, a café session's challenges and ecosystems) do
not change it. The release (`clustermeet.__version__`) and `VERSION` (raise it when the
document's layout changes between releases) are part of it, so a new layout rebuilds the PDFs."""

import enum
import hashlib

from django.db.models import Count, Max, Q
from django.db.models.fields.files import FieldFile

import clustermeet
from clustermeet.awards.models import Ballot as AwardBallot
from clustermeet.awards.models import Category, Nomination
from clustermeet.cafe.models import Cafe, CafeQuestion, Note, ThemeLabel
from clustermeet.exhibition.models import Booth, BoothVisit, Lead, Pitch, PitchContact
from clustermeet.live.models import Ballot, Poll, PollOption
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingRequest
from clustermeet.paper.models import Paper, Takeaway
from clustermeet.people.models import Registration
from clustermeet.programme.models import Attachment, Session, SessionSpeaker

VERSION = "paper-1"
WITHDRAWN = Q(withdrawn_at__isnull=False)

# (model, the path to the event, extra fields read with every row)
SMALL = (
    (Session, "event", ("room__name",)),
    (
        SessionSpeaker,
        "session__event",
        (
            "person__first_name",
            "person__last_name",
            "person__job_title",
            "person__organisation__name",
            "person__erased_at",
        ),
    ),
    (Attachment, "session__event", ()),
    (Takeaway, "session__event", ()),
    (Poll, "session__event", ()),
    (PollOption, "poll__session__event", ()),
    (Cafe, "session__event", ()),
    (CafeQuestion, "cafe__session__event", ()),
    (ThemeLabel, "question__cafe__session__event", ()),
    (Booth, "event", ()),
    (Pitch, "session__event", ()),
    (Category, "event", ()),
    (Nomination, "category__event", ()),
)
# (model, the path to the event, the states grouped by, extra aggregates)
LARGE = (
    (
        Registration,
        "event",
        ("status", "stakeholder_type"),
        {
            "countries": Count("person__country", distinct=True),
            "organisations": Count("person__organisation", distinct=True),
        },
    ),
    (Ballot, "poll__session__event", ("poll_id",), {"latest": Max("updated_at")}),
    (Note, "table__cafe__session__event", ("question_id",), {"latest": Max("updated_at")}),
    (MeetingRequest, "event", ("status",), {}),
    (Meeting, "event", ("status", "origin"), {}),
    (MeetingParticipant, "meeting__event", ("attendance", "active"), {}),
    (BoothVisit, "booth__event", (), {}),
    (Lead, "booth__event", (), {"withdrawn": Count("pk", filter=WITHDRAWN)}),
    (PitchContact, "pitch__session__event", (), {"withdrawn": Count("pk", filter=WITHDRAWN)}),
    (AwardBallot, "category__event", ("category_id",), {"latest": Max("cast_at")}),
)


def _row_fields(model, extra: tuple) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields] + list(extra)


def _plain(value):
    """A field's value as the database gives it back (a choice's value, a file's name)."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def _row(obj) -> list:
    return [_plain(getattr(obj, name)) for name in _row_fields(type(obj), ())]


def parts(paper: Paper) -> list:
    """What the fingerprint hashes, in a fixed order (the tests read it)."""
    event = paper.event
    found: list = [
        clustermeet.__version__,
        VERSION,
        _row(paper) if paper.pk else "no paper",
        _row(event),
    ]
    for model, path, extra in SMALL:
        rows = model.objects.filter(**{path: event}).order_by("pk")
        found.append([model.__name__, list(rows.values_list(*_row_fields(model, extra)))])
    for model, path, states, aggregates in LARGE:
        rows = model.objects.filter(**{path: event})
        figures = {"n": Count("pk"), "last": Max("pk"), **aggregates}
        if states:
            found.append(
                [
                    model.__name__,
                    list(rows.values(*states).annotate(**figures).order_by(*states).values_list()),
                ]
            )
        else:
            found.append([model.__name__, sorted(rows.aggregate(**figures).items())])
    return found


def fingerprint(paper: Paper) -> str:
    return hashlib.sha256(repr(parts(paper)).encode("utf-8")).hexdigest()
