"""The events beside the 2020 conference: its two invitation-only side events and the matchmaking,
the 2022 Prague edition and one session of the bi-weekly EU Clusters Talks."""

import datetime as dt

from clustermeet.demo.spec import EventSpec, RoomSpec, SessionSpec, slot

# slug → (name, cadence, description)
SERIES = {
    "european-cluster-conference": (
        "European Cluster Conference",
        "yearly",
        "The European Commission's yearly conference for the cluster community, hosted with the "
        "country holding the Council presidency.",
    ),
    "eu-clusters-talks": (
        "EU Clusters Talks",
        "every two weeks",
        "Every other week the cluster community meets online for an hour: what is new in "
        "industrial policy, good practice from clusters, open funding calls and platform news.",
    ),
}

ORGANISER = "organiser"  # the demo organiser account hosts the side events


def _host() -> tuple[tuple[str, str], ...]:
    return ((ORGANISER, "host"),)


# ---------------------------------------------------------------- 2020 side events
PARTNERSHIPS_DAY = dt.date(2020, 11, 16)
PARTNERSHIPS = EventSpec(
    slug="ecc-2020-partnerships",
    name="European Cluster Partnerships side event",
    tagline="Side event of the European Cluster Conference 2020 (by invitation)",
    description=(
        "A closed online meeting for the European Cluster Partnerships, the week after the "
        "conference. Coordinators swap experience of running a transnational partnership and "
        "pick topics to work on together; the day prepares a permanent forum for them."
    ),
    parent="ecc-2020",
    format="virtual",
    visibility="invitation",
    start_date=PARTNERSHIPS_DAY,
    end_date=PARTNERSHIPS_DAY,
    organiser_name="European Cluster Collaboration Platform",
    rooms=(RoomSpec("meeting-room", "Meeting room", "breakout", capacity=80),),
    sessions=(
        SessionSpec(
            slug="welcome",
            title="Welcome and aims of the day",
            type="welcome",
            **slot(PARTNERSHIPS_DAY, "10:00", "10:15"),
            room="meeting-room",
            abstract="Why the partnerships meet, and what the day should produce.",
            description="A short round of introductions and the plan for the day.",
            speakers=_host(),
        ),
        SessionSpec(
            slug="funding-beyond-the-project",
            title="Keeping a partnership alive after its funding ends",
            type="roundtable",
            **slot(PARTNERSHIPS_DAY, "10:15", "11:15"),
            room="meeting-room",
            abstract="Funding challenges and business models for cluster partnerships.",
            description=(
                "Partnership coordinators exchange how they finance joint work once a project "
                "grant runs out, and which combinations of funds have worked for them."
            ),
            speakers=_host(),
        ),
        SessionSpec(
            slug="measuring-impact",
            title="Measuring the impact of a cluster partnership",
            type="world_cafe",
            **slot(PARTNERSHIPS_DAY, "11:30", "12:30"),
            room="meeting-room",
            abstract="Indicators that show what a partnership changes for its members.",
            description=(
                "Small tables collect the indicators partnerships already use, and agree on a "
                "handful that would be worth reporting in the same way."
            ),
        ),
        SessionSpec(
            slug="digital-and-green",
            title="Partnerships for the digital transition and the Green Deal",
            type="workshop",
            **slot(PARTNERSHIPS_DAY, "13:30", "14:30"),
            room="meeting-room",
            abstract="Where partnerships could act together on the twin transitions.",
            description=(
                "Partnerships working on digital and on green topics map their activities and "
                "look for joint actions for the coming year."
            ),
            challenges=("green", "digital"),
        ),
        SessionSpec(
            slug="next-steps",
            title="Next steps: towards a forum for the partnerships",
            type="other",
            **slot(PARTNERSHIPS_DAY, "14:30", "15:00"),
            room="meeting-room",
            abstract="How the partnerships will keep in touch after today.",
            description="Wrap-up of the day and the plan for follow-up webinars.",
            speakers=_host(),
        ),
    ),
)

ASSOCIATIONS_DAY = dt.date(2020, 11, 17)
ASSOCIATIONS = EventSpec(
    slug="ecc-2020-associations",
    name="Cluster Associations and Networks side event",
    tagline="Side event of the European Cluster Conference 2020 (by invitation)",
    description=(
        "A closed online meeting where national cluster associations and European cluster "
        "networks compare their member services, learn from one another and agree on things "
        "to do together."
    ),
    parent="ecc-2020",
    format="virtual",
    visibility="invitation",
    start_date=ASSOCIATIONS_DAY,
    end_date=ASSOCIATIONS_DAY,
    organiser_name="European Cluster Collaboration Platform",
    rooms=(RoomSpec("meeting-room", "Meeting room", "breakout", capacity=80),),
    sessions=(
        SessionSpec(
            slug="welcome",
            title="Welcome and tour de table",
            type="welcome",
            **slot(ASSOCIATIONS_DAY, "10:00", "10:15"),
            room="meeting-room",
            abstract="Each association introduces itself in one minute.",
            description="Introductions and the aims of the day.",
            speakers=_host(),
        ),
        SessionSpec(
            slug="women-in-clusters",
            title="Women in clusters",
            type="panel",
            **slot(ASSOCIATIONS_DAY, "10:15", "11:15"),
            room="meeting-room",
            abstract="Making cluster management and cluster boards more diverse.",
            description=(
                "Associations share what they do to bring more women into cluster management "
                "and into the companies they represent."
            ),
            speakers=_host(),
        ),
        SessionSpec(
            slug="joint-actions",
            title="Joint actions of associations and networks",
            type="world_cafe",
            **slot(ASSOCIATIONS_DAY, "11:30", "12:30"),
            room="meeting-room",
            abstract="Which activities the associations could run together.",
            description=(
                "Café tables on measuring impact, funding, digitalisation and the Green Deal; "
                "each table proposes one joint action."
            ),
            challenges=("green", "digital"),
        ),
        SessionSpec(
            slug="wrap-up",
            title="Wrap-up and next steps",
            type="other",
            **slot(ASSOCIATIONS_DAY, "12:30", "13:00"),
            room="meeting-room",
            abstract="Conclusions and the follow-up programme.",
            description="The proposals of the tables and how they will be followed up.",
            speakers=_host(),
        ),
    ),
)

MATCHMAKING = EventSpec(
    slug="ecc-2020-matchmaking",
    name="Intra-European Cluster Matchmaking 2020",
    tagline="Pre-arranged 1-to-1 online meetings alongside the European Cluster Conference",
    description=(
        "Two days of scheduled one-to-one video calls between cluster organisations and "
        "business networks from different European countries, each looking for partners."
    ),
    parent="ecc-2020",
    format="virtual",
    visibility="public",
    start_date=dt.date(2020, 11, 11),
    end_date=dt.date(2020, 11, 12),
    organiser_name="European Cluster Collaboration Platform",
    rooms=(RoomSpec("meeting-rooms", "Meeting rooms", "breakout"),),
    sessions=(
        SessionSpec(
            slug="matchmaking-day-1",
            title="Matchmaking meetings, day 1",
            type="networking",
            **slot(dt.date(2020, 11, 11), "16:30", "18:30"),
            room="meeting-rooms",
            abstract="Your pre-arranged 1-to-1 meetings of the first day.",
            description=(
                "Each meeting lasts 20 minutes in its own video room; your personal schedule "
                "lists who you meet and when."
            ),
        ),
        SessionSpec(
            slug="matchmaking-day-2",
            title="Matchmaking meetings, day 2",
            type="networking",
            **slot(dt.date(2020, 11, 12), "09:00", "13:00"),
            room="meeting-rooms",
            abstract="Your pre-arranged 1-to-1 meetings of the second day.",
            description="A full morning of 20-minute meetings, with short breaks between them.",
        ),
    ),
)

# ---------------------------------------------------------------- 2022, Prague
PRAGUE_1, PRAGUE_2 = dt.date(2022, 9, 26), dt.date(2022, 9, 27)
PRAGUE_TZ = "Europe/Prague"


ECC_2022 = EventSpec(
    slug="ecc-2022",
    name="European Cluster Conference 2022",
    tagline="Clusters driving the green and digital transition of Europe's value chains",
    description=(
        "The eighth European Cluster Conference, in Prague and online, hosted by the Czech "
        "Ministry of Industry and Trade during the Czech Presidency of the Council together "
        "with the European Commission. Cluster policies for the twin transitions and "
        "resilient value chains, the role of clusters in the transition pathways of the "
        "industrial ecosystems, matchmaking, an exhibition of 30 stands, visits to Czech "
        "clusters and the European Cluster Awards."
    ),
    edition=8,
    series="european-cluster-conference",
    format="hybrid",
    visibility="public",
    start_date=PRAGUE_1,
    end_date=PRAGUE_2,
    timezone=PRAGUE_TZ,
    venue="Prague",
    city="Prague",
    country="CZ",
    organiser_name=(
        "Ministry of Industry and Trade of the Czech Republic and the European Commission, "
        "supported by the European Cluster Collaboration Platform"
    ),
    requires_approval=True,
    rooms=(
        RoomSpec("plenary-hall", "Plenary hall", "physical", capacity=600),
        RoomSpec("side-event-room", "Side event room", "physical", capacity=80),
        RoomSpec("matchmaking-area", "Matchmaking area", "physical", capacity=200),
        RoomSpec("exhibition-hall", "Exhibition hall", "physical", capacity=400),
    ),
    sessions=(
        SessionSpec(
            slug="side-events-networks",
            title="Side events of cluster associations and networks",
            type="other",
            **slot(PRAGUE_1, "09:00", "12:00", PRAGUE_TZ),
            room="side-event-room",
            abstract="National associations and European networks present themselves.",
            description=(
                "Before the conference opens, cluster associations and networks meet and "
                "introduce their work to one another; the Czech National Cluster Association "
                "presents itself to its European peers."
            ),
            speakers=(("herinek", "presenter"),),
        ),
        SessionSpec(
            slug="exhibition-day-1",
            title="Exhibition (day 1)",
            type="networking",
            **slot(PRAGUE_1, "12:00", "18:30", PRAGUE_TZ),
            room="exhibition-hall",
            abstract="Thirty stands of clusters, projects and national associations.",
            description="Visit the stands between sessions; exhibitors can scan your badge.",
        ),
        SessionSpec(
            slug="opening",
            title="Opening of the European Cluster Conference 2022",
            type="welcome",
            **slot(PRAGUE_1, "13:00", "13:30", PRAGUE_TZ),
            room="plenary-hall",
            abstract="The Czech Presidency and the European Commission open the conference.",
            description="Welcome in Prague and online, and an overview of the two days.",
        ),
        SessionSpec(
            slug="transition-pathways",
            title="Clusters and the transition pathways of industrial ecosystems",
            type="panel",
            **slot(PRAGUE_1, "13:30", "15:00", PRAGUE_TZ),
            room="plenary-hall",
            abstract="How clusters help put the ecosystems' transition pathways into practice.",
            description=(
                "Following the update of the EU Industrial Strategy, each ecosystem is drawing "
                "up a transition pathway. The panel asks what role clusters should play in "
                "turning them into projects with companies."
            ),
            challenges=("green", "digital"),
        ),
        SessionSpec(
            slug="matchmaking",
            title="Matchmaking: business meetings across the value chain",
            type="networking",
            **slot(PRAGUE_1, "15:30", "18:00", PRAGUE_TZ),
            room="matchmaking-area",
            abstract="Pre-arranged B2B meetings, on site or by video.",
            description=(
                "Pre-booked meetings between companies, clusters and research organisations "
                "looking for suppliers, customers or project partners — at numbered tables in "
                "the hall or by video."
            ),
        ),
        SessionSpec(
            slug="cluster-policies",
            title="Cluster policies for green, digital and resilient value chains",
            type="panel",
            **slot(PRAGUE_2, "09:00", "10:30", PRAGUE_TZ),
            room="plenary-hall",
            abstract="Policy initiatives that make the twin transition concrete in value chains.",
            description=(
                "National and European policy makers compare cluster programmes that support "
                "the green and digital transition of companies and make value chains more "
                "resilient."
            ),
            challenges=("green", "digital", "resilience"),
        ),
        SessionSpec(
            slug="exhibition-day-2",
            title="Exhibition (day 2)",
            type="networking",
            **slot(PRAGUE_2, "09:00", "14:00", PRAGUE_TZ),
            room="exhibition-hall",
            abstract="The thirty stands are open all morning.",
            description="A last chance to visit the stands before the site visits.",
        ),
        SessionSpec(
            slug="awards-ceremony",
            title="European Cluster Awards 2022",
            type="awards",
            **slot(PRAGUE_2, "11:00", "12:00", PRAGUE_TZ),
            room="plenary-hall",
            abstract="Winners chosen by an online community vote and a vote in the room.",
            description=(
                "The cluster community voted online first, then the participants in Prague "
                "voted on site. Kristina Sermuksnyte-Alesiuniene of Agri-Food Lithuania is "
                "European Cluster Manager of the Year; the European Cluster Partnership of the "
                "Year is S3Food, which helps food companies adopt innovative digital solutions."
            ),
            speakers=(("sermuksnyte", "presenter"), ("de-graef", "presenter")),
            ecosystems=("agri-food",),
        ),
        SessionSpec(
            slug="closing",
            title="Closing",
            type="other",
            **slot(PRAGUE_2, "12:00", "12:30", PRAGUE_TZ),
            room="plenary-hall",
            abstract="Conclusions of the conference.",
            description="The main conclusions, and practical information for the site visits.",
        ),
        SessionSpec(
            slug="workshop-transition-pathways",
            title="Workshop: from a transition pathway to a cluster's action plan",
            type="workshop",
            **slot(PRAGUE_2, "09:00", "10:30", PRAGUE_TZ),
            room="side-event-room",
            abstract="Hands-on: turn one ecosystem's transition pathway into actions for members.",
            description=(
                "In small groups, cluster managers pick the transition pathway of their "
                "industrial ecosystem, choose the two or three actions that matter most to "
                "their member companies and sketch who would do what in the coming year. "
                "Seats are limited to the tables in the room: book a place in advance."
            ),
            speakers=(("przeor", "moderator"),),
            challenges=("green", "digital"),
            capacity=40,
        ),
        SessionSpec(
            slug="site-visits",
            title="Site visits to Czech clusters",
            type="other",
            **slot(PRAGUE_2, "13:00", "18:15", PRAGUE_TZ),
            room="",
            abstract="Five members of the National Cluster Association open their workplaces.",
            description=(
                "MECHATRONIKA, NANOPROGRESS, CLUTEX, CZECHIMPLANT and the Czech Optical "
                "Cluster each host a group in the afternoon. The buses leave from the venue; "
                "places are limited, so book one under Site visits."
            ),
        ),
    ),
)

# ---------------------------------------------------------------- EU Clusters Talks
TALKS_DAY = dt.date(2022, 10, 5)
TALKS = EventSpec(
    slug="eu-clusters-talks-2022-10-05",
    name="EU Clusters Talks: European Cluster Conference — results and visions for the future "
    "of clusters",
    tagline="One hour online, a week after Prague",
    description=(
        "What did the cluster community take home from the Prague conference, and where "
        "should clusters go in the next year or two? The Commission, the two award winners of "
        "2022 and representatives of cluster networks look back and ahead."
    ),
    series="eu-clusters-talks",
    format="virtual",
    visibility="public",
    start_date=TALKS_DAY,
    end_date=TALKS_DAY,
    organiser_name=(
        "European Cluster Collaboration Platform on behalf of the European Commission, DG GROW"
    ),
    rooms=(RoomSpec("online", "Online studio", "studio"),),
    sessions=(
        SessionSpec(
            slug="commission-takeaways",
            title="Takeaways and future perspectives from the European Commission",
            type="keynote",
            **slot(TALKS_DAY, "08:30", "08:50"),
            room="online",
            abstract="The Commission's reading of the conference and its plans for clusters.",
            description=(
                "DG GROW's cluster team leader sums up what the Commission learnt in Prague "
                "and how it intends to work with clusters next."
            ),
            speakers=(("przeor", "speaker"),),
        ),
        SessionSpec(
            slug="panel-learnings-outlook",
            title="Panel: lessons from the conference and the outlook for the next two years",
            type="panel",
            **slot(TALKS_DAY, "08:50", "09:30"),
            room="online",
            abstract="Award winners and cluster networks on what comes next.",
            description=(
                "The 2022 Cluster Manager of the Year, the team behind the Partnership of the "
                "Year, the European Clusters Alliance and the Council of European BioRegions "
                "discuss the main lessons of Prague and their priorities for the near future."
            ),
            speakers=(
                ("sermuksnyte", "panellist"),
                ("de-graef", "panellist"),
                ("novo", "panellist"),
                ("le-corvec", "panellist"),
            ),
        ),
    ),
)

OTHER_EVENTS = (PARTNERSHIPS, ASSOCIATIONS, MATCHMAKING, ECC_2022, TALKS)
