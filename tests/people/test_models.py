"""Small facts the people's models derive for display."""

import pytest

from clustermeet.people.models import join_affiliation


@pytest.mark.parametrize(
    ("job_title", "organisation", "shown"),
    [
        ("Cluster manager", "Moravian Cluster", "Cluster manager, Moravian Cluster"),
        ("", "Moravian Cluster", "Moravian Cluster"),
        ("Cluster manager", "", "Cluster manager"),
        (
            "Director Industrial Policy & Innovation, DG GROW",
            "European Commission – DG GROW",
            "Director Industrial Policy & Innovation, DG GROW, European Commission",
        ),
        ("Secretary General, SMEunited", "SMEunited", "Secretary General, SMEunited"),
        (
            "Head of unit, dg grow",
            "European Commission - DG GROW",
            "Head of unit, dg grow, European Commission",
        ),
        (
            "Policy officer",
            "European Commission – DG GROW",
            "Policy officer, European Commission – DG GROW",
        ),
    ],
)
def test_the_affiliation_says_each_part_once(job_title, organisation, shown):
    assert join_affiliation(job_title, organisation) == shown
