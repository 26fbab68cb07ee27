import pytest

from clustermeet.onsite.badges.roles import kind_for, kind_of
from clustermeet.onsite.models import BadgeKind
from clustermeet.people.models import Role
from tests.factories import RegistrationFactory


@pytest.mark.parametrize(
    ("codes", "kind"),
    [
        ([], BadgeKind.PARTICIPANT),
        ([Role.PARTICIPANT], BadgeKind.PARTICIPANT),
        ([Role.TABLE_HOST, Role.JURY], BadgeKind.PARTICIPANT),
        ([Role.EXHIBITOR, Role.PARTICIPANT], BadgeKind.EXHIBITOR),
        ([Role.PRESS, Role.EXHIBITOR], BadgeKind.PRESS),
        ([Role.MODERATOR], BadgeKind.SPEAKER),
        ([Role.SPEAKER, Role.PRESS], BadgeKind.SPEAKER),
        ([Role.ORGANISER, Role.SPEAKER, Role.PRESS], BadgeKind.ORGANISER),
    ],
)
def test_the_most_visible_role_wins(codes, kind):
    assert kind_for(codes) == kind


@pytest.mark.django_db
def test_kind_of_a_registration_reads_its_roles():
    registration = RegistrationFactory(roles=[Role.PARTICIPANT, Role.MODERATOR])
    assert kind_of(registration) == BadgeKind.SPEAKER
