"""Every write of the nominations: the open call's form, the organisers' own entries and their
acceptance or decline (each logged), the profile the nominee, the nominator or the organisers
complete (texts, translations of the statement, video, documents).

Each checks who may do it (`awards.permissions`) and when (`awards.phases`), checks every
upload by content before anything is stored, and writes in one transaction, locking the acting
person's row first, then the category's. A refusal raises `AwardsError` and changes nothing."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.awards import audit, permissions, phases
from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import AuditEntry, Category, Nomination, NominationDocument
from clustermeet.exhibition.booths import uploads
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.people.accounts import person_by_email
from clustermeet.people.models import Person
from clustermeet.programme.embeds import embed_for

MAX_STATEMENT = 1500
MAX_DOCUMENTS = 3
MAX_TITLE = 200
# What the profile holds; the name, status and finalist flags are the organisers' (admin).
PROFILE_FIELDS = ("organisation", "country", "statement", "website", "video_url")
LIMITS = {"name": 200, "organisation": 300}


def _lock(person, category: Category) -> Category:
    if person is not None and person.is_authenticated:
        Person.objects.select_for_update().filter(pk=person.pk).first()
    return Category.objects.select_for_update().get(pk=category.pk)


def _require_organiser(actor, category: Category) -> None:
    if not permissions.is_organiser(actor, category.event):
        raise AwardsError("not_organiser", _("Only the event's organisers do this."))


def _before_shortlist(category: Category) -> None:
    if category.shortlist_confirmed_at is not None:
        raise AwardsError(
            "shortlisted",
            _("The shortlist is confirmed: nominations can no longer be added or decided."),
        )


def _checked_url(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        URLValidator(schemes=["https", "http"])(value)
    except ValidationError:
        raise AwardsError(
            "url", _("The %(field)s is not a web address.") % {"field": label}
        ) from None
    return value


def _checked_video(value: str) -> str:
    """A video the page can play after a click (YouTube, a video file), or at least an https
    address it links to."""
    value = _checked_url(value, _("video"))
    if not value:
        return ""
    embed = embed_for(value)
    if not (embed and embed.embed_url) and not value.startswith("https://"):
        raise AwardsError(
            "video",
            _("Give the video as a YouTube link, a video file's address or an https address."),
        )
    return value


def clean_profile(values: dict) -> dict:
    """The profile's texts, trimmed and checked; unknown fields refused."""
    unknown = set(values) - set(PROFILE_FIELDS) - {"name"}
    if unknown:
        raise AwardsError("field", _("These details are the organisers' to change."))
    cleaned = {}
    for name, value in values.items():
        value = (value or "").strip() if isinstance(value, str) or value is None else value
        if name in LIMITS and len(value) > LIMITS[name]:
            raise AwardsError(
                "too_long",
                _("The %(field)s may be at most %(limit)s characters.")
                % {"field": Nomination._meta.get_field(name).verbose_name, "limit": LIMITS[name]},
            )
        cleaned[name] = value
    if "name" in cleaned and not cleaned["name"]:
        raise AwardsError("name", _("Give the nominee's name."))
    if len(cleaned.get("statement", "")) > MAX_STATEMENT:
        raise AwardsError(
            "statement",
            _("The statement may be at most %(limit)s characters; this one has %(length)s.")
            % {"limit": MAX_STATEMENT, "length": len(cleaned["statement"])},
        )
    if "website" in cleaned:
        cleaned["website"] = _checked_url(cleaned["website"], _("website"))
    if "video_url" in cleaned:
        cleaned["video_url"] = _checked_video(cleaned["video_url"])
    if cleaned.get("country"):
        cleaned["country"] = str(cleaned["country"]).upper()
        try:
            Nomination._meta.get_field("country").clean(cleaned["country"], None)
        except ValidationError:
            raise AwardsError("country", _("Choose a country from the list.")) from None
    return cleaned


def _check_documents(files: list, present: int = 0) -> None:
    if present + len(files) > MAX_DOCUMENTS:
        raise AwardsError(
            "documents",
            _("A nomination holds at most %(limit)s documents.") % {"limit": MAX_DOCUMENTS},
        )
    for upload in files:
        try:
            uploads.check_document(upload)
        except ExhibitionError as error:
            raise AwardsError(error.code, str(error)) from None


def _title(upload, title: str = "") -> str:
    title = (title or "").strip() or (upload.name or "").rsplit("/", 1)[-1]
    if len(title) > MAX_TITLE:
        raise AwardsError(
            "title", _("A title may be at most %(limit)s characters.") % {"limit": MAX_TITLE}
        )
    return title


def _store(nomination: Nomination, upload, title: str) -> NominationDocument:
    document = NominationDocument(nomination=nomination, title=title)
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


def _create(category: Category, status: str, values: dict, email: str, by) -> Nomination:
    last = (
        Nomination.objects.filter(category=category)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    nomination = Nomination(
        category=category,
        status=status,
        nominee=person_by_email(email) if (email or "").strip() else None,
        nominated_by=by if by is not None and by.is_authenticated else None,
        position=(last or 0) + 1,
        **values,
    )
    nomination.save()
    return nomination


def nominate(category: Category, person, *, email: str = "", files=(), **values) -> Nomination:
    """A nomination through the open call (anyone logged in, while the call is open): saved as
    SUBMITTED for the organisers to accept. At most three documents, each checked by content
    first: a refused upload stores nothing."""
    if not permissions.can_nominate(person, category):
        raise AwardsError("closed", _("This category takes no nominations from the public."))
    if not phases.nominations_open(category, timezone.now()):
        raise AwardsError("closed", _("The call for nominations is not open."))
    values = clean_profile(values)
    if "name" not in values:
        raise AwardsError("name", _("Give the nominee's name."))
    files = list(files)
    _check_documents(files)
    titles = [_title(upload) for upload in files]
    stored: list[NominationDocument] = []
    try:
        with transaction.atomic():
            category = _lock(person, category)
            if not phases.nominations_open(category, timezone.now()):
                raise AwardsError("closed", _("The call for nominations is not open."))
            nomination = _create(category, Nomination.Status.SUBMITTED, values, email, person)
            for upload, title in zip(files, titles, strict=True):
                stored.append(_store(nomination, upload, title))
    except Exception:
        for document in stored:  # the rows are rolled back; their files go too
            document.file.delete(save=False)
        raise
    return nomination


def enter_nomination(category: Category, actor, *, email: str = "", **values) -> Nomination:
    """The organisers enter a nominee themselves: ACCEPTED at once, logged. Until the shortlist
    is confirmed."""
    _require_organiser(actor, category)
    values = clean_profile(values)
    if "name" not in values:
        raise AwardsError("name", _("Give the nominee's name."))
    with transaction.atomic():
        category = _lock(actor, category)
        _before_shortlist(category)
        nomination = _create(category, Nomination.Status.ACCEPTED, values, email, actor)
        audit.record(
            category.event,
            AuditEntry.Action.NOMINATION_ENTERED,
            actor,
            category,
            nomination=nomination.pk,
            name=nomination.name,
        )
    return nomination


def _decide(nomination: Nomination, actor, status: str, action: str) -> Nomination:
    _require_organiser(actor, nomination.category)
    with transaction.atomic():
        category = _lock(actor, nomination.category)
        _before_shortlist(category)
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if locked.status == status:
            raise AwardsError("same", _("The nomination already has this status."))
        if locked.status == Nomination.Status.WITHDRAWN:
            raise AwardsError("withdrawn", _("This nomination was withdrawn."))
        before = locked.status
        locked.status = status
        locked.save(update_fields=["status"])
        audit.record(
            category.event,
            action,
            actor,
            category,
            nomination=locked.pk,
            name=locked.name,
            before=before,
        )
    return locked


def accept(nomination: Nomination, actor) -> Nomination:
    """The organisers accept a nomination (the jury then scores it); logged."""
    return _decide(
        nomination, actor, Nomination.Status.ACCEPTED, AuditEntry.Action.NOMINATION_ACCEPTED
    )


def decline(nomination: Nomination, actor) -> Nomination:
    """The organisers decline a nomination as not eligible; logged."""
    return _decide(
        nomination, actor, Nomination.Status.DECLINED, AuditEntry.Action.NOMINATION_DECLINED
    )


def profile_editable(category: Category, now=None) -> bool:
    """A profile can change until the vote closes (finalists' profiles are on the ballot)."""
    return phases.phase(category, now or timezone.now()) not in (
        phases.Phase.CLOSED,
        phases.Phase.REVEALED,
    )


def _require_editor(person, nomination: Nomination) -> None:
    if not permissions.can_edit_nomination(person, nomination):
        raise AwardsError(
            "not_editor", _("Only the nominee, their nominator and the organisers edit this.")
        )
    if not profile_editable(nomination.category):
        raise AwardsError("closed", _("The vote is over: the profile no longer changes."))


def update_profile(nomination: Nomination, person, **values) -> Nomination:
    """The nominee, the nominator or the organisers complete the profile: organisation,
    country, statement, website, video. Until the vote closes."""
    _require_editor(person, nomination)
    values = clean_profile(values)
    if "name" in values:
        raise AwardsError("field", _("These details are the organisers' to change."))
    with transaction.atomic():
        _lock(person, nomination.category)
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save(update_fields=list(values))
    return locked


def set_statement_translation(
    nomination: Nomination, person, language: str, text: str
) -> Nomination:
    """The statement in another of the site's languages; an empty text removes it."""
    _require_editor(person, nomination)
    languages = {code for code, _name in settings.LANGUAGES}
    if language not in languages:
        raise AwardsError("language", _("Choose one of the site's languages."))
    text = (text or "").strip()
    if len(text) > MAX_STATEMENT:
        raise AwardsError(
            "statement",
            _("The statement may be at most %(limit)s characters; this one has %(length)s.")
            % {"limit": MAX_STATEMENT, "length": len(text)},
        )
    with transaction.atomic():
        _lock(person, nomination.category)
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        translations = dict(locked.translations) if isinstance(locked.translations, dict) else {}
        texts = dict(translations.get(language) or {})
        if text:
            texts["statement"] = text
        else:
            texts.pop("statement", None)
        if texts:
            translations[language] = texts
        else:
            translations.pop(language, None)
        locked.translations = translations
        locked.save(update_fields=["translations"])
    return locked


def add_document(nomination: Nomination, person, upload, title: str = "") -> NominationDocument:
    """Add a document (PDF, office file or image, checked by content; at most three)."""
    _require_editor(person, nomination)
    title = _title(upload, title)
    _check_documents([upload], nomination.documents.count())
    with transaction.atomic():
        _lock(person, nomination.category)
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if locked.documents.count() >= MAX_DOCUMENTS:
            raise AwardsError(
                "documents",
                _("A nomination holds at most %(limit)s documents.") % {"limit": MAX_DOCUMENTS},
            )
        return _store(locked, upload, title)


def remove_document(nomination: Nomination, person, document_id: int) -> None:
    _require_editor(person, nomination)
    document = NominationDocument.objects.filter(nomination=nomination, pk=document_id).first()
    if document is None:
        raise AwardsError("no_document", _("This document is no longer on the nomination."))
    with transaction.atomic():
        document.delete()
    transaction.on_commit(lambda: document.file.delete(save=False))


ORGANISER_FIELDS = (*PROFILE_FIELDS, "name", "translations", "nominee", "position")


def edit_by_organiser(nomination: Nomination, actor, **values) -> Nomination:
    """The organisers correct a nomination in the back office: its name, profile, statement
    translations, the nominee's account and its position. The status changes only through
    `accept`/`decline` (logged); finalists and winners through the jury and the results."""
    _require_organiser(actor, nomination.category)
    unknown = set(values) - set(ORGANISER_FIELDS)
    if unknown:
        raise AwardsError("field", _("The status, finalist and winner are set by their steps."))
    special = {
        name: values.pop(name) for name in ("translations", "nominee", "position") if name in values
    }
    cleaned = clean_profile(values)
    with transaction.atomic():
        _lock(actor, nomination.category)
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        for name, value in {**cleaned, **special}.items():
            setattr(locked, name, value)
        locked.save(update_fields=[*cleaned, *special])
    return locked
