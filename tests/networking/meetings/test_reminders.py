"""Meeting reminders: the command, the Celery job and its beat entry. Once per meeting."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone

from clustermeet.celery_app import app
from clustermeet.networking.meetings import reminders
from clustermeet.networking.meetings.reminders import send_due_reminders
from clustermeet.networking.models import Meeting
from tests.factories import EventFactory
from tests.networking.factories import SlotFactory, make_meeting, participant


@pytest.fixture
def meetings(db):
    """Meetings starting in 5, 14 and 40 minutes, one started 5 minutes ago, a cancelled one in
    10 minutes."""
    event = EventFactory(slug="ecc")
    now = timezone.now()

    def meeting(minutes, status=Meeting.Status.SCHEDULED):
        start = now + dt.timedelta(minutes=minutes)
        slot = SlotFactory(event=event, starts_at=start, ends_at=start + dt.timedelta(minutes=20))
        people = [participant(event), participant(event)]
        return make_meeting(event=event, people=people, slot=slot, status=status)

    return {
        "soon": meeting(5),
        "in_14": meeting(14),
        "later": meeting(40),
        "started": meeting(-5),
        "cancelled": meeting(10, Meeting.Status.CANCELLED),
    }


def run(*args) -> str:
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_meeting_reminders", *args, stdout=out)
    return out.getvalue()


def test_the_command_reminds_each_due_meeting_once(meetings, mailoutbox):
    assert run() == "2 meeting reminder(s) sent.\n"
    assert len(mailoutbox) == 4
    assert {m.to[0] for m in mailoutbox} == {
        s.person.email
        for key in ("soon", "in_14")
        for s in meetings[key].participants.select_related("person")
    }
    assert all(m.subject.startswith("Reminder: meeting with ") for m in mailoutbox)
    sent = Meeting.objects.exclude(reminder_sent_at=None).values_list("pk", flat=True)
    assert sorted(sent) == sorted([meetings["soon"].pk, meetings["in_14"].pk])

    assert run() == "0 meeting reminder(s) sent.\n"
    assert len(mailoutbox) == 4


def test_minutes_widen_the_window(meetings, mailoutbox):
    assert run("--minutes", "60") == "3 meeting reminder(s) sent.\n"
    assert len(mailoutbox) == 6


def test_bad_minutes_are_refused(meetings, mailoutbox):
    with pytest.raises(CommandError, match=r"Remind at least one minute before\."):
        run("--minutes", "0")
    assert mailoutbox == []
    assert not Meeting.objects.exclude(reminder_sent_at=None).exists()


def test_a_claimed_meeting_is_not_reminded_again(meetings, mailoutbox):
    Meeting.objects.filter(pk=meetings["soon"].pk).update(reminder_sent_at=timezone.now())

    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_due_reminders(15) == [meetings["in_14"].pk]
    assert len(mailoutbox) == 2


def test_the_celery_job_and_its_beat_entry(meetings, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = reminders.send_meeting_reminders.delay(15).get()
    assert result == [meetings["soon"].pk, meetings["in_14"].pk]
    assert len(mailoutbox) == 4
    assert app.conf.beat_schedule["networking-meeting-reminders"] == {
        "task": "clustermeet.networking.meetings.reminders.send_meeting_reminders",
        "schedule": 60.0,
        "kwargs": {"minutes": 15},
    }
    assert (
        reminders.send_meeting_reminders.name
        == "clustermeet.networking.meetings.reminders.send_meeting_reminders"
    )
