"""Calendar and schedule downloads: iCalendar (programme, session, personal agenda) and the
frab schedule XML/JSON. Placeholder until the exports land in this change."""

from django.http import HttpResponse


def _todo(*args, **kwargs) -> HttpResponse:
    raise NotImplementedError


programme_ics = schedule_xml = schedule_json = session_ics = agenda_ics = _todo
