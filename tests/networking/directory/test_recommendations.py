"""People you should meet: the one-row index (`matching_index.py`, pure) and the Django side
(`recommendations.py`): who is never recommended, reasons, the per-event cache."""

import random

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation

from clustermeet.events.models import Ecosystem
from clustermeet.networking.directory import recommendations
from clustermeet.networking.matching.index import MatchIndex
from clustermeet.networking.matching.ranking import Profile, recommend
from clustermeet.networking.matching.scores import ECOSYSTEMS, LOOKS_FOR, OFFERS, Reason
from clustermeet.networking.models import Meeting, MeetingRequest
from clustermeet.people.models import Registration
from tests.factories import EventFactory, OrganisationFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import MeetingRequestFactory, make_meeting, participant

WORDS = [
    "recycled fibre supply",
    "investors",
    "circular textiles",
    "funding for SMEs",
    "cluster partners",
    "battery cells",
    "hydrogen storage",
    "market studies",
    "testing facilities",
    "digital twins",
    "AI for manufacturing",
    "training in welding",
    "tourism data",
    "smart farming sensors",
]


def random_profiles(seed: int, n: int) -> list[Profile]:
    rng = random.Random(seed)
    ecosystems = ["textiles", "digital", "energy", "health"]

    def text() -> str:
        return ". ".join(rng.sample(WORDS, rng.randint(0, 3)))

    return [
        Profile(
            id=f"p{k:03d}",
            offering=text(),
            looking_for=text(),
            ecosystems=tuple(rng.sample(ecosystems, rng.randint(0, 2))),
            organisation=rng.choice(["", "o1", "o2", "o3", "o4", "o5"]),
            languages=tuple(rng.sample(["en", "fr", "pl"], rng.randint(0, 2))),
        )
        for k in range(n)
    ]


# --- the pure index -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_gives_exactly_what_recommend_gives_for_everyone(seed):
    profiles = random_profiles(seed, 60)
    exclude = {"p001": {"p002", "p007"}, "p010": {"p001"}}
    expected = recommend(profiles, 5, exclude=exclude)
    index = MatchIndex(profiles)
    both_ways: dict[str, set[str]] = {p.id: set() for p in profiles}
    for who, others in exclude.items():
        for other in others:
            both_ways[who].add(other)
            both_ways[other].add(who)
    for p in profiles:
        assert index.recommend(p.id, 5, exclude=both_ways[p.id]) == expected[p.id]


def test_index_only_recommends_candidates_but_scores_everyone():
    profiles = [
        Profile("a", looking_for="investors for circular textiles"),
        Profile("b", offering="investors for circular textiles"),
        Profile("c", offering="investors for circular textiles, venture funding"),
    ]
    index = MatchIndex(profiles, candidates={"c"})
    assert [r.id for r in index.recommend("a", 10)] == ["c"]
    assert index.recommend("c", 10) == []  # nobody else is a candidate
    assert [r.id for r in MatchIndex(profiles).recommend("a", 10)] == ["b", "c"]
    assert index.recommend("a", 10, exclude={"c"}) == []


def test_index_edge_cases():
    assert len(MatchIndex([])) == 0
    lonely = MatchIndex([Profile("a", offering="x")])
    assert lonely.recommend("a", 3) == []
    with pytest.raises(KeyError):
        lonely.recommend("nobody", 3)
    with pytest.raises(ValueError, match="top must be a positive int"):
        lonely.recommend("a", 0)
    with pytest.raises(ValueError, match="duplicate id 'a'"):
        MatchIndex([Profile("a"), Profile("a")])


def test_index_survives_pickling_as_the_cache_does():
    import pickle

    profiles = random_profiles(4, 30)
    index = MatchIndex(profiles)
    copy = pickle.loads(pickle.dumps(index))
    assert [copy.recommend(p.id, 3) for p in profiles] == [
        index.recommend(p.id, 3) for p in profiles
    ]


def test_personal_reason_speaks_to_the_reader_and_names_the_other_person():
    say = recommendations.personal_reason
    assert (
        say(Reason(LOOKS_FOR, "investors", "venture funding"), "Ana")
        == "You look for ‘investors’; Ana offers ‘venture funding’."
    )
    assert (
        say(Reason(OFFERS, "fibre", "recycled fibre"), "Ana")
        == "You offer ‘fibre’; Ana looks for ‘recycled fibre’."
    )
    assert (
        say(Reason(ECOSYSTEMS, ecosystems=("Textiles",)), "Ana")
        == "You and Ana both chose the industrial ecosystem ‘Textiles’."
    )
    assert (
        say(Reason(ECOSYSTEMS, ecosystems=("Digital", "Textiles")), "Ana")
        == "You and Ana both chose the industrial ecosystems ‘Digital’ and ‘Textiles’."
    )


def test_personal_reason_says_both_directions_when_both_match():
    both = [
        (LOOKS_FOR, "partners for a Horizon Europe consortium", "coordination of HE consortia"),
        (OFFERS, "testing of electric drives", "a test bench for e-drives"),
    ]
    assert recommendations.personal_reason(Reason(LOOKS_FOR, "x", "y"), "Ana", both) == (
        "You look for ‘partners for a Horizon Europe consortium’; Ana offers "
        "‘coordination of HE consortia’. You offer ‘testing of electric drives’; Ana looks for "
        "‘a test bench for e-drives’."
    )


def test_personal_reason_is_worded_in_the_active_language(monkeypatch):
    """The sentence is looked up in the catalogue when the page is built, not when the engine
    ran: the engine gives data, the Django layer the words."""
    looked_up = []

    def fake_gettext(message):
        looked_up.append((translation.get_language(), message))
        return message.replace("You look for", "Vous cherchez")

    monkeypatch.setattr(recommendations, "_", fake_gettext)
    with translation.override("fr"):
        text = recommendations.personal_reason(Reason(LOOKS_FOR, "investors", "funding"), "Ana")
    assert text == "Vous cherchez ‘investors’; Ana offers ‘funding’."
    assert looked_up == [("fr", "You look for ‘%(mine)s’; %(name)s offers ‘%(theirs)s’.")]


# --- the Django side ------------------------------------------------------------------------


@pytest.fixture
def crowd(db):
    cache.clear()
    recommendations.forget_local()
    event = EventFactory(slug="ecc")
    textiles = Ecosystem.objects.get(slug="textiles")
    seeker_org = OrganisationFactory(name="Seeker Cluster")
    seeker = participant(
        event,
        first_name="Sam",
        organisation=seeker_org,
        looking_for="Investors for circular textiles",
        offering="Hydrogen storage tanks",
    )
    seeker.ecosystems.set([textiles])
    investor = participant(
        event, first_name="Ines", offering="Investors for circular textiles start-ups"
    )
    investor.ecosystems.set([textiles])
    buyer = participant(event, first_name="Bea", looking_for="Tanks for hydrogen storage")
    colleague = participant(
        event,
        first_name="Colin",
        organisation=seeker_org,
        offering="Investors for circular textiles",
    )
    hidden = RegistrationFactory(  # approved, no consent
        event=event,
        person=PersonFactory(first_name="Hugo", offering="Investors for circular textiles"),
    ).person
    pending = RegistrationFactory(
        event=event,
        status=Registration.Status.PENDING,
        directory_consent_at=timezone.now(),
        person=PersonFactory(first_name="Pia", offering="Investors for circular textiles"),
    ).person
    other_event = participant(
        EventFactory(), first_name="Otto", offering="Investors for circular textiles"
    )
    return {
        "event": event,
        "seeker": seeker,
        "investor": investor,
        "buyer": buyer,
        "colleague": colleague,
        "hidden": hidden,
        "pending": pending,
        "other_event": other_event,
    }


def names(found) -> list[str]:
    return [s.person.first_name for s in found]


def test_recommends_complementary_listed_people_with_reasons(crowd):
    found = recommendations.recommendations_for(crowd["event"], crowd["seeker"])
    assert [(s.person.first_name, s.score, s.reason) for s in found] == [
        (
            "Bea",
            1.0,
            "You offer ‘Hydrogen storage tanks’; Bea looks for ‘Tanks for hydrogen storage’.",
        ),
        (
            "Ines",
            0.7973,
            "You look for ‘Investors for circular textiles’; "
            "Ines offers ‘Investors for circular textiles start-ups’.",
        ),
    ]


def for_(crowd, key: str) -> list[str]:
    return names(recommendations.recommendations_for(crowd["event"], crowd[key]))


def test_never_oneself_colleagues_unlisted_pending_or_other_events(crowd):
    # Colin is Sam's colleague; Hugo did not consent; Pia is not approved; Otto is elsewhere.
    assert for_(crowd, "seeker") == ["Bea", "Ines"]
    assert for_(crowd, "investor") == ["Sam", "Bea"]
    assert for_(crowd, "buyer") == ["Sam", "Ines", "Colin"]
    assert for_(crowd, "colleague") == ["Bea"]
    assert for_(crowd, "hidden") == ["Sam", "Bea"]  # Hugo gets recommendations, is never one
    assert for_(crowd, "pending") == []
    assert for_(crowd, "other_event") == []


def test_never_people_one_already_meets_or_asked(crowd):
    event, sam, ines, bea = crowd["event"], crowd["seeker"], crowd["investor"], crowd["buyer"]
    MeetingRequestFactory(
        event=event, sender=sam, recipient=ines, status=MeetingRequest.Status.DECLINED
    )
    make_meeting(event=event, people=[sam, bea], status=Meeting.Status.CANCELLED)
    assert for_(crowd, "seeker") == ["Bea", "Ines"]
    MeetingRequestFactory(event=event, sender=ines, recipient=sam)  # pending: either way
    assert for_(crowd, "seeker") == ["Bea"]
    assert for_(crowd, "investor") == ["Bea"]
    make_meeting(event=event, people=[sam, bea], status=Meeting.Status.DRAFT)
    assert for_(crowd, "seeker") == []
    assert for_(crowd, "buyer") == ["Ines", "Colin"]


def test_cache_is_keyed_by_the_inputs_so_changes_are_seen_at_once(crowd):
    event, ines = crowd["event"], crowd["investor"]

    def key() -> str:
        return recommendations.cache_key(event, "tfidf", *recommendations.inputs(event))

    first = key()
    assert cache.get(first) is None
    assert for_(crowd, "seeker") == ["Bea", "Ines"]
    assert isinstance(cache.get(first), MatchIndex)
    assert recommendations.index_for(event)[0] is recommendations.index_for(event)[0]
    assert key() == first

    ines.offering = "Tourism data"
    ines.save()
    assert key() != first
    assert for_(crowd, "seeker") == ["Bea", "Ines"]  # Ines now by the shared ecosystem only

    second = key()
    ines.ecosystems.clear()
    assert key() != second
    assert for_(crowd, "seeker") == ["Bea"]

    third = key()
    Registration.objects.filter(person=crowd["buyer"]).update(directory_consent_at=None)
    assert key() != third
    assert for_(crowd, "seeker") == []


def test_recommendations_query_count_does_not_depend_on_the_crowd(crowd, django_assert_num_queries):
    event, sam = crowd["event"], crowd["seeker"]
    recommendations.recommendations_for(event, sam)
    # inputs (registrations, ecosystems), meets_already (2), the recommended people
    with django_assert_num_queries(5):
        assert len(recommendations.recommendations_for(event, sam)) == 2
    for k in range(15):
        participant(event, offering=f"Investors for circular textiles, fund {k}")
    with django_assert_num_queries(5):
        assert len(recommendations.recommendations_for(event, sam)) == 10


def test_unknown_engine_is_a_configuration_error(crowd, monkeypatch):
    monkeypatch.setenv("CLUSTERMEET_RECOMMEND_ENGINE", "magic")
    with pytest.raises(ImproperlyConfigured, match="must be one of tfidf, embedding"):
        recommendations.recommendations_for(crowd["event"], crowd["seeker"])
    monkeypatch.setenv("CLUSTERMEET_RECOMMEND_ENGINE", " TFIDF ")
    assert recommendations.engine_name() == "tfidf"
