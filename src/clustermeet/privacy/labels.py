"""Human, translatable titles for the readable "My data" page.

The JSON export (queries.export_data) stays as it is: machine-readable keys and app labels. The
page shows the same records, with each app label, section and field key replaced by a title from
the mappings below; a key missing here is shown as it is, so a new exporter field is never lost."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

APP_TITLES = {
    "people": gettext_lazy("Account and registrations"),
    "networking": gettext_lazy("Networking"),
    "cafe": gettext_lazy("World café"),
    "programme": gettext_lazy("Programme"),
    "live": gettext_lazy("Live polls and Q&A"),
    "onsite": gettext_lazy("On site: badges, check-in and site visits"),
    "exhibition": gettext_lazy("Exhibition and pitches"),
    "awards": gettext_lazy("Awards"),
    "api": gettext_lazy("API tokens"),
    "hooks": gettext_lazy("Webhooks"),
    "privacy": gettext_lazy("Consents"),
}

SECTION_TITLES = {
    # people
    "profile": gettext_lazy("Profile"),
    "registrations": gettext_lazy("Registrations"),
    "invitations": gettext_lazy("Invitations"),
    # networking
    "availability": gettext_lazy("Times you are not available"),
    "meeting_requests": gettext_lazy("Meeting requests"),
    "meetings": gettext_lazy("Meetings"),
    "offers": gettext_lazy("Marketplace offers"),
    "interests": gettext_lazy("Interest in offers"),
    # cafe
    "signups": gettext_lazy("World café sign-ups"),
    "seats": gettext_lazy("World café seats"),
    "tables_hosted": gettext_lazy("Tables you host"),
    "notes": gettext_lazy("Table notes"),
    # programme
    "bookmarks": gettext_lazy("Sessions in your agenda"),
    "speaker_roles": gettext_lazy("Speaker roles"),
    # live
    "ballots": gettext_lazy("Poll answers"),
    "questions": gettext_lazy("Questions"),
    "upvotes": gettext_lazy("Questions you upvoted"),
    # onsite
    "badges": gettext_lazy("Badges"),
    "check_ins": gettext_lazy("Check-ins at the door"),
    "door_duties": gettext_lazy("Check-in duties"),
    "bookings": gettext_lazy("Site visit and session bookings"),
    # exhibition
    "booth_duties": gettext_lazy("Booths you staff"),
    "booth_visits": gettext_lazy("Booths you visited"),
    "booth_messages": gettext_lazy("Messages to booths"),
    "downloads": gettext_lazy("Documents you downloaded"),
    "leads": gettext_lazy("Contacts you shared with exhibitors"),
    "pitches": gettext_lazy("Your pitches"),
    "pitch_contacts": gettext_lazy("Pitches you asked to be contacted about"),
    # awards
    "nominations": gettext_lazy("Award nominations made by you or for you"),
    "jury_seats": gettext_lazy("Award juries you sit on"),
    "jury_scores": gettext_lazy("Your scores as a juror"),
    "conflicts_declared": gettext_lazy("Conflicts of interest you declared"),
    "award_ballots": gettext_lazy("Your award votes"),
    "awards_log": gettext_lazy("Your actions in the awards' log"),
    # api
    "api_tokens": gettext_lazy("API tokens"),
    # hooks
    "webhook_endpoints_added": gettext_lazy("Webhook endpoints you added"),
    # privacy
    "consents": gettext_lazy("Consents"),
}

FIELD_LABELS = {
    "action": gettext_lazy("Action"),
    "activity": gettext_lazy("Activity"),
    "added_at": gettext_lazy("Added"),
    "address": gettext_lazy("Address"),
    "anonymous": gettext_lazy("Anonymous"),
    "answer": gettext_lazy("Answer"),
    "at": gettext_lazy("When"),
    "attendance": gettext_lazy("Attendance"),
    "attended_at": gettext_lazy("Attended"),
    "bio": gettext_lazy("About you"),
    "booked_at": gettext_lazy("Booked"),
    "booth": gettext_lazy("Booth"),
    "cancelled_at": gettext_lazy("Cancelled"),
    "cast_at": gettext_lazy("Voted"),
    "category": gettext_lazy("Category"),
    "channel": gettext_lazy("Channel"),
    "checked_in_at": gettext_lazy("Checked in"),
    "confirm_by": gettext_lazy("Confirm by"),
    "country": gettext_lazy("Country"),
    "created_at": gettext_lazy("Created"),
    "criterion": gettext_lazy("Criterion"),
    "date_joined": gettext_lazy("Account created"),
    "day": gettext_lazy("Day"),
    "decided_at": gettext_lazy("Decided"),
    "declared_at": gettext_lazy("Declared"),
    "description": gettext_lazy("Description"),
    "direction": gettext_lazy("Sent or received"),
    "directory_consent_at": gettext_lazy("Listed in the directory since"),
    "document": gettext_lazy("Document"),
    "downloaded_at": gettext_lazy("Downloaded"),
    "ecosystems": gettext_lazy("Industrial ecosystems"),
    "email": gettext_lazy("E-mail"),
    "event": gettext_lazy("Event"),
    "event_slug": gettext_lazy("Event address"),
    "expires_at": gettext_lazy("Expires"),
    "finalist": gettext_lazy("Finalist"),
    "finished_at": gettext_lazy("Scores submitted"),
    "first_name": gettext_lazy("First name"),
    "given_at": gettext_lazy("Given"),
    "issued_at": gettext_lazy("Issued"),
    "job_title": gettext_lazy("Job title"),
    "kind": pgettext_lazy("type of record", "Kind"),
    "language": gettext_lazy("Language"),
    "last_login": gettext_lazy("Last login"),
    "last_name": gettext_lazy("Last name"),
    "last_used_at": gettext_lazy("Last used"),
    "left_at": gettext_lazy("Left"),
    "location": gettext_lazy("Location"),
    "looking_for": gettext_lazy("Looking for"),
    "made_by_you": gettext_lazy("Nominated by you"),
    "message": gettext_lazy("Message"),
    "method": gettext_lazy("Method"),
    "name": gettext_lazy("Name"),
    "nomination": gettext_lazy("Nomination"),
    "nominee": gettext_lazy("Nominee"),
    "note_for_the_door": gettext_lazy("Note for the door"),
    "offer": gettext_lazy("Offer"),
    "offering": gettext_lazy("Offering"),
    "organisation": gettext_lazy("Organisation"),
    "other_person": gettext_lazy("Other person"),
    "pitch": gettext_lazy("Pitch"),
    "poll": gettext_lazy("Poll"),
    "prefix": gettext_lazy("Starts with"),
    "question": gettext_lazy("Question"),
    "reason": gettext_lazy("Reason"),
    "receipt": gettext_lazy("Receipt"),
    "revoked_at": gettext_lazy("Revoked"),
    "role": gettext_lazy("Role"),
    "roles": gettext_lazy("Roles"),
    "round": gettext_lazy("Round"),
    "scope": gettext_lazy("Access"),
    "score": gettext_lazy("Score"),
    "service": gettext_lazy("Service token"),
    "session": gettext_lazy("Session"),
    "source": gettext_lazy("Source"),
    "stakeholder_type": gettext_lazy("Stakeholder type"),
    "started_at": gettext_lazy("Started"),
    "starts_at": gettext_lazy("Starts"),
    "status": gettext_lazy("Status"),
    "table": gettext_lazy("Table"),
    "terms_accepted_at": gettext_lazy("Terms accepted"),
    "text": gettext_lazy("Text"),
    "title": gettext_lazy("Title"),
    "topic": gettext_lazy("Topic"),
    "unavailable_from": gettext_lazy("Not available from"),
    "updated_at": gettext_lazy("Updated"),
    "version": gettext_lazy("Version"),
    "views": gettext_lazy("Views"),
    "withdrawn_at": gettext_lazy("Withdrawn"),
    "yours": gettext_lazy("You are the nominee"),
}


@dataclass
class Section:
    name: str
    title: str
    fields: list[tuple[str, object]] | None = None  # a single record (e.g. the profile)
    records: list[list[tuple[str, object]]] = field(default_factory=list)


@dataclass
class AppData:
    label: str
    title: str
    sections: list[Section]


def _value(value):
    """What the page shows for one exported value: lists joined, booleans as yes/no, empty as
    None (the template shows a dash)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value


def _fields(record: dict) -> list[tuple[str, object]]:
    return [(str(FIELD_LABELS.get(key, key)), _value(value)) for key, value in record.items()]


def readable(data: dict) -> list[AppData]:
    """The export (queries.export_data) with human titles, in the same order."""
    result = []
    for label, sections in data["apps"].items():
        readable_sections = []
        for name, value in sections.items():
            section = Section(name=name, title=str(SECTION_TITLES.get(name, name)))
            if isinstance(value, dict):
                section.fields = _fields(value)
            else:
                section.records = [_fields(record) for record in value]
            readable_sections.append(section)
        result.append(
            AppData(
                label=label, title=str(APP_TITLES.get(label, label)), sections=readable_sections
            )
        )
    return result
