"""The consent texts people agree to, each with a version identifier. A ConsentRecord stores the
version it was given for; change a text, give it a new version (the old ones stay here, so a
record's wording can always be shown)."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    TERMS = "terms", _("Terms of participation and privacy notice")
    DIRECTORY = "directory", _("Listing in the participant directory")
    CONTACT_SHARING = "contact_sharing", _("Sharing my contact details with exhibitors I visit")
    PHOTOS = "photos", _("Photos and recordings in which I appear")


@dataclass(frozen=True)
class ConsentText:
    kind: str
    version: str
    text: Promise
    # Withdrawable from "My privacy"; the terms are the basis of taking part, withdrawn by
    # cancelling the registration or deleting the account.
    withdrawable: bool = True


TEXTS: dict[tuple[str, str], ConsentText] = {
    (t.kind, t.version): t
    for t in [
        ConsentText(
            Kind.TERMS,
            "terms-2026-12",
            _("I accept the terms of participation and the privacy notice."),
            withdrawable=False,
        ),
        ConsentText(
            Kind.DIRECTORY,
            "directory-2026-12",
            _("List me in the participant directory so other participants can find me."),
        ),
        ConsentText(
            Kind.CONTACT_SHARING,
            "contact-sharing-2026-12",
            _("Exhibitors whose booth I visit may see my name, organisation and e-mail address."),
        ),
        ConsentText(
            Kind.PHOTOS,
            "photos-2026-12",
            _("Photos and recordings of the event in which I appear may be published."),
        ),
    ]
}

CURRENT: dict[str, ConsentText] = {
    Kind.TERMS: TEXTS[(Kind.TERMS, "terms-2026-12")],
    Kind.DIRECTORY: TEXTS[(Kind.DIRECTORY, "directory-2026-12")],
    Kind.CONTACT_SHARING: TEXTS[(Kind.CONTACT_SHARING, "contact-sharing-2026-12")],
    Kind.PHOTOS: TEXTS[(Kind.PHOTOS, "photos-2026-12")],
}

# The version given to consents that existed before consent records did (data migration).
LEGACY_VERSION = "before-records"
# The version of consents an organiser vouches for in a participant import (the text the person
# agreed to is the organiser's, not ours).
IMPORTED_VERSION = "imported"


def text_of(kind: str, version: str) -> str:
    found = TEXTS.get((kind, version))
    return str(found.text) if found else ""
