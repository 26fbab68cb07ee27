"""The output paper's figures: the published paper's public sections only."""

import pytest
from django.test import Client

from clustermeet.paper.models import Paper
from tests.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_nothing_before_the_paper_is_published():
    event = EventFactory(slug="ecc")
    Paper.objects.create(event=event, status=Paper.Status.DRAFT)
    assert Client().get("/api/v1/events/ecc/paper").status_code == 404


def test_only_the_public_sections():
    event = EventFactory(slug="ecc")
    RegistrationFactory(event=event)
    SessionFactory(event=event)
    Paper.objects.create(
        event=event,
        status=Paper.Status.PUBLISHED,
        sections=["glance", "programme"],
        public_sections=["glance"],
    )
    sections = Client().get("/api/v1/events/ecc/paper").json()["sections"]
    assert [s["key"] for s in sections] == ["glance"]
    glance = sections[0]["figures"]
    assert (glance["registered"], glance["approved"], glance["sessions"]) == (1, 1, 1)
