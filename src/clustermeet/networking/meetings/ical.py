"""The iCalendar invitation of a 1-to-1 meeting (the e-mails' attachment and the .ics download).

Same approach as `programme/ical.py`: the `icalendar` package, times with the event's TZID and
the matching VTIMEZONE. One VEVENT whose UID is stable for the meeting, so calendar apps update
(SEQUENCE, bumped each time the meeting moves) or remove (METHOD:CANCEL) the entry they already
hold instead of adding a second one.

Pure: reads only the meeting given, its slot, table, event and `people` (the two Persons)."""

from datetime import UTC, date, datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar, vCalAddress
from icalendar import Event as VEvent

from clustermeet.networking.models import Meeting

PRODID = "-//ClusterMeet//Meetings//EN"
METHODS = {"REQUEST", "CANCEL", "PUBLISH"}


def meeting_uid(meeting: Meeting, base_url: str) -> str:
    host = urlsplit(base_url).hostname or "clustermeet"
    return f"meeting-{meeting.pk}@{host}"


def meeting_path(meeting: Meeting) -> str:
    return reverse("meetings:meeting_detail", args=[meeting.event.slug, meeting.pk])


def location_text(meeting: Meeting) -> str:
    if meeting.location == Meeting.Location.TABLE and meeting.table is not None:
        return meeting.table.label
    return meeting.video_url


def _address(email: str, name: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["CN"] = name
    return address


def _summary(people, viewer) -> str:
    if viewer is not None:
        others = [p for p in people if p.pk != viewer.pk]
        if others:
            return _("Meeting with %(other)s") % {"other": others[0].full_name}
    return _("Meeting: %(people)s") % {"people": " – ".join(p.full_name for p in people)}


def _description(meeting: Meeting, people, url: str) -> str:
    """In the active language (the e-mails render it in the recipient's)."""
    lines = []
    for person in people:
        organisation = f", {person.organisation.name}" if person.organisation else ""
        lines.append(f"{person.full_name}{organisation}")
    if meeting.location == Meeting.Location.TABLE and meeting.table is not None:
        lines.append("\n" + _("Table: %(table)s") % {"table": meeting.table.label})
    else:
        lines.append("\n" + _("Video room: %(url)s") % {"url": meeting.video_url})
    lines.append(_("Meeting page: %(url)s") % {"url": url})
    return "\n".join(lines)


def meeting_calendar(
    meeting: Meeting,
    people,
    *,
    method: str = "REQUEST",
    base_url: str | None = None,
    viewer=None,
    stamp: datetime | None = None,
) -> bytes:
    """A VCALENDAR with one VEVENT for a meeting that has a slot. `viewer`, one of the two
    people, names the other one in the SUMMARY."""
    if method not in METHODS:
        raise ValueError(f"unknown iCalendar method {method!r}")
    if meeting.slot is None:
        raise ValueError("a meeting without a slot has no calendar entry")
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    tz = meeting.event.tz
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    url = base_url + meeting_path(meeting)
    people = list(people)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)

    vevent = VEvent()
    vevent.add("uid", meeting_uid(meeting, base_url))
    vevent.add("dtstamp", stamp)
    vevent.add("sequence", meeting.sequence)
    vevent.add("dtstart", meeting.slot.starts_at.astimezone(tz))
    vevent.add("dtend", meeting.slot.ends_at.astimezone(tz))
    vevent.add("summary", _summary(people, viewer))
    vevent.add("description", _description(meeting, people, url))
    vevent.add("location", location_text(meeting))
    vevent.add("url", url)
    cancelled = method == "CANCEL" or meeting.status == Meeting.Status.CANCELLED
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    _name, email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    vevent.add("organizer", _address(email or "noreply@localhost", meeting.event.name))
    for person in people:
        attendee = _address(person.email, person.full_name)
        attendee.params["ROLE"] = "REQ-PARTICIPANT"
        attendee.params["PARTSTAT"] = "DECLINED" if cancelled else "ACCEPTED"
        vevent.add("attendee", attendee)
    calendar.add_component(vevent)

    year = meeting.slot.starts_at.astimezone(tz).year
    calendar.add_missing_timezones(first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))
    return calendar.to_ical()
