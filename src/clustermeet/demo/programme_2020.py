"""The European Cluster Conference 2020 (virtual, 10–11 November 2020): the event, its rooms and
its plenary programme. The output paper gives the order of the sessions but not the clock times
(its agenda is an image), so the times here are a plausible reconstruction in Europe/Brussels.
Recording and presentation links are exactly those of the output paper. The 14 ecosystem
workshops are in `workshops_2020`."""

import datetime as dt

from clustermeet.demo.spec import AttachmentSpec, EventSpec, RoomSpec, SessionSpec, slot
from clustermeet.demo.workshops_2020 import WORKSHOPS

DAY1 = dt.date(2020, 11, 10)
DAY2 = dt.date(2020, 11, 11)

STUDIO_STREAM = "https://youtu.be/UJ7VN-p_cbM"
MORNING_RECORDING = "https://youtu.be/wdDCf0IDGjo"
IDLOOM = "https://events.idloom.com/files/events/13268/files/"
ARCHIVE = "https://dealroomarchivedsessions.s3-eu-west-1.amazonaws.com/46556092/"
ECORYS = "https://webapps.ecorys.com/downloads/"

ROOMS = (
    RoomSpec("studio", "Virtual studio", "studio", stream_url=STUDIO_STREAM),
    *(
        RoomSpec(f"breakout-{n}", f"Breakout room {n}", "breakout", capacity=150)
        for n in range(1, 8)
    ),
    RoomSpec("networking-lounge", "Networking lounge and exhibition", "breakout"),
)


def slides(title: str, url: str) -> AttachmentSpec:
    return AttachmentSpec(title, url, "slides")


def video(title: str, url: str) -> AttachmentSpec:
    return AttachmentSpec(title, url, "media")


def challenge_cafe(
    challenge: str, title: str, room: str, speakers: tuple[str, str], mp4: str, pdf: str, text: str
) -> SessionSpec:
    return SessionSpec(
        slug=f"world-cafe-{challenge}",
        title=f"Europe's growth strategy and clusters: {title}",
        subtitle="World café, two rounds",
        type="world_cafe",
        **slot(DAY1, "13:30", "15:00"),
        room=room,
        abstract=f"Short inputs on the {title.lower()} challenge, then two rounds of café tables.",
        description=text,
        speakers=((speakers[0], "speaker"), (speakers[1], "speaker")),
        challenges=(challenge,),
        recording_url=ARCHIVE + mp4,
        attachments=(
            slides(f"{title}: presentations", ECORYS + pdf),
            video(f"{title}: recording", ARCHIVE + mp4),
        ),
    )


DAY1_SESSIONS = (
    SessionSpec(
        slug="welcome",
        title="Welcome to the European Cluster Conference 2020",
        type="welcome",
        **slot(DAY1, "09:00", "09:15"),
        room="studio",
        abstract="The organisers open the first edition that takes place entirely online.",
        description=(
            "Our master of ceremonies opens the virtual studio together with the two organising "
            "partners, the Commission's DG GROW and the German economy ministry. They walk the "
            "audience through the two days and show where to find the live polls, the "
            "networking area and the virtual exhibition."
        ),
        speakers=(("jilkova", "host"), ("engelmann", "speaker"), ("schnorr", "speaker")),
        recording_url=MORNING_RECORDING,
    ),
    SessionSpec(
        slug="high-level-opening",
        title="High-level opening",
        type="keynote",
        **slot(DAY1, "09:15", "09:35"),
        room="studio",
        abstract="The Commissioner and the German federal minister on clusters and the recovery.",
        description=(
            "Commissioner Thierry Breton and Federal Minister Peter Altmaier explain why they "
            "count on clusters to get European businesses through the pandemic, to keep them "
            "competitive on world markets and to carry the green and digital transitions. The "
            "minister also announces that the German go-cluster programme is joining the "
            "European Clusters Alliance."
        ),
        speakers=(("breton", "speaker"), ("altmaier", "speaker")),
        recording_url=MORNING_RECORDING,
    ),
    SessionSpec(
        slug="policy-roundtable",
        title="High-level policy roundtable: public authorities and business in and after COVID-19",
        type="roundtable",
        **slot(DAY1, "09:35", "10:35"),
        room="studio",
        abstract="Governments and business organisations on who does what in the recovery.",
        description=(
            "Ministers from Lithuania and Romania, the German economy ministry and the voices of "
            "European business, SMEs and clusters debate what companies must change so that the "
            "recovery is green and digital, and how governments can help them meanwhile. The "
            "audience answers the same two questions in live polls, and the results are shown "
            "on screen during the discussion."
        ),
        speakers=(
            ("tokarski", "moderator"),
            ("rojaka", "panellist"),
            ("bulf", "panellist"),
            ("schnorr", "panellist"),
            ("liedekerke", "panellist"),
            ("novo", "panellist"),
            ("willems", "panellist"),
        ),
        recording_url=MORNING_RECORDING,
    ),
    SessionSpec(
        slug="panel-recovery-resilience",
        title="Panel: recovery and resilience — a greener, more digital and resilient Europe",
        type="panel",
        **slot(DAY1, "10:50", "11:50"),
        room="studio",
        abstract="Authorities, clusters, research and industry on speeding up the transition.",
        description=(
            "Policy makers from Flanders and Poland, two cluster leaders, a transport "
            "researcher and an aerospace manufacturer compare what they learnt when supply "
            "chains broke in spring 2020, and what each side now expects from the other. Three "
            "audience polls ask public authorities, cluster managers and researchers what they "
            "need."
        ),
        speakers=(
            ("engelmann", "moderator"),
            ("renders", "panellist"),
            ("lubos", "panellist"),
            ("acs", "panellist"),
            ("massari", "panellist"),
            ("lenz", "panellist"),
            ("errard", "panellist"),
        ),
        challenges=("resilience",),
        recording_url="https://youtu.be/bsPn1gMDLKQ",
    ),
    SessionSpec(
        slug="keynote-ketels",
        title="Preparing Europe for the post-COVID-19 world: how clusters matter",
        type="keynote",
        **slot(DAY1, "11:50", "12:15"),
        room="studio",
        abstract="Europe's growth outlook and the phases of the policy response to the crisis.",
        description=(
            "Christian Ketels argues that Europe's slow underlying growth deserves as much "
            "attention as the pandemic shock itself. He takes the audience through the "
            "successive phases of the policy response, from health emergency to growth and "
            "competitiveness, and sets out what governments and cluster organisations should "
            "each bring."
        ),
        speakers=(("ketels", "keynote"),),
        attachments=(slides("Keynote slides", IDLOOM + "3-1-christian-ketels.pdf"),),
    ),
    SessionSpec(
        slug="keynote-nielsen",
        title="Rethink and recover: how clusters are rebuilding a greener, more digital and "
        "resilient Europe",
        type="keynote",
        **slot(DAY1, "12:15", "12:40"),
        room="studio",
        abstract="How cluster organisations reinvented their services during the crisis.",
        description=(
            "Merete Daniel Nielsen shows examples of services that cluster organisations set up "
            "within days when the crisis began, explains why the digital and green agendas "
            "gained speed rather than losing it, and presents the recovery playbook that the "
            "TCI Network prepared for its members."
        ),
        speakers=(("nielsen", "keynote"),),
        attachments=(slides("Keynote slides", IDLOOM + "3-2-merete-daniel-nielsen.pdf"),),
    ),
    SessionSpec(
        slug="networking-day-1",
        title="Lunch break: 1-to-1 meetings and virtual exhibition",
        type="networking",
        **slot(DAY1, "12:40", "13:30"),
        room="networking-lounge",
        abstract="Meet other participants one to one, or visit the exhibitors' booths.",
        description=(
            "Use the break to hold the bilateral video meetings you booked in the networking "
            "area, find new contacts through their offering and looking-for profiles, or drop "
            "by the booths of the virtual exhibition."
        ),
    ),
    challenge_cafe(
        "green",
        "Green transition",
        "breakout-1",
        ("perelle", "dragomir"),
        "7b4be8fc-e809-4de5-a69e-9c466de79541/archive.mp4",
        "1-_ECC2020_-_Green_Deal_masterfile.pdf",
        "A climate policy officer and the director of a Valencian energy cluster open the "
        "table. Participants then discuss who has to act in the green transition, what those "
        "actors are missing today, and which policy levers would help them most.",
    ),
    challenge_cafe(
        "digital",
        "Digitalisation",
        "breakout-2",
        ("riedl", "roja"),
        "acc97268-74b1-4645-9657-b948d2f6565f/archive.mp4",
        "2_-_ECC2020_-_Digitalisation_masterfile.pdf",
        "DG CNECT and a Romanian IT cluster introduce the challenge; the tables then look at "
        "digital skills, at how clusters and digital innovation hubs can work hand in hand, and "
        "at the funding instruments that would bring more SMEs on board.",
    ),
    challenge_cafe(
        "resilience",
        "Resilience",
        "breakout-3",
        ("casini", "leloutre"),
        "41334abe-0f55-4a6c-9b0d-57e8bf68ec1a/archive.mp4",
        "3-_ECC2020_-_Resilience_masterfile.pdf",
        "The Deputy Director-General of DG GROW and a French cosmetics cluster start the "
        "conversation on fragile supply chains. The tables ask what clusters can do to spot "
        "disruptions early and find substitute suppliers, and which policy support they need.",
    ),
    challenge_cafe(
        "skills",
        "Skills",
        "breakout-4",
        ("crabb", "seel"),
        "b7fe365b-fe04-4f3f-9fd7-1ff62520711c/archive.mp4",
        "4-_ECC2020_-_Skills_masterfile.pdf",
        "DG EMPL and an Austrian cluster expert introduce the Pact for Skills. The café tables "
        "then work out how clusters can put the skills of their sector's workforce on their "
        "strategic agenda and pool what members know about future needs.",
    ),
    SessionSpec(
        slug="pitching-for-contacts",
        title="Pitching for contacts: new project ideas",
        type="pitch",
        **slot(DAY1, "15:15", "16:15"),
        room="studio",
        abstract="Twelve organisations pitch a project idea and say which partners they need.",
        description=(
            "Twelve short pitches, one after the other, each ending with the partners the "
            "presenter is looking for. Follow up with any of them in the networking area.\n\n"
            "The ideas: a new association for cluster labelling (EUCLES, presented for AFPC); "
            "raw materials resilience and industrial symbiosis; Green HoMe; digitalisation at "
            "Minalogic; multi-class serum classification for image-based clinical analytics; a "
            "digital innovation hub for photonics; digital and paperless transport for Europe; "
            "a sustainable business model for textiles; a pan-European disaster response "
            "capability; AI assistants for remote education; innovation in tourism; and digital "
            "transformation at Plastipolis."
        ),
        speakers=tuple(
            (key, "presenter")
            for key in (
                "floch",
                "cuesta-lopez",
                "rossi",
                "quintin",
                "seidel",
                "serewko",
                "hurt",
                "zavec",
                "gendvilas",
                "ogden",
                "antunes",
                "vuillermoz",
            )
        ),
    ),
    SessionSpec(
        slug="eu-financing-landscape",
        title="The EU financing landscape 2021–2027",
        type="panel",
        **slot(DAY1, "16:15", "17:30"),
        room="studio",
        abstract="What EU money clusters can expect, and four projects tested by funders.",
        description=(
            "DG GROW's cluster team sketches the funding available to clusters in the next "
            "budget period, including the NextGenerationEU recovery instrument, and where "
            "clusters fit in. Four projects then present their plans — GALACTICA, a circular "
            "economy project for composites, the Tourism of Tomorrow Lab and Smart Vital Urban "
            "Regions — and get direct feedback from the European Investment Bank, EASME and a "
            "financing expert."
        ),
        speakers=(
            ("przeor", "speaker"),
            ("casamada", "presenter"),
            ("colledani", "presenter"),
            ("sievers", "presenter"),
            ("van-der-zande", "presenter"),
            ("mawhinney", "expert"),
            ("gassmann", "expert"),
            ("bejenke-walsh", "expert"),
        ),
        recording_url="https://youtu.be/3mT0m4Lv8F8",
        attachments=(
            slides(
                "Overview of the EU financing landscape", IDLOOM + "7-1-eu-financing-landscape.pdf"
            ),
            slides("GALACTICA project", IDLOOM + "7-2-josep-casamada.pdf"),
            slides("Composites circular economy", IDLOOM + "7-3-marcello-colledani.pdf"),
            slides("Smart Vital Urban Regions", IDLOOM + "7-4-marc-van-der-zande.pdf"),
            slides("Tourism of Tomorrow Lab", IDLOOM + "7-5-kristian-sievers.pdf"),
        ),
    ),
)

DAY2_SESSIONS = (
    SessionSpec(
        slug="day-2-opening",
        title="Day 2: what came out of day 1, and the European Cluster Awards",
        type="welcome",
        **slot(DAY2, "09:00", "09:20"),
        room="studio",
        abstract="A recap of the first day and an introduction to this year's awards.",
        description=(
            "The second day starts with the highlights of the first: poll results and what "
            "the café tables produced. The master of ceremonies then introduces the three award "
            "categories and how the live vote for the Cluster Manager of the Year will work."
        ),
        speakers=(("jilkova", "host"),),
    ),
    SessionSpec(
        slug="expert-group-recommendations",
        title="Recommendations of the European Expert Group on Clusters",
        type="panel",
        **slot(DAY2, "09:20", "10:00"),
        room="studio",
        abstract="Fifteen recommendations on using clusters to reach policy objectives.",
        description=(
            "Three members of the expert group present fifteen recommendations for European, "
            "national and regional policy makers, in three groups of five: leading the green "
            "transition, speeding up the digital transition and building resilience. The group "
            "intends to adopt them and hand them to the Commissioners before the end of 2020."
        ),
        speakers=(
            ("krystowski", "presenter"),
            ("wise", "presenter"),
            ("pezzi", "presenter"),
        ),
        challenges=("green", "digital", "resilience"),
        recording_url="https://youtu.be/mS4-aUn_hHQ",
        attachments=(
            slides("Recommendations of the expert group", IDLOOM + "discussion-experts-group.pdf"),
        ),
    ),
    *WORKSHOPS[:7],
    SessionSpec(
        slug="networking-day-2",
        title="Lunch break: 1-to-1 meetings and virtual exhibition",
        type="networking",
        **slot(DAY2, "11:30", "12:30"),
        room="networking-lounge",
        abstract="Meet other participants one to one, or visit the exhibitors' booths.",
        description=(
            "A second chance for bilateral meetings and booth visits before the afternoon "
            "workshops. Meeting requests can be sent until the end of the conference."
        ),
    ),
    *WORKSHOPS[7:],
    SessionSpec(
        slug="partnership-pitches",
        title="Pitching for contacts: European Cluster Partnerships",
        type="pitch",
        **slot(DAY2, "14:00", "14:45"),
        room="studio",
        abstract="Six partnerships present results, coming activities and events.",
        description=(
            "Six European Cluster Partnerships report on what they have achieved and what is "
            "next for them: S3Food, C-Voucher, EXTRATEX, DIGI-B-CUBE, the Block.IS project and "
            "HY2.ZERO."
        ),
        speakers=tuple(
            (key, "presenter")
            for key in ("verhaeghe", "sanchez-escrich", "venturini", "udatha", "pavlica", "pfeil")
        ),
    ),
    SessionSpec(
        slug="cluster-management-quiz",
        title="Cluster management quiz",
        type="quiz",
        **slot(DAY2, "14:45", "15:15"),
        room="studio",
        abstract="Test what you know about managing a cluster, live against the audience.",
        description=(
            "A light-hearted quiz on cluster management, prepared by the head of the "
            "University of Strasbourg's master programme in the subject. Answer from your "
            "browser and watch the leaderboard."
        ),
        speakers=(("tubiana", "host"),),
    ),
    SessionSpec(
        slug="awards-ceremony",
        title="European Cluster Awards 2020",
        type="awards",
        **slot(DAY2, "15:15", "16:15"),
        room="studio",
        abstract="Three awards, with a live audience vote for the Cluster Manager of the Year.",
        description=(
            "This year the awards put communication at the centre. The European Cluster "
            "Partnership of the Year goes to IOT4Industry. The three finalists for European "
            "Cluster Manager of the Year — Antonio Novo Guerrero (IDiA), Uwe Pfeil (IT-Logistik "
            "Cluster and E-Mobilitätscluster) and Corinne Farace (Techtera) — pitch their "
            "candidacy before the audience votes live; Uwe Pfeil wins. A special award for EU "
            "Cluster Mobilisation recognises Antonio Novo Guerrero for starting the European "
            "Alliance against Coronavirus and its daily webinars."
        ),
        speakers=(
            ("jilkova", "host"),
            ("campanella", "presenter"),
            ("novo", "presenter"),
            ("pfeil", "presenter"),
            ("farace", "presenter"),
        ),
        attachments=(
            AttachmentSpec(
                "European Alliance against Coronavirus webinars",
                "https://www.clustercollaboration.eu/event-calendar/"
                "european-alliance-against-coronavirus-webinars",
                "web",
            ),
        ),
    ),
    SessionSpec(
        slug="closing",
        title="Closing of the conference",
        type="other",
        **slot(DAY2, "16:15", "16:30"),
        room="studio",
        abstract="Key messages of the two days and what happens next.",
        description=(
            "The master of ceremonies sums up the main messages of the two days and points to "
            "the side events for partnerships and for cluster associations the week after."
        ),
        speakers=(("jilkova", "host"),),
    ),
)

ECC_2020 = EventSpec(
    slug="ecc-2020",
    name="European Cluster Conference 2020",
    tagline="Clusters for a greener, more digital and resilient Europe",
    description=(
        "The seventh European Cluster Conference, and the first held entirely online. Over two "
        "days, cluster managers, policy makers, businesses and researchers discuss how clusters "
        "can support the recovery from the pandemic and connect Europe's value chains and "
        "industrial ecosystems: the four challenges (green, digital, resilience, skills), "
        "workshops for each of the 14 industrial ecosystems, financing, pitches, 1-to-1 "
        "networking, a virtual exhibition and the European Cluster Awards."
    ),
    edition=7,
    series="european-cluster-conference",
    format="virtual",
    visibility="public",
    start_date=DAY1,
    end_date=DAY2,
    timezone="Europe/Brussels",
    website_url="https://www.eucluster2020.eu/ecc2020",
    organiser_name=(
        "European Commission, DG for Internal Market, Industry, Entrepreneurship and SMEs, in "
        "partnership with the German Federal Ministry for Economic Affairs and Energy; delivered "
        "by the European Cluster Collaboration Platform"
    ),
    requires_approval=True,
    rooms=ROOMS,
    sessions=DAY1_SESSIONS + DAY2_SESSIONS,
)
