"""The café's texts follow the active language: refusals, the seating engine's refusals worded
by the Django layer, the harvest exports, and the texts shared with the templates.

`pseudo_french` stands in for a French catalogue of the new messages (not translated yet): while
French is active, every message comes back as "[fr] <English>", so a text built once in English
(at import, or without gettext) shows up as such."""

from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.translation import trans_real

import clustermeet
from clustermeet.cafe import services
from clustermeet.cafe.harvest import views as harvest_views
from clustermeet.cafe.harvest.queries import harvest_of
from clustermeet.cafe.models import CafeRound, CafeTable
from clustermeet.cafe.seating.plan import SeatingError
from clustermeet.jsoncli import InputError
from tests.cafe.harvest.test_views import cafe  # noqa: F401 (fixture)
from tests.cafe.test_models_services import build_cafe

FRENCH_MO = Path(clustermeet.__file__).parent / "locale/fr/LC_MESSAGES/django.mo"


@pytest.fixture
def pseudo_french(monkeypatch):
    catalogue = trans_real.translation("fr")

    def gettext(message):
        return "[fr] " + message.split(trans_real.CONTEXT_SEPARATOR)[-1]

    monkeypatch.setattr(catalogue, "gettext", gettext)
    monkeypatch.setattr(
        catalogue, "ngettext", lambda one, many, n: gettext(one if n == 1 else many)
    )
    with translation.override("fr"):
        yield


def test_refusals_are_worded_in_the_active_language(db, pseudo_french):
    setup = build_cafe(participants=2, tables=1, capacity=4, rounds=1)
    now = timezone.now()
    with pytest.raises(services.CafeError) as error:
        services.add_round(setup["cafe"], now, now)
    assert str(error.value) == "[fr] A round must end after it starts."
    table, rnd = setup["tables"][0], setup["rounds"][0]
    question = setup["cafe"].questions.first()
    with pytest.raises(services.CafeError) as error:
        services.save_note(table, rnd, question, "x" * 10_001, table.host)
    assert str(error.value) == "[fr] A note has at most 10000 characters."


def test_refusals_stay_english_outside_a_language(db):
    setup = build_cafe(participants=2, tables=1, capacity=4, rounds=1)
    now = timezone.now()
    with pytest.raises(services.CafeError) as error:
        services.add_round(setup["cafe"], now, now)
    assert str(error.value) == "A round must end after it starts."


def test_too_few_seats_is_one_sentence_with_a_real_plural(db):
    setup = build_cafe(participants=12, tables=3, capacity=4)
    with pytest.raises(services.CafeError) as error:
        services.seat_all(setup["cafe"])
    assert error.value.code == "invalid"
    assert str(error.value) == (
        "Cannot seat: the tables' total capacity 12 is below the 14 people to seat."
    )


@pytest.mark.parametrize(
    ("error", "english"),
    [
        (
            SeatingError("rounds", "rounds: must be an integer from 1 to 1000", maximum=1000),
            "Cannot seat: a café has at most 1000 rounds.",
        ),
        (
            SeatingError(
                "too_large",
                "input: too large (…)",
                people=6000,
                max_people=5000,
                max_cells=2 * 10**7,
            ),
            "Cannot seat: the café is too large (at most 5000 people, and 20,000,000 "
            "rounds × people × tables).",
        ),
        # Anything else means the café's data contradicts itself: the engine's line, as it is.
        (InputError("tables: must not be empty"), "Cannot seat: tables: must not be empty"),
    ],
)
def test_the_engines_refusals_are_worded_by_the_django_layer(error, english):
    assert services._refusal(error) == english


def test_the_engines_refusals_follow_the_active_language(pseudo_french):
    error = SeatingError("capacity", "tables: …", capacity=3, headcount=4)
    assert services._refusal(error) == (
        "[fr] Cannot seat: the tables' total capacity 3 is below the 4 people to seat."
    )


def test_harvest_exports_follow_the_active_language(cafe, pseudo_french):  # noqa: F811
    questions = harvest_of(cafe["cafe"])
    header, first, *_rows = harvest_views.csv_rows(questions)
    columns = ["question", "theme", "label", "count", "representative", "tables"]
    assert header == [f"[fr] {column}" for column in columns]
    assert first[-1].startswith("[fr] Table 1, round 1; ")
    lines = harvest_views.markdown(cafe["cafe"], questions).splitlines()
    assert lines[0] == "# [fr] World café harvest: Green café"
    assert lines[4] == "[fr] [fr] 3 notes, [fr] 3 themes."


def test_harvest_figures_use_real_plurals(cafe):  # noqa: F811
    questions = harvest_of(cafe["cafe"])
    one = questions[0].__class__(questions[0].question, questions[0].notes[:1], [])
    assert harvest_views.markdown(cafe["cafe"], [one]).splitlines()[4] == "1 note, 0 themes."


@pytest.mark.skipif(not FRENCH_MO.exists(), reason="the catalogues are not compiled (make setup)")
def test_texts_shared_with_the_templates_are_translated_already(cafe):  # noqa: F811
    """The back office's names of rounds and tables, and the harvest's sources, reuse the
    templates' messages, which the French catalogue translates."""
    with translation.override("fr"):
        assert str(CafeRound.objects.get(cafe=cafe["cafe"], number=2)) == "Tour 2"
        questions = harvest_of(cafe["cafe"])
        assert questions[0].themes[0].sources[0] == "Table 1, tour 1"
    assert str(CafeTable.objects.get(cafe=cafe["cafe"], number=1)) == "Table 1"
