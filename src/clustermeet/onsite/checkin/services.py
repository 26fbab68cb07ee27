"""Every write of the check-in at the door: a scanned badge token, or a registration found by
name (staff search, kiosk), becomes at most one CheckIn per registration and event day.

No lock is taken: the unique constraint (registration, day) decides. The insert runs in a
savepoint; when another door (or a retried sync) got there first, the IntegrityError is caught
and the existing row is read back, so the answer is "already checked in at 09:12 by …" and the
person never counts twice. On PostgreSQL the second insert waits for the first transaction and
then fails, so two staff scanning the same badge at once get one row. `scan_id` (a UUID the
scanning page gives each scan) is unique too: a scan sent twice (queued offline, then retried)
gets the same answer and never a second row.

A red result (a forged token, another event's, an unknown or revoked badge, a registration that
is not approved) records nothing. A successful check-in tells the organisers' door figures to
update (`realtime.broadcast.after_commit`, coalesced)."""

import datetime
import uuid
from dataclasses import asdict, dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.hooks import services as webhooks
from clustermeet.onsite.checkin import messages, scans
from clustermeet.onsite.checkin.queries import badge_kind, kind_label
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Badge, CheckIn, DoorStaff
from clustermeet.people.accounts import NO_ACCOUNT, person_by_email
from clustermeet.people.models import Person, Registration
from clustermeet.realtime import broadcast

GREEN = "checked_in"
AMBER = "already"
RED = ("forged", "other_event", "unknown", "revoked", "not_approved")


@dataclass(frozen=True)
class ScanResult:
    """What the door sees after a scan or a search check-in. `code` is machine-readable
    (GREEN, AMBER, or one of RED); `message` is the sentence for the staff."""

    ok: bool
    code: str
    message: str
    name: str = ""
    first_name: str = ""
    kind: str = ""
    kind_label: str = ""
    note: str = ""
    registration: int | None = None
    checked_in_at: datetime.datetime | None = None  # this check-in's, or the earlier one's
    checked_in_by: str = ""
    offline: bool = False

    @property
    def colour(self) -> str:
        return "green" if self.code == GREEN else "amber" if self.code == AMBER else "red"

    def as_json(self, *, kiosk: bool = False) -> dict:
        """The JSON the scanning page reads. The kiosk shows the person at the screen their
        own first name and nothing else of anyone."""
        data = asdict(self)
        data["colour"] = self.colour
        data["checked_in_at"] = self.checked_in_at.isoformat() if self.checked_in_at else None
        if kiosk:
            keep = ("ok", "code", "message", "colour", "first_name")
            data = {key: data[key] for key in keep}
        return data


def _refused(code: str) -> ScanResult:
    sentences = {
        "forged": _("This is not a badge of this event."),
        "other_event": _("This badge is for another event."),
        "unknown": _("This badge is not known. Please send the person to the help desk."),
        "revoked": _(
            "This badge is no longer valid (a new one was printed). "
            "Please send the person to the help desk."
        ),
        "not_approved": _("This person's registration is not approved."),
    }
    return ScanResult(ok=False, code=code, message=sentences[code])


def _registration_of(badge: Badge | None, registration: Registration) -> dict:
    person = registration.person
    kind = badge_kind(role.code for role in registration.roles.all())
    return {
        "name": person.full_name,
        "first_name": person.first_name,
        "kind": kind,
        "kind_label": str(kind_label(kind)),
        "note": badge.note if badge is not None else "",
        "registration": registration.pk,
    }


def event_day(event: Event, when: datetime.datetime) -> datetime.date:
    return timezone.localtime(when, event.tz).date()


def scan_time(event: Event, scanned_at: datetime.datetime | None) -> datetime.datetime:
    """When a scan happened: the page's own time for a scan it queued offline, unless that
    time is in the future or outside the event's days (± 1 day, in its time zone) — then the
    page's clock is wrong, and it is now."""
    now = timezone.now()
    if scanned_at is None or timezone.is_naive(scanned_at) or scanned_at > now:
        return now
    first = event.start_date - datetime.timedelta(days=1)
    last = event.end_date + datetime.timedelta(days=1)
    if not first <= event_day(event, scanned_at) <= last:
        return now
    return scanned_at


def _replay(event: Event, scan_id: uuid.UUID | None) -> ScanResult | None:
    """The answer to a scan already recorded under this scan_id (a retried sync)."""
    if scan_id is None:
        return None
    row = (
        CheckIn.objects.filter(scan_id=scan_id, event=event)
        .select_related("registration__person", "badge", "checked_in_by")
        .prefetch_related("registration__roles")
        .first()
    )
    return _green(row) if row is not None else None


def _green(row: CheckIn) -> ScanResult:
    return ScanResult(
        ok=True,
        code=GREEN,
        message=_("Checked in."),
        checked_in_at=row.checked_in_at,
        checked_in_by=row.checked_in_by.full_name if row.checked_in_by else "",
        **_registration_of(row.badge, row.registration),
    )


def _already(event: Event, registration: Registration, badge, day) -> ScanResult:
    earlier = (
        CheckIn.objects.filter(registration=registration, day=day)
        .select_related("checked_in_by")
        .first()
    )
    when = earlier.checked_in_at if earlier else None
    by = earlier.checked_in_by.full_name if earlier and earlier.checked_in_by else ""
    local = timezone.localtime(when, event.tz).strftime("%H:%M") if when else ""
    if not local:
        message = _("Already checked in today.")
    elif by:
        message = _("Already checked in today at %(time)s by %(name)s.") % {
            "time": local,
            "name": by,
        }
    else:
        message = _("Already checked in today at %(time)s.") % {"time": local}
    return ScanResult(
        ok=False,
        code=AMBER,
        message=message,
        checked_in_at=when,
        checked_in_by=by,
        **_registration_of(badge, registration),
    )


def _record(
    event: Event,
    registration: Registration,
    badge: Badge | None,
    *,
    by: Person | None,
    method: str,
    when: datetime.datetime,
    scan_id: uuid.UUID | None,
) -> ScanResult:
    day = event_day(event, when)
    with transaction.atomic():
        try:
            with transaction.atomic():
                row = CheckIn.objects.create(
                    event=event,
                    registration=registration,
                    day=day,
                    checked_in_at=when,
                    checked_in_by=by if by is not None and by.is_authenticated else None,
                    method=method,
                    badge=badge,
                    scan_id=scan_id,
                )
        except IntegrityError:
            replayed = _replay(event, scan_id)
            if replayed is not None:
                return replayed
            return _already(event, registration, badge, day)
        broadcast.after_commit(messages.door_update, event.pk)
        webhooks.emit(event, "checkin.created", row.pk)
    row.registration = registration
    row.badge = badge
    return _green(row)


def check_in_token(
    event: Event,
    token: str,
    *,
    by: Person | None,
    method: str = CheckIn.Method.SCAN,
    scan_id=None,
    scanned_at: datetime.datetime | None = None,
) -> ScanResult:
    """A badge's QR code read at the door (camera, hardware scanner, typed, or a scan the page
    queued while offline and sends now)."""
    scan_id = scans.scan_id(scan_id)
    replayed = _replay(event, scan_id)
    if replayed is not None:
        return replayed
    badge, wrong = scans.read_badge(
        event.pk,
        token,
        Badge.objects.select_related("registration__person").prefetch_related(
            "registration__roles"
        ),
    )
    if wrong:
        return _refused(wrong)
    registration = badge.registration
    return _record(
        event,
        registration,
        badge,
        by=by,
        method=method,
        when=scan_time(event, scanned_at),
        scan_id=scan_id,
    )


def check_in_registration(
    event: Event,
    registration: Registration,
    *,
    by: Person | None,
    method: str = CheckIn.Method.SEARCH,
) -> ScanResult:
    """Someone found by name (no badge at hand), checked in by the staff."""
    if registration.event_id != event.pk:
        return _refused("unknown")
    if registration.status != Registration.Status.APPROVED:
        return _refused("not_approved")
    badge = Badge.objects.filter(registration=registration, revoked_at__isnull=True).first()
    return _record(
        event,
        registration,
        badge,
        by=by,
        method=method,
        when=timezone.now(),
        scan_id=None,
    )


def sync(event: Event, scans: list[dict], *, by: Person | None) -> list[ScanResult]:
    """A batch of scans the page queued while offline, in the order they were made. Each is
    its own transaction: one refused scan does not hold back the others."""
    results = []
    for scan in scans:
        method = scan.get("method")
        results.append(
            check_in_token(
                event,
                scan.get("token") or "",
                by=by,
                method=method if method in CheckIn.Method.values else CheckIn.Method.SCAN,
                scan_id=scan.get("scan_id"),
                scanned_at=scan.get("scanned_at"),
            )
        )
    return results


def add_door_staff(event: Event, email: str, *, by: Person | None) -> DoorStaff:
    """Give a person (found by the e-mail of their account) the check-in staff role at an
    event: they open its check-in pages and nothing else of it."""
    person = person_by_email(email)
    if person is None:
        raise OnsiteError(
            "no_account",
            str(NO_ACCOUNT),
        )
    with transaction.atomic():
        duty, _created = DoorStaff.objects.get_or_create(
            event=event, person=person, defaults={"added_by": by}
        )
    return duty
