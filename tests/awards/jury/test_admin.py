"""The back office of categories and jurors: jurors added by e-mail (logged), criteria from 1
to 5 for a vote category, translations checked, and each save logged with its fields."""

import pytest
from django import forms
from django.urls import reverse

from clustermeet import translations
from clustermeet.awards.models import AuditEntry, Category, Criterion, Juror
from tests.awards.factories import CategoryFactory, CriterionFactory
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    person = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def test_a_juror_is_added_by_account_e_mail_and_logged(client, staff):
    category = CategoryFactory()
    person = PersonFactory(email="eva@example.org")
    url = reverse("admin:awards_juror_add")
    response = client.post(url, {"category": category.pk, "email": "nobody@example.org"})
    assert "No account has this e-mail address." in response.content.decode()
    assert (Juror.objects.count(), AuditEntry.objects.count()) == (0, 0)
    response = client.post(url, {"category": category.pk, "email": "EVA@example.org"})
    assert response.status_code == 302
    juror = Juror.objects.get()
    assert (juror.category_id, juror.person_id) == (category.pk, person.pk)
    assert list(AuditEntry.objects.values_list("action", "actor", "detail")) == [
        ("juror", staff.pk, {"juror": juror.pk, "person": person.pk})
    ]


def category_data(event, criteria=0, **changes):
    data = {
        "event": event.pk,
        "name": "Cluster Manager of the Year",
        "slug": "manager",
        "position": 0,
        "description": "",
        "eligibility": "",
        "translations": "{}",
        "kind": "vote",
        "nomination_mode": "organisers",
        "score_max": 5,
        "shortlist_size": 3,
        "voters": "participants",
        "jury_weight": 0,
        "criteria-TOTAL_FORMS": criteria,
        "criteria-INITIAL_FORMS": 0,
        "criteria-MIN_NUM_FORMS": 0,
        "criteria-MAX_NUM_FORMS": 5,
    }
    for i in range(criteria):
        data[f"criteria-{i}-name"] = f"Criterion {i}"
        data[f"criteria-{i}-position"] = i
        data[f"criteria-{i}-translations"] = "{}"
    data.update(changes)
    return data


def test_the_category_page_has_every_field_in_fieldsets(client, staff):
    category = CategoryFactory()
    html = client.get(reverse("admin:awards_category_change", args=[category.pk])).content.decode()
    for title in ("Texts", "Nominations", "Jury", "Vote windows", "Result rule", "Reveal"):
        assert "<h2 " in html and title in html
    for name in ("online_opens_at", "onsite_closes_at", "jury_weight", "reveal_at", "voters"):
        assert f'name="{name}' in html


def test_a_new_vote_category_needs_a_criterion_and_is_logged_with_its_fields(client, staff):
    event = EventFactory()
    url = reverse("admin:awards_category_add")
    response = client.post(url, category_data(event))
    assert "A vote category needs at least one criterion" in response.content.decode()
    assert Category.objects.count() == 0
    response = client.post(url, category_data(event, criteria=6, **{"criteria-MAX_NUM_FORMS": 6}))
    assert Category.objects.count() == 0
    response = client.post(url, category_data(event, criteria=3))
    assert response.status_code == 302
    category = Category.objects.get()
    assert category.criteria.count() == 3
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.category_id, entry.actor_id, entry.detail["created"]) == (
        "settings",
        category.pk,
        staff.pk,
        True,
    )
    assert "criteria" in entry.detail["fields"]


def test_a_decision_category_may_have_no_criteria(client, staff):
    event = EventFactory()
    response = client.post(
        reverse("admin:awards_category_add"), category_data(event, kind="decision")
    )
    assert (response.status_code, Category.objects.count()) == (302, 1)


def test_a_change_logs_the_changed_fields_only(client, staff):
    category = CategoryFactory(slug="manager", name="Cluster Manager of the Year")
    criterion = CriterionFactory(category=category, name="Impact", position=0)
    data = category_data(category.event, jury_weight=50, allow_change="on")
    data.update(
        {
            "criteria-TOTAL_FORMS": 1,
            "criteria-INITIAL_FORMS": 1,
            "criteria-0-id": criterion.pk,
            "criteria-0-category": category.pk,
            "criteria-0-name": "Impact",
            "criteria-0-position": 0,
            "criteria-0-translations": "{}",
        }
    )
    data["description"] = category.description
    response = client.post(reverse("admin:awards_category_change", args=[category.pk]), data)
    assert response.status_code == 302
    assert list(AuditEntry.objects.values_list("action", "detail")) == [
        ("settings", {"fields": ["allow_change", "jury_weight"], "created": False})
    ]
    assert Criterion.objects.get().name == "Impact"


def test_bad_translations_and_windows_are_refused(client, staff):
    event = EventFactory()
    url = reverse("admin:awards_category_add")
    response = client.post(
        url, category_data(event, criteria=1, translations='{"de": {"title": "Nein"}}')
    )
    assert "Each language holds only these texts: “name”, “description”, “eligibility”." in (
        response.content.decode()
    )
    response = client.post(
        url,
        category_data(
            event,
            criteria=1,
            online_opens_at_0="2022-09-22",
            online_opens_at_1="10:00",
            online_closes_at_0="2022-09-14",
            online_closes_at_1="10:00",
        ),
    )
    assert "A vote closes after it opens." in response.content.decode()
    assert (Category.objects.count(), AuditEntry.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    "value",
    [
        ["de"],
        {"xx": {"name": "?"}},
        {"de": {"title": "Nein"}},
        {"de": {"name": 3}},
        {"de": {"name": "x" * 201}},
    ],
)
def test_the_shared_translations_check_refuses_wrong_shapes(value):
    with pytest.raises(forms.ValidationError):
        translations.validate_translations(
            value, keys=("name", "description"), limits={"name": 200}
        )


def test_the_shared_translations_check_passes_the_right_shape():
    value = {"de": {"name": "Preis", "description": "Lang"}, "cs": {"name": "Cena"}}
    assert translations.validate_translations(value, keys=("name", "description")) == value
    assert translations.validate_translations("", keys=("name",)) == {}


def test_declared_conflicts_are_read_only_in_the_admin(client, staff):
    from clustermeet.awards.models import Conflict
    from tests.awards.factories import JurorFactory, NominationFactory

    juror = JurorFactory()
    conflict = Conflict.objects.create(
        juror=juror, nomination=NominationFactory(category=juror.category), reason="Colleague"
    )
    html = client.get(reverse("admin:awards_conflict_changelist")).content.decode()
    assert "Colleague" in html
    assert client.get(reverse("admin:awards_conflict_add")).status_code == 403
    url = reverse("admin:awards_conflict_delete", args=[conflict.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Conflict.objects.count() == 1
