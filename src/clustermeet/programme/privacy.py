"""The programme's privacy declaration: personal agendas (bookmarks) and speaker roles."""

from django.utils.translation import gettext_lazy as _

from clustermeet.privacy.registry import iso, register
from clustermeet.programme.models import Bookmark, SessionSpeaker


def export(person) -> dict:
    return {
        "bookmarks": [
            {
                "event": b.session.event.name,
                "session": b.session.title,
                "created_at": iso(b.created_at),
            }
            for b in Bookmark.objects.filter(person=person)
            .select_related("session__event")
            .order_by("created_at", "pk")
        ],
        "speaker_roles": [
            {"event": s.session.event.name, "session": s.session.title, "role": s.role}
            for s in SessionSpeaker.objects.filter(person=person)
            .select_related("session__event")
            .order_by("session__starts_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    deleted, _by_model = Bookmark.objects.filter(person=person).delete()
    # Speaker roles stay: the programme as it ran; the person is shown as a former participant.
    kept = SessionSpeaker.objects.filter(person=person).count()
    return {"bookmarks_deleted": deleted, "speaker_roles_kept": kept}


register(
    "programme",
    models=["programme.Bookmark", "programme.SessionSpeaker", "programme.Session"],
    category=_("Personal agenda (bookmarked sessions); speaker and moderator roles"),
    purpose=_("The personal agenda and its calendar; the published programme"),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_("The person; the programme is public"),
    export=export,
    erase=erase,
    order=60,
)
