"""The European Cluster Awards of the demo (ECC 2020 online, ECC 2022 in Prague): the
categories, finalists, winners, windows and kinds of the issue, the figures exactly, and the
platform's rules checked over every row — jury scores consistent with the shortlist, ballots
inside their windows, on-site voters checked in before they voted, one ballot per person and
category, a result the verification command reproduces, a log of every step."""

import datetime as dt
import zoneinfo
from collections import Counter

import pytest

from clustermeet.awards.jury.queries import jury_means
from clustermeet.awards.models import AuditEntry, Ballot, Category, Conflict, Juror, Score
from clustermeet.awards.results import exports, verification
from clustermeet.awards.results.queries import current_tally
from clustermeet.awards.texts import text_in
from clustermeet.events.models import Event
from clustermeet.onsite.models import CheckIn, DoorStaff
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats

pytestmark = pytest.mark.django_db
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def local(moment, zone):
    return moment.astimezone(zone).replace(tzinfo=None) if moment else None


def finalists(category):
    return [n.name for n in category.nominations.filter(finalist=True).order_by("position")]


def winners(category):
    return [n.name for n in category.nominations.filter(winner=True)]


def ballots_per_finalist(category):
    return Counter(
        (name, channel)
        for name, channel in category.ballots.values_list("nomination__name", "channel")
    )


@pytest.fixture
def ecc_2020(demo):
    return Event.objects.get(slug="ecc-2020")


@pytest.fixture
def prague(demo):
    return Event.objects.get(slug="ecc-2022")


def test_what_the_loader_reports_for_the_awards(demo):
    assert {k: v for k, v in demo.items() if k.startswith("award")} == {
        "award_categories": 5,
        "award_criteria": 7,
        "award_nominations": 18,
        "award_jurors": 6,
        "award_scores": 119,
        "award_ballots": 1650,
        "awards_log": 50,
    }


def test_the_three_awards_of_2020(ecc_2020):
    categories = list(ecc_2020.award_categories.order_by("position"))
    assert [(c.slug, c.kind, c.voters, c.jury_weight) for c in categories] == [
        ("partnership-of-the-year", "vote", "participants", 100),
        ("cluster-manager-of-the-year", "vote", "participants", 0),
        ("eu-cluster-mobilisation", "decision", "participants", 0),
    ]
    assert [c.name for c in categories] == [
        "European Cluster Partnership of the Year 2020",
        "European Cluster Manager of the Year 2020",
        "Special Award for EU Cluster Mobilisation 2020",
    ]
    partnership, manager, special = categories
    assert finalists(partnership) == ["IOT4Industry", "MedTex Circular", "BioDanube Health"]
    assert winners(partnership) == ["IOT4Industry"]
    assert finalists(manager) == ["Antonio Novo Guerrero", "Uwe Pfeil", "Corinne Farace"]
    assert winners(manager) == ["Uwe Pfeil"]
    assert manager.nominations.count() == 8
    assert finalists(special) == winners(special) == ["Antonio Novo Guerrero"]
    assert special.nominations.count() == 1
    pfeil = manager.nominations.get(name="Uwe Pfeil")
    assert (pfeil.organisation, pfeil.country.code, pfeil.nominee.last_name) == (
        "IT-Logistik Cluster and E-Mobilitätscluster",
        "DE",
        "Pfeil",
    )
    assert all(c.shortlist_confirmed_at and c.revealed_at for c in categories)
    assert all(n.statement for c in categories for n in c.nominations.all())


def test_the_2020_vote_ran_live_in_the_awards_session(ecc_2020):
    manager = ecc_2020.award_categories.get(slug="cluster-manager-of-the-year")
    session = ecc_2020.sessions.get(slug="awards-ceremony")
    assert local(manager.online_opens_at, BRUSSELS) == dt.datetime(2020, 11, 11, 15, 35)
    assert local(manager.online_closes_at, BRUSSELS) == dt.datetime(2020, 11, 11, 15, 47)
    assert (manager.onsite_opens_at, manager.onsite_closes_at) == (None, None)
    assert session.starts_at < manager.online_opens_at < manager.revealed_at < session.ends_at
    assert ballots_per_finalist(manager) == {
        ("Uwe Pfeil", "online"): 171,
        ("Corinne Farace", "online"): 124,
        ("Antonio Novo Guerrero", "online"): 109,
    }
    ballots = list(manager.ballots.all())
    assert all(manager.online_opens_at <= b.cast_at < manager.online_closes_at for b in ballots)
    approved = set(
        Registration.objects.filter(event=ecc_2020, status="approved").values_list(
            "person", flat=True
        )
    )
    jurors = set(Juror.objects.filter(category__event=ecc_2020).values_list("person", flat=True))
    voters = {b.voter_id for b in ballots}
    assert len(voters) == 404
    assert voters <= approved
    assert not voters & jurors
    for other in ("partnership-of-the-year", "eu-cluster-mobilisation"):
        assert not ecc_2020.award_categories.get(slug=other).ballots.exists()


def test_the_2020_jury_scored_the_shortlist(ecc_2020):
    manager = ecc_2020.award_categories.get(slug="cluster-manager-of-the-year")
    jurors = list(manager.jurors.select_related("person").order_by("added_at"))
    assert len(jurors) == 3
    assert jurors[0].person.email == "speaker@example.org"
    assert list(manager.criteria.values_list("name", flat=True)) == [
        "Impact on members",
        "Cooperation",
        "Excellence of management",
        "Communication",
    ]
    conflict = Conflict.objects.get(juror__category=manager)
    assert (conflict.juror, conflict.nomination.name) == (jurors[1], "Ana Radu")
    assert not Score.objects.filter(juror=conflict.juror, nomination=conflict.nomination).exists()
    assert Score.objects.filter(juror__category=manager).count() == 3 * 8 * 4 - 4
    assert all(
        1 <= value <= manager.score_max
        for value in Score.objects.filter(juror__category=manager).values_list("value", flat=True)
    )
    means = jury_means(manager)
    names = dict(manager.nominations.values_list("pk", "name"))
    ranking = [names[pk] for pk in sorted(means, key=means.get, reverse=True)]
    assert ranking[:3] == ["Antonio Novo Guerrero", "Uwe Pfeil", "Corinne Farace"]  # the finalists
    assert len(set(means.values())) == 8
    for juror in jurors:
        assert juror.finished_at < manager.shortlist_confirmed_at
        last = juror.scores.order_by("-scored_at").first().scored_at
        assert last < juror.finished_at

    partnership = ecc_2020.award_categories.get(slug="partnership-of-the-year")
    assert [j.person for j in partnership.jurors.order_by("added_at")] == [j.person for j in jurors]
    assert partnership.result["jury_weight"] == 100
    assert [(row["name"], row["rank"]) for row in partnership.result["finalists"]] == [
        ("IOT4Industry", 1),
        ("MedTex Circular", 2),
        ("BioDanube Health", 3),
    ]


def test_the_special_award_is_a_decision(ecc_2020):
    special = ecc_2020.award_categories.get(slug="eu-cluster-mobilisation")
    novo = special.nominations.get()
    assert special.result["decided"] is True
    assert special.result["winners"] == [novo.pk]
    assert (special.criteria.count(), special.jurors.count()) == (0, 0)
    assert list(special.log.values_list("action", flat=True)) == [
        "settings",
        "entered",
        "shortlist",
        "decision",
        "revealed",
    ]


def test_the_two_awards_of_2022(prague):
    categories = list(prague.award_categories.order_by("position"))
    assert [(c.slug, c.kind, c.voters, c.jury_weight) for c in categories] == [
        ("partnership-of-the-year", "vote", "community", 0),
        ("cluster-manager-of-the-year", "vote", "community", 0),
    ]
    partnership, manager = categories
    assert finalists(partnership) == ["S3Food", "TexLoop", "H2 Valleys Link"]
    assert winners(partnership) == ["S3Food"]
    assert partnership.nominations.get(name="S3Food").organisation == "Flanders' FOOD"
    assert finalists(manager) == [
        "Kristina Šermukšnytė-Alešiūnienė",
        "Ana Ribeiro",
        "Jonas Lindqvist",
    ]
    assert winners(manager) == ["Kristina Šermukšnytė-Alešiūnienė"]
    assert manager.nominations.get(winner=True).organisation == "AgriFood Lithuania DIH"
    assert text_in(partnership, "name", "cs") == "Evropské klastrové partnerství roku 2022"
    assert text_in(manager, "name", "de-at") == "Europäisches Clustermanagement des Jahres 2022"
    for category in categories:
        assert sorted(category.translations) == ["cs", "de"]
        for texts in category.translations.values():
            assert sorted(texts) == ["description", "eligibility", "name"]
        nominations = list(category.nominations.all())
        assert len(nominations) == 3
        assert len({n.country for n in nominations}) == 3
        assert all(n.video_url.startswith("https://www.youtube.com/watch?v=") for n in nominations)
        assert all(n.statement for n in nominations)
        assert local(category.online_opens_at, PRAGUE) == dt.datetime(2022, 9, 14, 9, 0)
        assert local(category.online_closes_at, PRAGUE) == dt.datetime(2022, 9, 22, 18, 0)
        assert local(category.onsite_opens_at, PRAGUE) == dt.datetime(2022, 9, 26, 10, 0)
        assert local(category.onsite_closes_at, PRAGUE) == dt.datetime(2022, 9, 26, 18, 0)
        ceremony = prague.sessions.get(slug="awards-ceremony")
        assert category.onsite_closes_at < ceremony.starts_at < category.revealed_at
        assert category.revealed_at < ceremony.ends_at


def test_the_2022_ballots_online_and_on_site(prague):
    partnership = prague.award_categories.get(slug="partnership-of-the-year")
    manager = prague.award_categories.get(slug="cluster-manager-of-the-year")
    assert ballots_per_finalist(partnership) == {
        ("S3Food", "online"): 151,
        ("S3Food", "onsite"): 96,
        ("TexLoop", "online"): 163,
        ("TexLoop", "onsite"): 52,
        ("H2 Valleys Link", "online"): 98,
        ("H2 Valleys Link", "onsite"): 41,
    }
    assert ballots_per_finalist(manager) == {
        ("Kristina Šermukšnytė-Alešiūnienė", "online"): 178,
        ("Kristina Šermukšnytė-Alešiūnienė", "onsite"): 88,
        ("Ana Ribeiro", "online"): 149,
        ("Ana Ribeiro", "onsite"): 63,
        ("Jonas Lindqvist", "online"): 117,
        ("Jonas Lindqvist", "onsite"): 50,
    }
    arrived = dict(
        CheckIn.objects.filter(event=prague, day=dt.date(2022, 9, 26)).values_list(
            "registration__person", "checked_in_at"
        )
    )
    staff = set(DoorStaff.objects.filter(event=prague).values_list("person", flat=True))
    kiosk = Counter()
    for category in (partnership, manager):
        ballots = list(category.ballots.all())
        assert len({b.voter_id for b in ballots}) == len(ballots)
        for b in ballots:
            assert (b.changes, b.first_cast_at) == (0, b.cast_at)
            opens, closes = (
                (category.online_opens_at, category.online_closes_at)
                if b.channel == "online"
                else (category.onsite_opens_at, category.onsite_closes_at)
            )
            assert opens <= b.cast_at < closes
            if b.channel == "onsite":
                assert arrived[b.voter_id] < b.cast_at
                kiosk[b.recorded_by_id is not None] += 1
                assert b.recorded_by_id is None or b.recorded_by_id in staff
            else:
                assert b.recorded_by_id is None
    assert kiosk == {False: 297, True: 93}
    assert Ballot.objects.count() == len({b.receipt for b in Ballot.objects.all()}) == 1650


def test_the_demo_participant_voted(ecc_2020, prague):
    mine = Ballot.objects.filter(voter__email="participant@example.org").order_by("cast_at")
    assert [
        (b.category.event.slug, b.category.slug, b.nomination.name, b.channel) for b in mine
    ] == [
        ("ecc-2020", "cluster-manager-of-the-year", "Corinne Farace", "online"),
        ("ecc-2022", "partnership-of-the-year", "S3Food", "online"),
        ("ecc-2022", "cluster-manager-of-the-year", "Kristina Šermukšnytė-Alešiūnienė", "onsite"),
    ]


def test_the_frozen_results_are_reproducible(ecc_2020, prague):
    for event in (ecc_2020, prague):
        for category in event.award_categories.filter(kind="vote"):
            assert category.result == current_tally(category).to_json()
        categories = list(event.award_categories.filter(kind="vote").order_by("position"))
        report = verification.verify(event, exports.ballots_csv(event, categories))
        assert report.differences == []
    manager = prague.award_categories.get(slug="cluster-manager-of-the-year")
    assert (manager.result["online"], manager.result["onsite"], manager.result["ballots"]) == (
        444,
        201,
        645,
    )


def test_the_award_figures_of_the_two_editions(ecc_2020, prague):
    assert event_stats(ecc_2020)["awards"] == {
        "categories": 3,
        "nominations": 12,
        "finalists": 7,
        "ballots": {"online": 404, "onsite": 0, "total": 404},
        "turnout": 35.6,  # 404 of 1,135 approved participants
        "winners": [
            {"category": "partnership-of-the-year", "winners": ["IOT4Industry"]},
            {"category": "cluster-manager-of-the-year", "winners": ["Uwe Pfeil"]},
            {"category": "eu-cluster-mobilisation", "winners": ["Antonio Novo Guerrero"]},
        ],
    }
    assert event_stats(prague)["awards"] == {
        "categories": 2,
        "nominations": 6,
        "finalists": 6,
        "ballots": {"online": 856, "onsite": 390, "total": 1246},
        "turnout": 51.3,  # the community's voters who did not come are not counted
        "winners": [
            {"category": "partnership-of-the-year", "winners": ["S3Food"]},
            {
                "category": "cluster-manager-of-the-year",
                "winners": ["Kristina Šermukšnytė-Alešiūnienė"],
            },
        ],
    }
    voters = set(Ballot.objects.filter(category__event=prague).values_list("voter", flat=True))
    approved = set(
        Registration.objects.filter(event=prague, status="approved").values_list(
            "person", flat=True
        )
    )
    assert (len(voters), len(voters & approved), len(approved)) == (667, 308, 600)


def test_the_organisers_log(ecc_2020, prague):
    manager = ecc_2020.award_categories.get(slug="cluster-manager-of-the-year")
    assert list(manager.log.values_list("action", flat=True)) == [
        "settings",
        *["entered"] * 8,
        *["juror"] * 3,
        "shortlist",
        "opened",
        "closed",
        "revealed",
    ]
    opened = manager.log.get(action="opened")
    assert opened.detail == {
        "channel": "online",
        "opens_at": "2020-11-11T14:35:00+00:00",
        "closes_at": "2020-11-11T14:47:00+00:00",
    }
    assert opened.at == manager.online_opens_at
    revealed = manager.log.get(action="revealed")
    assert revealed.detail == {"winners": manager.result["winners"], "ballots": 404}
    assert revealed.at == manager.revealed_at
    shortlist = manager.log.get(action="shortlist")
    assert shortlist.detail == {
        "nominations": sorted(
            manager.nominations.filter(finalist=True).values_list("pk", flat=True)
        )
    }
    partnership = prague.award_categories.get(slug="partnership-of-the-year")
    assert Counter(partnership.log.values_list("action", flat=True)) == {
        "settings": 1,
        "entered": 3,
        "shortlist": 1,
        "opened": 2,
        "closed": 2,
        "revealed": 1,
    }
    entries = AuditEntry.objects.filter(event__in=[ecc_2020, prague])
    assert {e.actor.email for e in entries} == {"organiser@example.org"}
    assert entries.count() == 50
    for category in Category.objects.filter(event__in=[ecc_2020, prague]):
        times = list(category.log.order_by("pk").values_list("at", flat=True))
        assert times == sorted(times)
