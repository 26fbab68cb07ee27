"""Poll answers: check an untrusted answer and turn it into the one canonical form that is stored.
Pure Python, no Django.

``normalise_answer(spec, raw)`` takes ``raw`` as decoded from a JSON websocket message (any JSON
type) and returns the canonical answer dict, or raises ``AnswerError`` whose message is shown to
the voter as is. It is idempotent: ``normalise_answer(spec, normalise_answer(spec, raw))`` returns
the same dict. Dicts must have exactly the one key shown; any other key is an error.

Whole numbers: an ``int`` or a ``float`` without fraction (``3.0``); never a bool or a string.

=============  ===========================================  =====================================
type           raw forms accepted                           canonical answer
=============  ===========================================  =====================================
``single``     ``{"choice": id}`` or ``id``                 ``{"choice": id}``
``multiple``   ``{"choices": [id, ...]}`` or ``[id, ...]``  ``{"choices": [ids, option order]}``
``ranking``    ``{"ranking": [id, ...]}`` or ``[id, ...]``  ``{"ranking": [ids, best first]}``
``rating``     ``{"rating": n}`` or ``n``                   ``{"rating": n}``
``wordcloud``  ``{"words": [str, ...]}``, ``[str, ...]``,   ``{"words": [normal forms]}``
               ``{"words": str}`` or ``str``
``open_text``  ``{"text": str}`` or ``str``                 ``{"text": cleaned text}``
=============  ===========================================  =====================================

Rules per type:

- **single**: the id must be one of ``spec.options``.
- **multiple**: known ids, each at most once (a repeated id is an error, not merged); between
  ``min_choices`` and ``max_choices`` of them (``None`` = all options; never more than the number
  of options). Stored in the options' display order.
- **ranking**: a *partial ranking is allowed*: one or more known ids, best first, each at most
  once — the voter ranks the top k options (1 ≤ k ≤ n) and leaves the rest unranked. The order
  is kept as given. (Scoring, in ``tally.py``: n points for the 1st place down to 1 for the n-th,
  unranked options 0.)
- **rating**: a whole number from 1 to ``scale_max``.
- **wordcloud**: a bare string is split on commas, semicolons and line breaks into entries; in a
  list each string is one entry. Blank entries are ignored; 1 to ``max_words`` entries remain.
  Each entry, with runs of whitespace collapsed, has at most ``MAX_ENTRY_LENGTH`` (40)
  characters, and so does its normal form (``words.normalise_word``; "ß" → "ss" can lengthen
  it). Entries that normalise to ``""`` (only stop words, punctuation or emoji) are dropped; if
  none remain the answer is refused ("…only common words…"). Duplicates within one answer
  (after normalisation) collapse to the first; order is kept.
- **open_text**: line breaks (CR LF, CR, U+2028/U+2029) become ``"\\n"`` and tabs a space;
  other control characters (NUL included, which PostgreSQL refuses), bidirectional embedding /
  override / isolate characters, byte-order marks and lone surrogates are removed; the text is
  stripped and NFC-normalised. 1 to ``max_length`` characters; inner line breaks are kept.

``PollSpec`` checks its own configuration when it is built (``ValueError``, not ``AnswerError``:
that is the organiser's or the programmer's mistake, not the voter's), so services can use it to
validate a poll's settings.
"""

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from clustermeet.live.words import normalise_word

__all__ = ["MAX_ENTRY_LENGTH", "POLL_TYPES", "AnswerError", "PollSpec", "normalise_answer"]

POLL_TYPES = ("single", "multiple", "ranking", "rating", "wordcloud", "open_text")
MAX_ENTRY_LENGTH = 40


# This module imports no Django: its messages are English msgids, marked for the catalogue by the
# two functions below (makemessages knows their names) and translated by the caller, in the
# voter's language, with `AnswerError.translated(gettext, ngettext)`.


def gettext_noop(message: str) -> str:
    return message


@dataclass(frozen=True)
class Plural:
    singular: str
    plural: str
    count: int


def ngettext_lazy(singular: str, plural: str, count: int) -> Plural:
    return Plural(singular, plural, count)


UNKNOWN_OPTION = gettext_noop("That option is not part of this poll.")


class AnswerError(ValueError):
    """An answer that cannot be accepted. ``str(error)`` is the English message;
    ``translated(gettext, ngettext)`` the message in the active language, shown to the voter."""

    def __init__(self, message: "str | Plural", **params: Any):
        self.message, self.params = message, {**params}
        if isinstance(message, Plural):
            self.params.setdefault("count", message.count)
        super().__init__(self._format(lambda m: m, lambda s, p, n: s if n == 1 else p))

    def _format(self, gettext, ngettext) -> str:
        message = self.message
        if isinstance(message, Plural):
            text = ngettext(message.singular, message.plural, message.count)
        else:
            text = gettext(message)
        return text % self.params if self.params else text

    def translated(self, gettext, ngettext) -> str:
        return self._format(gettext, ngettext)


@dataclass(frozen=True)
class PollSpec:
    type: str  # "single" | "multiple" | "ranking" | "rating" | "wordcloud" | "open_text"
    options: tuple[int, ...] = ()  # option ids in display order (single/multiple/ranking)
    min_choices: int = 1  # multiple
    max_choices: int | None = None  # multiple (None = len(options))
    scale_max: int = 5  # rating: 1..scale_max (5 or 10)
    max_words: int = 3  # wordcloud: up to N words/phrases per participant
    max_length: int = 500  # open_text

    def __post_init__(self) -> None:
        if self.type not in POLL_TYPES:
            raise ValueError(f"Unknown poll type {self.type!r}; expected one of {POLL_TYPES}.")
        options = tuple(self.options)
        if not all(_is_plain_int(option) for option in options):
            raise ValueError("Option ids must be integers.")
        if len(set(options)) != len(options):
            raise ValueError("Option ids must be unique.")
        object.__setattr__(self, "options", options)
        if not _is_plain_int(self.min_choices) or self.min_choices < 0:
            raise ValueError("min_choices must be an integer ≥ 0.")
        if self.max_choices is not None:
            if not _is_plain_int(self.max_choices) or self.max_choices < 1:
                raise ValueError("max_choices must be None or an integer ≥ 1.")
            if self.max_choices < self.min_choices:
                raise ValueError("max_choices must not be smaller than min_choices.")
        if not _is_plain_int(self.scale_max) or self.scale_max < 2:
            raise ValueError("scale_max must be an integer ≥ 2.")
        if not _is_plain_int(self.max_words) or self.max_words < 1:
            raise ValueError("max_words must be an integer ≥ 1.")
        if not _is_plain_int(self.max_length) or self.max_length < 1:
            raise ValueError("max_length must be an integer ≥ 1.")

    @property
    def effective_max_choices(self) -> int:
        """The most options a ``multiple`` voter may choose."""
        if self.max_choices is None:
            return len(self.options)
        return min(self.max_choices, len(self.options))


def normalise_answer(spec: PollSpec, raw: Any) -> dict:
    """Check ``raw`` against ``spec`` and return the canonical answer (see the module docstring).

    Raises ``AnswerError`` with a message for the voter when the answer is not acceptable.
    """
    return _NORMALISERS[spec.type](spec, raw)


# -- helpers ---------------------------------------------------------------------------------


def _is_plain_int(value: Any) -> bool:
    return type(value) is int


def _whole_number(value: Any) -> int | None:
    """``value`` as an int if it is a JSON whole number (not a bool, not a string), else None."""
    if type(value) is int:
        return value
    if type(value) is float and math.isfinite(value) and value.is_integer():
        return int(value)
    return None


def _unwrap(raw: Any, key: str, bare: tuple[type, ...], message: str, **params: Any) -> Any:
    """The value of ``{key: value}``, or ``raw`` itself; either must be one of the ``bare`` types
    (bools never are)."""
    if isinstance(raw, dict):
        if set(raw) != {key}:
            raise AnswerError(message, **params)
        raw = raw[key]
    if isinstance(raw, bool) or not isinstance(raw, bare):
        raise AnswerError(message, **params)
    return raw


def _option_ids(spec: PollSpec, values: Any, shape_message: str, repeat_message: str) -> list[int]:
    """A list of known, distinct option ids, in the order given."""
    if not isinstance(values, list):
        raise AnswerError(shape_message)
    known = set(spec.options)
    ids: list[int] = []
    for value in values:
        option = _whole_number(value)
        if option is None or option not in known:
            raise AnswerError(UNKNOWN_OPTION)
        ids.append(option)
    if len(set(ids)) != len(ids):
        raise AnswerError(repeat_message)
    return ids


# -- one normaliser per type -----------------------------------------------------------------


def _single(spec: PollSpec, raw: Any) -> dict:
    message = gettext_noop("Choose one option.")
    option = _whole_number(_unwrap(raw, "choice", (int, float), message))
    if option is None:
        raise AnswerError(message)
    if option not in spec.options:
        raise AnswerError(UNKNOWN_OPTION)
    return {"choice": option}


def _multiple(spec: PollSpec, raw: Any) -> dict:
    message = gettext_noop("Choose one or more options.")
    values = _unwrap(raw, "choices", (list,), message)
    ids = _option_ids(spec, values, message, gettext_noop("Each option can be chosen only once."))
    low, high = spec.min_choices, spec.effective_max_choices
    if low == high and len(ids) != low:
        raise AnswerError(
            ngettext_lazy(
                "Choose exactly %(count)d option.", "Choose exactly %(count)d options.", low
            )
        )
    if len(ids) < low:
        raise AnswerError(
            ngettext_lazy(
                "Choose at least %(count)d option.", "Choose at least %(count)d options.", low
            )
        )
    if len(ids) > high:
        raise AnswerError(
            ngettext_lazy(
                "Choose at most %(count)d option.", "Choose at most %(count)d options.", high
            )
        )
    chosen = set(ids)
    return {"choices": [option for option in spec.options if option in chosen]}


def _ranking(spec: PollSpec, raw: Any) -> dict:
    message = gettext_noop("Put the options in order.")
    values = _unwrap(raw, "ranking", (list,), message)
    ids = _option_ids(spec, values, message, gettext_noop("Each option can be ranked only once."))
    if not ids:
        raise AnswerError(gettext_noop("Rank at least one option."))
    return {"ranking": ids}


def _rating(spec: PollSpec, raw: Any) -> dict:
    message = gettext_noop("Choose a rating from 1 to %(max)d.")
    params = {"max": spec.scale_max}
    rating = _whole_number(_unwrap(raw, "rating", (int, float), message, **params))
    if rating is None or not 1 <= rating <= spec.scale_max:
        raise AnswerError(message, **params)
    return {"rating": rating}


_ENTRY_SEPARATORS = re.compile(r"[,;\r\n\u2028\u2029]")


def _wordcloud(spec: PollSpec, raw: Any) -> dict:
    message = gettext_noop("Enter one or more words.")
    value = _unwrap(raw, "words", (list, str), message)
    if isinstance(value, str):
        value = _ENTRY_SEPARATORS.split(value)
    entries: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise AnswerError(gettext_noop("Each word or phrase must be text."))
        entry = " ".join(item.split())
        if entry:
            entries.append(entry)
    if not entries:
        raise AnswerError(gettext_noop("Enter at least one word."))
    if len(entries) > spec.max_words:
        if spec.max_words == 1:
            raise AnswerError(gettext_noop("Enter only one word or phrase."))
        raise AnswerError(
            ngettext_lazy(
                "Enter at most %(count)d word or phrase.",
                "Enter at most %(count)d words or phrases.",
                spec.max_words,
            )
        )
    too_long = ngettext_lazy(
        "Each word or phrase can have at most %(count)d character.",
        "Each word or phrase can have at most %(count)d characters.",
        MAX_ENTRY_LENGTH,
    )
    words: list[str] = []
    for entry in entries:
        if len(entry) > MAX_ENTRY_LENGTH:
            raise AnswerError(too_long)
        word = normalise_word(entry)
        if len(word) > MAX_ENTRY_LENGTH:
            raise AnswerError(too_long)
        if word and word not in words:
            words.append(word)
    if not words:
        raise AnswerError(
            gettext_noop(
                "Your answer has only common words (like “the” or “and”): "
                "please enter more specific words."
            )
        )
    return {"words": words}


_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029]")
# Bidirectional embeddings, overrides and isolates, and the byte-order mark / zero-width no-break.
_INVISIBLE = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def _clean_text(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    kept = "".join(
        ch
        for ch in text
        if ch == "\n" or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in _INVISIBLE)
    )
    return unicodedata.normalize("NFC", kept.strip())


def _open_text(spec: PollSpec, raw: Any) -> dict:
    value = _unwrap(raw, "text", (str,), gettext_noop("Write your answer as text."))
    text = _clean_text(value)
    if not text:
        raise AnswerError(gettext_noop("Your answer is empty."))
    if len(text) > spec.max_length:
        raise AnswerError(
            ngettext_lazy(
                "Your answer can have at most %(count)d character.",
                "Your answer can have at most %(count)d characters.",
                spec.max_length,
            )
        )
    return {"text": text}


_NORMALISERS = {
    "single": _single,
    "multiple": _multiple,
    "ranking": _ranking,
    "rating": _rating,
    "wordcloud": _wordcloud,
    "open_text": _open_text,
}
