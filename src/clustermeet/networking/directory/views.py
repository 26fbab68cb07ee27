"""The participant directory, profile pages and "people you should meet" (issue 5), under
/events/<event>/people/.

- The directory: the people listed (approved participants who consented), searched with one box
  (`q`: name, job title, organisation, offering, looking for) and filtered by country,
  stakeholder type, organisation type and ecosystem, 24 a page; filters update the list in place
  with htmx (an htmx request gets the list alone), and page links keep the filters.
- A profile: name, job title, organisation, bio, offering, looking for, ecosystems, roles at the
  event, sessions, and "Request a meeting" (or "you already have a meeting or request"). Never
  the e-mail address. A person who is not listed answers 404, except to themselves.
- Recommendations: the top 10 for the logged-in participant with a reason each.

Only approved participants of the event and its organisers look (403 for other logged-in
people, the login page for anonymous visitors); invitation-only events answer 404 to outsiders
(`get_visible_event`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from clustermeet.events.queries import get_visible_event, is_approved_participant
from clustermeet.networking.directory import queries as directory
from clustermeet.networking.directory import recommendations
from clustermeet.networking.meetings.queries import meets_already

NOT_ALLOWED = gettext_lazy(
    "Only approved participants of this event and its organisers see its directory."
)


def _event(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    if not directory.may_browse(request.user, event):
        raise PermissionDenied(str(NOT_ALLOWED))
    return event


def _render(request, event, template: str, context: dict):
    with timezone.override(event.tz):
        return render(request, template, {"event": event, "nav": "people", **context})


@login_required
def people(request, event_slug: str):
    event = _event(request, event_slug)
    filters = directory.Filters.from_query(request.GET)
    page = Paginator(directory.directory_page(event, filters), directory.PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"filters": filters, "page": page}
    if request.htmx and not request.htmx.boosted:
        return _render(request, event, "networking/directory/_results.html", context)
    context["options"] = directory.filter_options(event)
    return _render(request, event, "networking/directory/directory.html", context)


@login_required
def profile(request, event_slug: str, person_slug: str):
    event = _event(request, event_slug)
    registration = directory.profile_registration(event, person_slug, request.user)
    if registration is None:
        raise Http404("No such person in this event's directory.")
    person = registration.person
    own = person.pk == request.user.pk
    context = {
        "registration": registration,
        "person": person,
        "own": own,
        "roles": list(registration.roles.all()),
        "speaking": directory.speaking_roles(event, person, request.user),
        "meets_already": not own and person.pk in meets_already(event, request.user),
        "may_request": not own and is_approved_participant(request.user, event),
    }
    return _render(request, event, "networking/directory/profile.html", context)


@login_required
def recommended(request, event_slug: str):
    event = _event(request, event_slug)
    participant = is_approved_participant(request.user, event)
    suggestions = recommendations.recommendations_for(event, request.user) if participant else []
    context = {"suggestions": suggestions, "participant": participant}
    return _render(request, event, "networking/directory/recommendations.html", context)
