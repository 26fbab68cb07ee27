"""iCalendar downloads of sessions: the whole programme, one session, a personal agenda.

Pure: reads only the sessions given, with what `with_details` fetched. Times carry the event's
TZID and the calendar holds the matching VTIMEZONE, so calendar apps show the event's local time
and convert correctly to the reader's own zone."""

import zoneinfo
from datetime import UTC, date, datetime

from django.urls import reverse
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from clustermeet.programme.models import Session

PRODID = "-//ClusterMeet//EN"


def _description(session: Session) -> str:
    lines = [session.abstract] if session.abstract else []
    speakers = []
    for speaker_role in session.speaker_roles.all():
        person = speaker_role.person
        names = {"role": speaker_role.get_role_display(), "name": person.full_name}
        if person.organisation:
            # Translators: a line of a calendar entry, e.g. "Moderator: Maria Rossi, European
            # Commission".
            line = _("%(role)s: %(name)s, %(organisation)s") % {
                **names,
                "organisation": person.organisation.name,
            }
        else:
            # Translators: a line of a calendar entry, e.g. "Speaker: Maria Rossi".
            line = _("%(role)s: %(name)s") % names
        speakers.append(line)
    if speakers:
        lines.append("\n".join(speakers))
    if session.recording_url:
        lines.append(_("Recording: %(url)s") % {"url": session.recording_url})
    return "\n\n".join(lines)


def _vevent(session: Session, tz: zoneinfo.ZoneInfo, base_url: str, stamp: datetime) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", f"{session.guid}@clustermeet")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", session.starts_at.astimezone(tz))
    vevent.add("dtend", session.ends_at.astimezone(tz))
    vevent.add("summary", session.title)
    description = _description(session)
    if description:
        vevent.add("description", description)
    if session.room is not None:
        vevent.add("location", session.room.name)
    path = reverse(
        "programme:session",
        kwargs={"event_slug": session.event.slug, "session_slug": session.slug},
    )
    vevent.add("url", base_url.rstrip("/") + path)
    vevent.add("categories", [session.get_type_display()])
    return vevent


def calendar_for(
    sessions,
    *,
    name: str,
    tz: zoneinfo.ZoneInfo | str,
    base_url: str,
    stamp: datetime | None = None,
) -> bytes:
    """A VCALENDAR with one VEVENT per session. `stamp` (DTSTAMP) defaults to now."""
    tz = zoneinfo.ZoneInfo(tz) if isinstance(tz, str) else tz
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", tz.key)
    sessions = list(sessions)
    for session in sessions:
        calendar.add_component(_vevent(session, tz, base_url, stamp))
    if sessions:
        # The VTIMEZONE covers the years of the sessions (a year either side), not 1970–2038.
        first = min(s.starts_at for s in sessions).astimezone(tz).year - 1
        last = max(s.ends_at for s in sessions).astimezone(tz).year + 2
        calendar.add_missing_timezones(first_date=date(first, 1, 1), last_date=date(last, 1, 1))
    return calendar.to_ical()
