"""The awards' log entries in words for the organisers' log page: each action's details (the
JSON its service stored) as one sentence, nominations by name, times in the active time zone.
Details written by other parts of the awards that this module does not know are shown as
"key: value" pairs rather than hidden."""

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.awards.models import AuditEntry, Channel

NOMINATION_KEYS = ("nomination", "nominations", "winners", "finalists")


def nomination_ids(detail: dict) -> set[int]:
    """The nomination ids an entry's details mention (to look their names up at once)."""
    ids = set()
    for key in NOMINATION_KEYS:
        value = detail.get(key) if isinstance(detail, dict) else None
        values = value if isinstance(value, list) else [value]
        ids.update(v for v in values if isinstance(v, int) and not isinstance(v, bool))
    return ids


def _channel(value) -> str:
    if value == Channel.ONLINE:
        return _("online vote")
    if value == Channel.ONSITE:
        return _("on-site vote")
    return str(value)


def _time(value) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return str(value)
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def _names(value, names: dict[int, str]) -> str:
    values = value if isinstance(value, list) else [value]
    return ", ".join(names.get(v, f"#{v}") for v in values) or "—"


def _slugs(value) -> str:
    return ", ".join(str(v) for v in value) if isinstance(value, list) and value else "—"


def describe(entry: AuditEntry, names: dict[int, str]) -> str:
    detail = entry.detail if isinstance(entry.detail, dict) else {}
    action = AuditEntry.Action
    if entry.action == action.VOTING_OPENED and "channel" in detail:
        return _("%(vote)s, from %(opens)s to %(closes)s") % {
            "vote": _channel(detail["channel"]).capitalize(),
            "opens": _time(detail.get("opens_at")),
            "closes": _time(detail.get("closes_at")),
        }
    if entry.action == action.VOTING_CLOSED and "channel" in detail:
        return _("%(vote)s, closed at %(closes)s") % {
            "vote": _channel(detail["channel"]).capitalize(),
            "closes": _time(detail.get("closes_at")),
        }
    if entry.action == action.RESULTS_VIEWED and "ballots" in detail:
        return ngettext(
            "%(count)d ballot at the time", "%(count)d ballots at the time", detail["ballots"]
        ) % {"count": detail["ballots"]}
    if entry.action == action.DECISION_RECORDED and "nomination" in detail:
        return _("Decided: %(name)s") % {"name": _names(detail["nomination"], names)}
    if entry.action == action.REVEALED and "winners" in detail:
        winners = detail["winners"] if isinstance(detail["winners"], list) else []
        count = detail.get("ballots", 0)
        who = ngettext("Winner: %(names)s", "Winners (a tie): %(names)s", len(winners)) % {
            "names": _names(winners, names)
        }
        ballots = ngettext("%(count)d ballot", "%(count)d ballots", count) % {"count": count}
        return f"{who}; {ballots}"
    if entry.action == action.BALLOTS_EXPORTED and "categories" in detail:
        text = _("Awards: %(slugs)s") % {"slugs": _slugs(detail["categories"])}
        if detail.get("before_reveal"):
            text += "; " + _("before their reveal: %(slugs)s") % {
                "slugs": _slugs(detail["before_reveal"])
            }
        return text
    return _generic(detail, names)


def _generic(detail: dict, names: dict[int, str]) -> str:
    parts = []
    for key, value in detail.items():
        label = key.replace("_", " ")
        if key in NOMINATION_KEYS:
            parts.append(f"{label}: {_names(value, names)}")
        elif isinstance(value, list):
            parts.append(f"{label}: {_slugs(value)}")
        else:
            parts.append(f"{label}: {value}")
    return "; ".join(parts)
