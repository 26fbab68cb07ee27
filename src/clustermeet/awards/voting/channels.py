"""Which channel a vote goes through: the one rule the ballot page, the kiosk and the service
share.

- Only the online window is open: ONLINE.
- Only the on-site window is open: ONSITE (the person votes on their phone in the hall, or at
  a kiosk), and an on-site vote needs the voter's badge checked in today.
- Both are open at once (an online week that runs into the conference day): ONSITE for a
  person whose registration is checked in today at the event, ONLINE for everyone else — a
  person in the hall votes on site, a person at home is not turned away.
- Neither is open: None.

"Today" is the event's day in its time zone, as at the door
(`onsite.checkin.services.event_day`)."""

from datetime import datetime

from clustermeet.awards import phases
from clustermeet.awards.models import Category, Channel
from clustermeet.onsite.checkin.services import event_day
from clustermeet.onsite.models import CheckIn


def checked_in_today(person, event, now: datetime) -> bool:
    """The person's registration at the event has a check-in for the event's day of `now`."""
    if person is None or not person.is_authenticated:
        return False
    return CheckIn.objects.filter(
        event=event, registration__person=person, day=event_day(event, now)
    ).exists()


def channel_for(category: Category, now: datetime, person=None) -> str | None:
    online = phases.channel_open(category, Channel.ONLINE, now)
    onsite = phases.channel_open(category, Channel.ONSITE, now)
    if online and onsite:
        return Channel.ONSITE if checked_in_today(person, category.event, now) else Channel.ONLINE
    if onsite:
        return Channel.ONSITE
    if online:
        return Channel.ONLINE
    return None
