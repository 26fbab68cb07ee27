import json

from django.urls import reverse

from clustermeet.privacy.queries import export_data


def test_the_export_holds_every_record_about_the_person_from_every_app(world):
    data = export_data(world.anna)["apps"]
    assert sorted(data) == [
        "api",
        "awards",
        "cafe",
        "exhibition",
        "hooks",
        "live",
        "networking",
        "onsite",
        "people",
        "privacy",
        "programme",
    ]
    profile = data["people"]["profile"]
    assert (profile["email"], profile["first_name"], profile["organisation"]) == (
        "anna@example.org",
        "Anna",
        "Silicon Saxony",
    )
    assert [(r["event"], r["status"]) for r in data["people"]["registrations"]] == [
        ("ECC 2020", "approved")
    ]
    assert [(c["kind"], c["version"], c["withdrawn_at"]) for c in data["privacy"]["consents"]] == [
        ("terms", "terms-2026-12", None),
        ("directory", "directory-2026-12", None),
    ]
    assert data["programme"]["bookmarks"][0]["session"] == "Opening panel"
    assert [(b["poll"], b["answer"]) for b in data["live"]["ballots"]] == [
        ("Which challenge?", [world.poll.options.get().pk])
    ]
    assert [q["text"] for q in data["live"]["questions"]] == ["What about skills?"]
    assert [u["question"] for u in data["live"]["upvotes"]] == ["And funding?"]
    assert [(n["table"], n["text"]) for n in data["cafe"]["notes"]] == [(3, "Train the trainers")]
    assert [(s["round"], s["table"]) for s in data["cafe"]["seats"]] == [(1, 3)]
    assert len(data["cafe"]["signups"]) == 1
    assert [
        (r["direction"], r["other_person"], r["message"])
        for r in data["networking"]["meeting_requests"]
    ] == [("sent", "Ben Okafor", "Shall we talk chips?")]
    assert [(m["other_person"], m["status"]) for m in data["networking"]["meetings"]] == [
        ("Ben Okafor", "scheduled")
    ]
    assert len(data["networking"]["availability"]) == 1
    assert [o["title"] for o in data["networking"]["offers"]] == ["Chip design training"]
    assert [i["offer"] for i in data["networking"]["interests"]] == ["Partners for Horizon"]


def test_the_other_person_is_shown_by_name_only(world):
    dumped = json.dumps(export_data(world.anna))
    assert "ben@example.org" not in dumped
    assert "Ben Okafor" in dumped


def test_download_is_one_json_attachment(client, world):
    client.force_login(world.anna)
    response = client.get(reverse("privacy:export_json"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="clustermeet-my-data-')
    data = json.loads(response.content)
    assert data["apps"]["people"]["profile"]["email"] == "anna@example.org"


def test_the_readable_page_shows_the_same_records(client, world):
    client.force_login(world.anna)
    response = client.get(reverse("privacy:export"))
    assert response.status_code == 200
    text = response.content.decode()
    for expected in (
        "anna@example.org",
        "Train the trainers",
        "Chip design training",
        "Ben Okafor",
    ):
        assert expected in text


def test_a_person_only_ever_exports_their_own_data(client, world):
    client.force_login(world.ben)
    data = json.loads(client.get(reverse("privacy:export_json")).content)
    assert data["apps"]["people"]["profile"]["email"] == "ben@example.org"
    assert "anna@example.org" not in json.dumps(data)


def test_every_app_section_and_field_of_the_export_has_a_human_title(world):
    from clustermeet.privacy import labels

    data = export_data(world.anna)["apps"]
    assert set(data) <= set(labels.APP_TITLES)
    for sections in data.values():
        assert set(sections) <= set(labels.SECTION_TITLES)
        for value in sections.values():
            for record in [value] if isinstance(value, dict) else value:
                assert set(record) <= set(labels.FIELD_LABELS)


def test_the_readable_page_shows_titles_not_keys(client, world):
    client.force_login(world.anna)
    text = client.get(reverse("privacy:export")).content.decode()
    assert '<section class="card" data-app="networking">\n  <h2>Networking</h2>' in text
    assert '<h3 data-section="meeting_requests">Meeting requests</h3>' in text
    assert "<strong>Other person</strong>: Ben Okafor" in text
    assert "<dt>First name</dt><dd>Anna</dd>" in text
    assert "other_person" not in text
    assert "<h2>people</h2>" not in text
