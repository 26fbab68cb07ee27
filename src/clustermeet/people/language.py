"""The language a person reads: the one saved on their profile (chosen in the switcher or when
they registered), else the site's default. E-mails and calendar invitations are rendered in it,
whoever triggered them."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

from clustermeet.people.models import Person


def language_of(person: Person) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return person.language if person.language in codes else settings.LANGUAGE_CODE


@contextmanager
def in_language_of(person: Person) -> Iterator[str]:
    """Render what is inside in the person's language (templates, gettext, date formats)."""
    language = language_of(person)
    with translation.override(language):
        yield language
