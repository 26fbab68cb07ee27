"""Writes to the programme that participants make: their personal agenda."""

from django.db import IntegrityError, transaction

from clustermeet.people.models import Person
from clustermeet.programme.models import Bookmark, Session


def set_bookmark(person: Person, session: Session, bookmarked: bool) -> bool:
    """Add or remove a session from the person's agenda; idempotent. Returns the new state."""
    if bookmarked:
        try:
            with transaction.atomic():
                Bookmark.objects.get_or_create(person=person, session=session)
        except IntegrityError:  # a concurrent request added it first
            pass
    else:
        Bookmark.objects.filter(person=person, session=session).delete()
    return bookmarked
