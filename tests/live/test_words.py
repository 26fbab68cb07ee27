"""Word-cloud normalisation: case, spacing, accents, punctuation, elision and stop words."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustermeet.live.stopwords import STOP_WORDS_BY_LANGUAGE
from clustermeet.live.words import NEVER_STOP, STOP_WORDS, fold, normalise_word


@pytest.mark.parametrize("text", ["Cluster", " cluster ", "CLUSTER!", "Clúster", "ＣＬＵＳＴＥＲ"])
def test_spellings_of_cluster_are_one_word(text):
    assert normalise_word(text) == "cluster"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Économie", "economie"),
        ("Zusammenarbeit", "zusammenarbeit"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Ærø", "aero"),
        ("Œuvre", "oeuvre"),
        ("Kooperációs", "kooperacios"),
        ("Spolupráce", "spoluprace"),
        ("Inovație", "inovatie"),
        ("Ψηφιακός μετασχηματισμός", "ψηφιακος μετασχηματισμος"),
        ("Сътрудничество", "сътрудничество"),
        ("Най-добрият", "най-добрият"),  # й is a letter of its own, not an accented и
        ("ﬁnance", "finance"),
        ("Zusam\u00admenarbeit", "zusammenarbeit"),  # soft hyphen
    ],
)
def test_case_accents_and_letters(text, expected):
    assert normalise_word(text) == expected


def test_languages_are_not_merged():
    assert normalise_word("Innovation") == "innovation"
    assert normalise_word("innovación") == "innovacion"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("#innovation!!", "innovation"),
        ("'quoted'", "quoted"),
        ("--dash--", "dash"),
        ("up-skilling", "up-skilling"),
        ("R&D", "r&d"),
        ("Industry 4.0", "industry 4.0"),
        ("rock’n’roll", "rock'n'roll"),
        ("COVID\u201119", "covid-19"),  # non-breaking hyphen
        ("covid–19", "covid 19"),  # an en dash separates
        ("cluster/network", "cluster network"),
        ("cluster,network", "cluster network"),
        ("  multi \t word\n ", "multi word"),
        ("🚀 innovation 🚀", "innovation"),
        ("😀", ""),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_punctuation(text, expected):
    assert normalise_word(text) == expected


@pytest.mark.parametrize(
    "word",
    [
        "the", "die", "le", "el", "il", "и", "der", "und", "les", "los", "gli", "não", "het",
        "się", "že", "och", "og", "että", "și", "és", "και", "това", "ir", "un", "ter", "što",
        "ja", "agus", "għal", "The", "DIE", "Lé", "Ο", "don’t",
    ],
)  # fmt: skip
def test_single_stop_words_are_dropped(word):
    assert normalise_word(word) == ""


@pytest.mark.parametrize("word", ["AI", "EU", "IT", "SME", "AR"])
def test_acronyms_that_look_like_stop_words_stay(word):
    assert normalise_word(word) == word.lower()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the cooperation", "cooperation"),
        ("innovation for SMEs", "innovation for smes"),
        ("Cooperation of the", "cooperation"),
        ("of the", ""),
        ("die Zusammenarbeit der Cluster", "zusammenarbeit der cluster"),
        ("L’Économie circulaire", "economie circulaire"),
        ("d'affaires", "affaires"),
        ("dell'innovazione", "innovazione"),
        ("l'un", ""),
        ("the l'économie", "economie"),
        ("chaîne d'approvisionnement", "chaine d'approvisionnement"),
        ("scale up", "scale up"),
        ("political will", "political will"),
    ],
)
def test_phrases_lose_stop_words_at_the_ends_only(text, expected):
    assert normalise_word(text) == expected


def test_fold_keeps_every_character_but_case_and_accents():
    assert fold("Ça, c’est l’Économie!") == "ca, c'est l'economie!"


def test_stop_word_lists_cover_the_eu_languages():
    big = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs"}
    others = {"sk", "sv", "da", "fi", "et", "ro", "hu", "lt", "lv", "sl", "hr", "el", "bg"}
    assert set(STOP_WORDS_BY_LANGUAGE) == big | others | {"mt", "ga"}
    for language in big:
        assert len(STOP_WORDS_BY_LANGUAGE[language]) >= 75, language
    for language in others:
        assert len(STOP_WORDS_BY_LANGUAGE[language]) >= 28, language


def test_stop_words_are_stored_folded_and_single():
    for word in STOP_WORDS:
        assert word == fold(word)
        assert " " not in word
        if word not in NEVER_STOP:
            assert normalise_word(word) == ""


def test_content_words_are_not_stop_words():
    content = {"cluster", "innovation", "digital", "green", "data", "war", "car", "sea", "era"}
    assert not content & STOP_WORDS
    assert NEVER_STOP <= STOP_WORDS  # they are function words somewhere, kept on purpose


_WORDS = ["the", "L’", "Économie", "cluster", "d'", "und", "AI", "и", "й", "ς", "Σ", "ß", "ﬁ", "İ"]
_MARKS = ["-", "'", " ", "&", ".", "4", "!", "\u0301", "\u00ad", "\u200d", "😀", "\t", "/"]
_pieces = st.sampled_from([*_WORDS, *_MARKS])


@given(st.one_of(st.text(), st.lists(_pieces).map("".join)))
def test_normalise_word_is_idempotent(text):
    once = normalise_word(text)
    assert normalise_word(once) == once
    assert once == once.strip()
    assert "  " not in once
