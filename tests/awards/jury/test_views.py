"""The jury's pages with every role: visitor, participant, juror of the category, juror of
another category, nominee, organiser; fixed query counts; what each may see and do."""

import pytest
from django.urls import reverse
from django.utils import timezone

from clustermeet.awards.models import AuditEntry, Conflict, Juror, Nomination, Score
from tests.awards.factories import (
    CategoryFactory,
    JurorFactory,
    awards_organiser,
    jury_category,
    score_all,
)
from tests.factories import PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jury():
    category, criteria, nominations, jurors = jury_category()
    other = JurorFactory(category=CategoryFactory(event=category.event, name="Other award"))
    nominee = PersonFactory()
    Nomination.objects.filter(pk=nominations[0].pk).update(nominee=nominee)
    return {
        "category": category,
        "criteria": criteria,
        "nominations": nominations,
        "jurors": jurors,
        "other_juror": other,
        "nominee": nominee,
        "participant": RegistrationFactory(event=category.event).person,
        "organiser": awards_organiser(category.event),
    }


def url(name, category, *args):
    if name == "home":
        return reverse("jury:home", args=[category.event.slug])
    return reverse(f"jury:{name}", args=[category.event.slug, category.slug, *args])


def as_(client, person):
    if person is not None:
        client.force_login(person)
    return client


# --- home --------------------------------------------------------------------------------------


def test_the_home_shows_a_jurors_categories_only(client, jury):
    category = jury["category"]
    html = as_(client, jury["jurors"][0].person).get(url("home", category)).content.decode()
    assert category.name in html
    assert "Other award" not in html
    assert "0 of 3 nominations scored" in html
    assert html.count('class="badge warn">To score') == 3


@pytest.mark.parametrize("role", ["participant", "nominee", "organiser"])
def test_the_home_is_a_kind_403_to_whoever_is_no_juror(client, jury, role):
    response = as_(client, jury[role]).get(url("home", jury["category"]))
    assert response.status_code == 403
    assert "You are not on a jury of this event." in response.content.decode()


def test_the_home_sends_a_visitor_to_log_in(client, jury):
    response = client.get(url("home", jury["category"]))
    assert (response.status_code, response.url.split("?")[0]) == (302, reverse("people:login"))


@pytest.mark.parametrize("count", [2, 10])
def test_the_home_runs_the_same_queries_whatever_the_numbers(
    client, count, django_assert_num_queries
):
    category, criteria, nominations, (ana,) = jury_category(jurors=1, nominations=count)
    for n in nominations[1:]:
        score_all(ana, n, criteria, 4)
    Conflict.objects.create(juror=ana, nomination=nominations[0])
    client.force_login(ana.person)
    with django_assert_num_queries(9):
        response = client.get(url("home", category))
    html = response.content.decode()
    expected = {2: "1 of 1 nomination scored", 10: "9 of 9 nominations scored"}[count]
    assert expected in html
    assert "I have finished: make my scores final" in html


# --- scoring -----------------------------------------------------------------------------------


def test_a_juror_scores_a_nomination_with_radio_groups(client, jury):
    category, (c1, c2, c3) = jury["category"], jury["criteria"]
    nomination, ana = jury["nominations"][0], jury["jurors"][0]
    as_(client, ana.person)
    html = client.get(url("score", category, nomination.pk)).content.decode()
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    assert html.count('type="radio"') == 15
    data = {f"criterion_{c1.pk}": "5", f"criterion_{c2.pk}": "3", f"criterion_{c3.pk}": "1"}
    response = client.post(url("score", category, nomination.pk), data)
    assert (response.status_code, response.url) == (302, url("home", category))
    assert sorted(Score.objects.values_list("criterion", "value")) == sorted(
        [(c1.pk, 5), (c2.pk, 3), (c3.pk, 1)]
    )


def test_a_score_out_of_range_is_refused_on_the_page_and_stores_nothing(client, jury):
    category, (c1, c2, c3) = jury["category"], jury["criteria"]
    nomination = jury["nominations"][0]
    as_(client, jury["jurors"][0].person)
    data = {f"criterion_{c1.pk}": "9", f"criterion_{c2.pk}": "3", f"criterion_{c3.pk}": "1"}
    response = client.post(url("score", category, nomination.pk), data)
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert Score.objects.count() == 0


@pytest.mark.parametrize("role", ["participant", "nominee", "organiser", "other_juror"])
def test_scoring_is_forbidden_to_everyone_but_the_categorys_jurors(client, jury, role):
    person = jury[role].person if role == "other_juror" else jury[role]
    category, nomination = jury["category"], jury["nominations"][0]
    as_(client, person)
    assert client.get(url("score", category, nomination.pk)).status_code == 403
    c1 = jury["criteria"][0]
    response = client.post(url("score", category, nomination.pk), {f"criterion_{c1.pk}": "4"})
    assert (response.status_code, Score.objects.count()) == (403, 0)


def test_a_submitted_nomination_has_no_scoring_page(client, jury):
    nomination = jury["nominations"][0]
    Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.SUBMITTED)
    as_(client, jury["jurors"][0].person)
    assert client.get(url("score", jury["category"], nomination.pk)).status_code == 404


def test_a_declared_conflict_hides_the_scores_and_says_it_stays(client, jury):
    category, nomination, ana = jury["category"], jury["nominations"][0], jury["jurors"][0]
    as_(client, ana.person)
    response = client.post(url("conflict", category, nomination.pk), {"reason": "Colleague"})
    assert response.status_code == 302
    assert list(Conflict.objects.values_list("juror", "nomination", "reason")) == [
        (ana.pk, nomination.pk, "Colleague")
    ]
    html = client.get(url("score", category, nomination.pk)).content.decode()
    assert 'type="radio"' not in html
    assert "The declaration cannot be withdrawn." in html
    c1 = jury["criteria"][0]
    client.post(url("score", category, nomination.pk), {f"criterion_{c1.pk}": "4"})
    assert Score.objects.count() == 0


def test_finishing_makes_the_scores_final(client, jury):
    category, criteria, ana = jury["category"], jury["criteria"], jury["jurors"][0]
    as_(client, ana.person)
    client.post(url("finish", category))
    assert Juror.objects.get(pk=ana.pk).finished_at is None
    for n in jury["nominations"]:
        score_all(ana, n, criteria, 4)
    response = client.post(url("finish", category), follow=True)
    assert "your scores of" in response.content.decode()
    assert Juror.objects.get(pk=ana.pk).finished_at is not None
    html = client.get(url("score", category, jury["nominations"][0].pk)).content.decode()
    assert "Your scores are final" in html and 'type="radio"' not in html


# --- ranking -----------------------------------------------------------------------------------


def finish(*jurors):
    Juror.objects.filter(pk__in=[j.pk for j in jurors]).update(finished_at=timezone.now())


def test_a_juror_sees_how_many_still_score_but_not_who_nor_the_ranking(client, jury):
    category, (ana, ben) = jury["category"], jury["jurors"]
    score_all(ana, jury["nominations"][0], jury["criteria"], 5)
    finish(ana)
    html = as_(client, ana.person).get(url("ranking", category)).content.decode()
    assert "1 juror is still scoring" in html
    assert "jury-ranking" not in html
    assert str(ben.person) not in html


def test_every_juror_sees_the_ranking_once_all_finished(client, jury):
    category, (ana, ben), (a, b, c) = jury["category"], jury["jurors"], jury["nominations"]
    for n, value in ((a, 4), (b, 4), (c, 2)):
        score_all(ana, n, jury["criteria"], value)
        score_all(ben, n, jury["criteria"], value)
    finish(ana, ben)
    html = as_(client, ben.person).get(url("ranking", category)).content.decode()
    assert "jury-ranking" in html
    assert html.count(">tie</span>") == 2
    assert "Provisional" not in html


def test_organisers_see_a_provisional_ranking_at_any_time(client, jury, django_assert_num_queries):
    category = jury["category"]
    score_all(jury["jurors"][0], jury["nominations"][0], jury["criteria"], 3)
    as_(client, jury["organiser"])
    with django_assert_num_queries(12):
        html = client.get(url("ranking", category)).content.decode()
    assert "Provisional:" in html
    assert "3.000" in html


@pytest.mark.parametrize("role", ["participant", "nominee", "other_juror"])
def test_the_ranking_is_forbidden_to_others(client, jury, role):
    finish(*jury["jurors"])
    person = jury[role].person if role == "other_juror" else jury[role]
    assert as_(client, person).get(url("ranking", jury["category"])).status_code == 403


# --- shortlist ---------------------------------------------------------------------------------


def test_the_organiser_confirms_the_proposed_shortlist(client, jury):
    category, (ana, _ben), (a, b, c) = jury["category"], jury["jurors"], jury["nominations"]
    category.shortlist_size = 2
    category.save()
    for n, value in ((a, 5), (b, 4), (c, 2)):
        score_all(ana, n, jury["criteria"], value)
    finish(ana)
    as_(client, jury["organiser"])
    html = client.get(url("shortlist", category)).content.decode()
    assert html.count(" checked>") == 2
    assert "it is a target, not a limit" in html
    response = client.post(url("shortlist", category), {"nominations": [a.pk, b.pk]})
    assert response.status_code == 302
    assert sorted(Nomination.objects.filter(finalist=True).values_list("pk", flat=True)) == sorted(
        [a.pk, b.pk]
    )
    assert AuditEntry.objects.filter(action="shortlist").count() == 1
    html = client.get(url("shortlist", category)).content.decode()
    assert "A confirmed shortlist does not change." in html
    assert 'name="nominations"' not in html


def test_a_tie_at_the_cut_is_shown(client, jury, django_assert_num_queries):
    category, (ana, _ben), (a, b, c) = jury["category"], jury["jurors"], jury["nominations"]
    category.shortlist_size = 2
    category.save()
    for n, value in ((a, 5), (b, 3), (c, 3)):
        score_all(ana, n, jury["criteria"], value)
    finish(ana)
    as_(client, jury["organiser"])
    with django_assert_num_queries(11):
        html = client.get(url("shortlist", category)).content.decode()
    assert "A tie straddles the cut:" in html
    assert html.count("tied at the cut") == 2
    assert html.count(" checked>") == 1


def test_a_refused_shortlist_shows_why_and_changes_nothing(client, jury):
    category, a = jury["category"], jury["nominations"][0]
    as_(client, jury["organiser"])
    response = client.post(url("shortlist", category), {"nominations": [a.pk]})
    assert response.status_code == 400
    assert "No juror has finished scoring yet" in response.content.decode()
    assert (Nomination.objects.filter(finalist=True).count(), AuditEntry.objects.count()) == (0, 0)


@pytest.mark.parametrize("role", ["participant", "nominee", "other_juror"])
def test_the_shortlist_is_the_organisers(client, jury, role):
    person = jury[role].person if role == "other_juror" else jury[role]
    as_(client, person)
    assert client.get(url("shortlist", jury["category"])).status_code == 403
    response = client.post(url("shortlist", jury["category"]), {"nominations": [1]})
    assert response.status_code == 403


def test_a_juror_cannot_confirm_the_shortlist(client, jury):
    as_(client, jury["jurors"][0].person)
    assert client.get(url("shortlist", jury["category"])).status_code == 403
