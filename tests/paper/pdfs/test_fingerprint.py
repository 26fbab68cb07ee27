"""The fingerprint: what changes it, what does not, and its bounded number of queries."""

import pytest

from clustermeet.paper.models import Paper, Takeaway
from clustermeet.paper.pdfs.fingerprint import fingerprint
from clustermeet.people.models import Registration
from tests.factories import EventFactory, RegistrationFactory, SessionFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def test_the_same_data_gives_the_same_fingerprint_and_another_event_does_not_count():
    session = SessionFactory()
    paper = Paper.objects.create(event=session.event)
    before = fingerprint(paper)
    SessionFactory(event=EventFactory())
    RegistrationFactory()
    assert fingerprint(Paper.objects.get(pk=paper.pk)) == before


@pytest.mark.parametrize(
    "change",
    [
        "takeaway",
        "session title",
        "registration approved",
        "paper introduction",
        "event name",
    ],
)
def test_what_changes_it(change):
    session = SessionFactory()
    event = session.event
    registration = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    paper = Paper.objects.create(event=event)
    before = fingerprint(paper)
    if change == "takeaway":
        Takeaway.objects.create(session=session, text="One thing.")
    elif change == "session title":
        session.title = "Another title"
        session.save()
    elif change == "registration approved":
        Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.APPROVED)
    elif change == "paper introduction":
        paper.introduction = "Welcome."
        paper.save()
    else:
        event.name = "Another name"
        event.save()
    assert fingerprint(Paper.objects.select_related("event").get(pk=paper.pk)) != before


@pytest.mark.parametrize("size", [1, 3])
def test_its_queries_do_not_grow_with_the_event(size, django_assert_num_queries):
    paper = Paper.objects.create(event=build(size, slug=f"size-{size}").event)
    paper = Paper.objects.select_related("event").get(pk=paper.pk)
    with django_assert_num_queries(23):
        fingerprint(paper)


def test_a_speakers_job_title_changes_it():
    from clustermeet.people.models import Person
    from tests.factories import SessionSpeakerFactory

    role = SessionSpeakerFactory()
    paper = Paper.objects.create(event=role.session.event)
    before = fingerprint(paper)
    Person.objects.filter(pk=role.person_id).update(job_title="Head of unit")
    assert fingerprint(paper) != before
