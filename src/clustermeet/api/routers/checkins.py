"""Check-ins, for the event's check-in staff (`onsite.permissions.is_door_staff`: organisers
and the people added as door staff)."""

import datetime

from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for, refuse
from clustermeet.api.schemas.common import listing
from clustermeet.onsite.models import CheckIn
from clustermeet.onsite.permissions import is_door_staff

router = Router(tags=["on site"])


class CheckInOut(Schema):
    id: int
    registration: int
    name: str
    day: datetime.date
    checked_in_at: datetime.datetime
    method: str


@router.get("/events/{slug}/checkins", response=listing(CheckInOut), operation_id="checkins_list")
def list_checkins(
    request,
    slug: str,
    day: datetime.date | None = Query(  # noqa: B008
        None, description="Only this day's check-ins."
    ),
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    if not is_door_staff(caller_of(request).person, event):
        raise refuse(request, _("Only the event's check-in staff see check-ins."))
    rows = CheckIn.objects.filter(event=event).select_related("registration__person")
    if day is not None:
        rows = rows.filter(day=day)
    return pagination.page(
        request,
        rows,
        key=("checked_in_at", "pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda page: [
            {
                "id": c.pk,
                "registration": c.registration_id,
                "name": c.registration.person.full_name,
                "day": c.day,
                "checked_in_at": c.checked_in_at,
                "method": c.method,
            }
            for c in page
        ],
    )
