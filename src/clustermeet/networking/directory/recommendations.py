""" "People you should meet" (issue 5): the Django side of the pure engine (`matching/ranking.py`,
`matching_index.py`).

- Everyone who networks at the event (its approved participants) is scored as a receiver, so a
  participant who did not consent to the directory still gets recommendations; only people
  listed in the directory (approved, consented, active) are ever recommended.
- Never recommended to P: P, P's colleagues (same organisation), the people P already meets
  (`queries.meets_already`: a pending request either way, a draft or scheduled meeting).
- The expensive part — fitting the text engine over everyone's texts — runs once per event and
  content: the fitted `MatchIndex` is kept in Django's cache under a key made of the event id,
  the engine name and a fingerprint (SHA-256) of every input the engine sees (ids, texts,
  organisations, ecosystems, consent). Any change to those inputs changes the key, so a stale
  index is never used and nothing needs to be invalidated by hand; old entries expire.
  Computing the fingerprint reads the inputs (two queries); scoring one person is a sparse row
  product. A small in-process memo spares re-reading the cache within one worker.
- Engine: `CLUSTERMEET_RECOMMEND_ENGINE` = `tfidf` (default) or `embedding` (the optional
  `[embeddings]` extra, see `matching_embed.py`)."""

import hashlib
import json
import os
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.networking.matching.index import MatchIndex
from clustermeet.networking.matching.ranking import Profile
from clustermeet.networking.matching.scores import LOOKS_FOR, OFFERS, Reason
from clustermeet.networking.meetings.queries import meets_already
from clustermeet.people.models import Person, Registration

TOP = 10
CACHE_SECONDS = 24 * 3600
ENGINE_VARIABLE = "CLUSTERMEET_RECOMMEND_ENGINE"
ENGINES = ("tfidf", "embedding")
MEMO_SIZE = 4

_memo: "OrderedDict[str, MatchIndex]" = OrderedDict()
_memo_lock = Lock()


def forget_local() -> None:
    """Empty this process's memo of fitted indexes (the shared cache keeps them)."""
    with _memo_lock:
        _memo.clear()


def engine_name() -> str:
    name = os.environ.get(ENGINE_VARIABLE, "").strip().lower() or "tfidf"
    if name not in ENGINES:
        raise ImproperlyConfigured(
            f"{ENGINE_VARIABLE} must be one of {', '.join(ENGINES)}, not {name!r}"
        )
    return name


def make_engine(name: str):
    if name == "embedding":
        from clustermeet.networking.matching.embed import EmbeddingEngine

        return EmbeddingEngine()
    from clustermeet.networking.matching.text import TfidfEngine

    return TfidfEngine()


def inputs(event: Event) -> tuple[list[Profile], set[str]]:
    """The profiles of everyone who networks at the event (ordered by id) and the ids of those
    listed in the directory. Two queries."""
    rows = list(
        Registration.objects.filter(event=event, status=Registration.Status.APPROVED)
        .order_by("person_id")
        .values_list(
            "person_id",
            "person__offering",
            "person__looking_for",
            "person__organisation_id",
            "person__country",
            "person__is_active",
            "directory_consent_at",
        )
    )
    ecosystems: dict[int, list[str]] = {}
    for person_id, slug in (
        Person.ecosystems.through.objects.filter(
            person__registrations__event=event,
            person__registrations__status=Registration.Status.APPROVED,
        )
        .order_by("person_id", "ecosystem__name")
        .values_list("person_id", "ecosystem__name")
    ):
        ecosystems.setdefault(person_id, []).append(slug)
    profiles, listed = [], set()
    for person_id, offering, looking_for, organisation, country, active, consent in rows:
        key = str(person_id)
        profiles.append(
            Profile(
                id=key,
                offering=offering,
                looking_for=looking_for,
                ecosystems=tuple(ecosystems.get(person_id, ())),
                country=country or "",
                organisation=f"o{organisation}" if organisation else "",
            )
        )
        if active and consent is not None:
            listed.add(key)
    return profiles, listed


def fingerprint(profiles: list[Profile], listed: set[str]) -> str:
    digest = hashlib.sha256()
    for p in profiles:
        row = [p.id, p.offering, p.looking_for, p.organisation, list(p.ecosystems), p.id in listed]
        digest.update(json.dumps(row, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def cache_key(event: Event, engine: str, profiles: list[Profile], listed: set[str]) -> str:
    return f"clustermeet:recommend:{engine}:{event.pk}:{fingerprint(profiles, listed)}"


def index_for(event: Event) -> tuple[MatchIndex, set[str]]:
    """The event's fitted index (from the cache when its inputs did not change) and the ids of
    the people listed in the directory."""
    profiles, listed = inputs(event)
    name = engine_name()
    key = cache_key(event, name, profiles, listed)
    with _memo_lock:
        index = _memo.get(key)
        if index is not None:
            _memo.move_to_end(key)
    if index is None:
        index = cache.get(key)
        if index is None:
            index = MatchIndex(profiles, engine=make_engine(name), candidates=listed)
            cache.set(key, index, CACHE_SECONDS)
        with _memo_lock:
            _memo[key] = index
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
    return index, listed


@dataclass(frozen=True)
class Suggestion:
    person: Person
    score: float
    reason: str


def _direction(code: str, mine: str, theirs: str, name: str) -> str:
    values = {"mine": mine, "theirs": theirs, "name": name}
    if code == LOOKS_FOR:
        # Translators: why a person is recommended. mine quotes what the reader looks for,
        # theirs what the recommended person (name) offers; both are whole phrases of their
        # profiles.
        return _("You look for ‘%(mine)s’; %(name)s offers ‘%(theirs)s’.") % values
    # Translators: why a person is recommended. mine quotes what the reader offers, theirs what
    # the recommended person (name) looks for; both are whole phrases of their profiles.
    return _("You offer ‘%(mine)s’; %(name)s looks for ‘%(theirs)s’.") % values


def personal_reason(
    reason: Reason, name: str, matches: list[tuple[str, str, str]] | None = None
) -> str:
    """The engine's reason addressed to the reader, in the active language, naming the
    recommended person: "You look for ‘X’; Ana offers ‘Y’." — and the other direction's
    sentence after it when `matches` (`ReasonBuilder.matches`) has both; "You and Ana both chose
    the industrial ecosystem ‘Z’." when only ecosystems are shared. Whole sentences, one message
    each."""
    if reason.code in (LOOKS_FOR, OFFERS):
        matches = matches or [(reason.code, reason.mine, reason.theirs)]
        return " ".join(_direction(code, mine, theirs, name) for code, mine, theirs in matches)
    first, *rest = reason.ecosystems
    if rest:
        # Translators: why a person is recommended: two industrial ecosystems that the reader
        # and the recommended person (name) both chose.
        return _(
            "You and %(name)s both chose the industrial ecosystems ‘%(first)s’ and ‘%(second)s’."
        ) % {"name": name, "first": first, "second": rest[0]}
    # Translators: why a person is recommended: an industrial ecosystem that the reader and the
    # recommended person (name) both chose.
    return _("You and %(name)s both chose the industrial ecosystem ‘%(first)s’.") % {
        "name": name,
        "first": first,
    }


def recommendations_for(event: Event, person: Person, top: int = TOP) -> list[Suggestion]:
    """Up to `top` people `person` should meet, best first; [] for someone who does not
    network at the event."""
    index, _ = index_for(event)
    me = str(person.pk)
    if me not in index.position:
        return []
    exclude = {str(pk) for pk in meets_already(event, person)}
    found = index.recommend(me, top, exclude=exclude)
    people = Person.objects.select_related("organisation").in_bulk([int(r.id) for r in found])
    mine = index.position[me]
    suggestions = []
    for r in found:
        other = people.get(int(r.id))
        if other is None:
            continue
        matches = None
        if r.reason.code in (LOOKS_FOR, OFFERS):
            matches = index.reasons.matches(mine, index.position[r.id], r.reason.code)
        reason = personal_reason(r.reason, other.first_name or other.full_name, matches)
        suggestions.append(Suggestion(other, r.score, reason))
    return suggestions
