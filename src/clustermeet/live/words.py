"""Word-cloud entries: one normal form per word, so that "Cluster", " cluster ", "CLUSTER!" and
"Clúster" are counted as one word. Pure Python, no Django.

``normalise_word(text)`` applies these rules, in this order:

1. **Folding** (``fold``): apostrophe look-alikes (’ ‘ ʼ ` ´ ′) become ``'`` and the hyphens
   U+2010/U+2011 become ``-``; Unicode NFKD (ligatures and full-width forms to plain letters,
   ``"²"`` to ``"2"``); case folding (``"Straße"`` → ``"strasse"``); combining marks are removed
   from Latin and Greek letters (``"Économie"`` → ``"economie"``, ``"Ψηφιακή"`` → ``"ψηφιακη"``)
   and kept on other scripts (Bulgarian ``"й"`` stays ``"й"``, it is a letter of its own);
   letters that carry no decomposable accent are mapped by a small table (``ł ø đ ħ ı æ œ ß þ ð``
   → ``l o d h i ae oe ss th d``); the result is NFC. (Case folding turns the Greek final
   ``ς`` into ``σ``; ``normalise_word`` writes ``ς`` back at the end of a word, for display.)
2. **Characters**: letters, digits and (surviving) combining marks are word characters. Invisible
   format characters (soft hyphen, zero-width joiner…) are deleted. A hyphen, an apostrophe or
   ``&`` is kept only *between* two word characters (``"up-skilling"``, ``"R&D"``,
   ``"rock'n'roll"``), a ``.`` only between two digits (``"Industry 4.0"``). Every other character
   — punctuation, symbols, emoji, controls, any whitespace, and a hyphen/apostrophe/``&``/``.`` that
   is not between two such characters — separates words. Runs of separators collapse into one
   space, and leading and trailing ones are dropped (``"CLUSTER!"`` → ``"cluster"``,
   ``"#innovation"`` → ``"innovation"``, ``"cluster/network"`` → ``"cluster network"``).
3. **Elision**: on the first word, a French/Italian elided article or preposition before an
   apostrophe is dropped (``"l'économie circulaire"`` → ``"economie circulaire"``, ``"d'affaires"``
   → ``"affaires"``, ``"dell'innovazione"`` → ``"innovazione"``). Elisions inside a phrase stay
   (``"chaîne d'approvisionnement"``).
4. **Stop words**: words of ``STOP_WORDS`` (function words of the EU languages, see
   ``stopwords.py``, matched on the folded form) are removed from the start and the end of the
   entry, repeatedly: a single stop word becomes ``""``, ``"the cooperation"`` → ``"cooperation"``,
   ``"innovation for SMEs"`` keeps its inner ``"for"``. The words of ``NEVER_STOP`` (``"ai"``,
   ``"ar"``, ``"eu"``, ``"it"``, ``"sme"``: function words somewhere, acronyms at a cluster
   conference) are never removed.

There is no stemming and no translation: ``"innovation"`` and ``"innovación"`` (→
``"innovacion"``) stay two words. The function is idempotent: normalising its own output returns
it unchanged. An empty result means "nothing left to count" — the caller decides what to do.
"""

import re
import unicodedata

from clustermeet.live.stopwords import STOP_WORDS_BY_LANGUAGE

__all__ = ["NEVER_STOP", "STOP_WORDS", "fold", "normalise_word"]

# Applied before NFKD: characters that NFKD would turn into something else (´ → space + accent).
_PRE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the usual typographic apostrophe
        "\u2018": "'",
        "\u02bc": "'",  # modifier letter apostrophe (a letter category: must not join words)
        "\u0060": "'",
        "\u00b4": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
    }
)

# Applied after case folding: letters whose "accent" is part of the glyph (no NFKD decomposition).
_LETTERS = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
        "ŧ": "t",
    }
)

_JOINERS = frozenset("-'&")

# French and Italian elided forms ("l'", "d'", "dell'"...), matched on the folded first word.
_ELISIONS = frozenset(
    {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "lorsqu", "puisqu", "jusqu", "quoiqu"}
    | {"un", "dell", "dall", "nell", "sull", "all", "coll", "quell", "quest"}
)

NEVER_STOP: frozenset[str] = frozenset({"ai", "ar", "eu", "it", "sme"})


def _keeps_marks(base: str) -> bool:
    """Whether combining marks after ``base`` belong to it: letters and digits of scripts other
    than Latin and Greek (whose marks are accents to remove). Marks after anything else go."""
    code = ord(base)
    if code < 0x0400 or 0x1E00 <= code <= 0x1FFF:
        return False
    return unicodedata.category(base)[0] in "LN"


def fold(text: str) -> str:
    """Case- and accent-fold ``text`` (rule 1 of the module docstring). Invisible format
    characters (soft hyphen, zero-width joiner…) are deleted; every other character stays."""
    text = unicodedata.normalize("NFKD", text.translate(_PRE)).casefold()
    text = unicodedata.normalize("NFKD", text)
    out: list[str] = []
    keep_marks = False  # whether the marks that follow belong to the last base character
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] == "M":
            if keep_marks:
                out.append(ch)
        elif category != "Cf":
            keep_marks = _keeps_marks(ch)
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out).translate(_LETTERS))


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM"


def _tokens(folded: str) -> list[str]:
    """Split a folded string into words (rule 2 of the module docstring)."""
    chars = list(folded)
    kinds = [_is_word_char(ch) for ch in chars]
    tokens: list[str] = []
    current: list[str] = []
    last = len(chars) - 1
    for i, ch in enumerate(chars):
        if kinds[i]:
            current.append(ch)
            continue
        if (
            current
            and i < last
            and kinds[i + 1]
            and (
                ch in _JOINERS or (ch == "." and chars[i - 1].isdigit() and chars[i + 1].isdigit())
            )
        ):
            current.append(ch)
            continue
        if current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return tokens


def _is_stop(token: str) -> bool:
    return token in STOP_WORDS and token not in NEVER_STOP


def _trim(tokens: list[str]) -> list[str]:
    """Drop leading elisions and leading/trailing stop words (rules 3 and 4)."""
    start, end = 0, len(tokens)
    while start < end:
        head = tokens[start]
        prefix, apostrophe, rest = head.partition("'")
        if apostrophe and prefix in _ELISIONS:
            tokens[start] = rest
        elif _is_stop(head):
            start += 1
        else:
            break
    while end > start and _is_stop(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


_GREEK_FINAL_SIGMA = re.compile(r"(?<=\w)σ\b")


def normalise_word(text: str) -> str:
    """The normal form of one word-cloud entry (a word or a short phrase); ``""`` if none left."""
    return _GREEK_FINAL_SIGMA.sub("ς", " ".join(_trim(_tokens(fold(text)))))


def _build_stop_words() -> frozenset[str]:
    words: set[str] = set()
    for language_words in STOP_WORDS_BY_LANGUAGE.values():
        for word in language_words:
            words.update(_tokens(fold(word)))
    return frozenset(words)


STOP_WORDS: frozenset[str] = _build_stop_words()
