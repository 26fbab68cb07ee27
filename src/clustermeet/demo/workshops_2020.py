"""The 14 ecosystem workshops of 11 November 2020: two rounds of seven parallel workshops, one per
industrial ecosystem, each opened by a Commission speaker and a cluster speaker and followed by a
café-style discussion. Links are exactly those of the output paper."""

import datetime as dt

from clustermeet.demo.spec import AttachmentSpec, SessionSpec, slot

DAY2 = dt.date(2020, 11, 11)
IDLOOM = "https://events.idloom.com/files/events/13268/files/"
ARCHIVE = "https://dealroomarchivedsessions.s3-eu-west-1.amazonaws.com/46556092/"
ROUNDS = (("10:15", "11:30"), ("12:30", "13:45"))

# (ecosystem slug, title, commission speaker, cluster speaker, recording, presentation, text)
_WORKSHOPS = (
    (
        "tourism",
        "Tourism",
        "momot",
        "lopez-del-avila",
        "db465813-2976-4c2c-87a6-b132fb55ba4a",
        "1-masterfile-tourism.pdf",
        "How can tourism clusters turn recovery plans into practical action on the ground? "
        "The discussion covers working with residents and public agencies, bringing new "
        "technology to small operators, and procurement that rewards innovation over price.",
    ),
    (
        "mobility-transport-automotive",
        "Mobility – Transport – Automotive",
        "guillou",
        "bocci",
        "1f64afed-be77-4621-aaba-dc1532b2bdae",
        "2-masterfile-mobility-transport.pdf",
        "Rail, maritime and automotive clusters look for common ground: shared roadmaps, "
        "re- and upskilling offers for members, standards for data and charging, and funding "
        "that turns roadmaps into investments.",
    ),
    (
        "aerospace-defence",
        "Aerospace & Defence",
        "zegers",
        "krystowski",
        "6bb2e71c-3692-4d98-abec-9165cb8a4ec5",
        "3-masterfile-aerospace-defence.pdf",
        "A sector of large primes and many small suppliers: how clusters can build platforms "
        "for SMEs, push for common standards, and bring organisations together around a few "
        "large flagship projects.",
    ),
    (
        "construction",
        "Construction",
        "paparella",
        "ferreira",
        "723dbf37-30db-47c7-bbab-858651b48aaa",
        "4-masterfile-construction.pdf",
        "Circular building, digital tools and the value chains behind them: what construction "
        "clusters can tell policy makers about waste streams, and which instruments should be "
        "open to clusters themselves.",
    ),
    (
        "agri-food",
        "Agri-food",
        "popova",
        "brasz",
        "8b7b693f-3eec-4fe8-9f6f-2117209dc7c6",
        "5-masterfile-agri-food.pdf",
        "Food clusters on living labs, start-up support, attracting and keeping talent, and "
        "the interregional investment programmes the sector would need.",
    ),
    (
        "energy-intensive",
        "Energy-Intensive Industries",
        "valle",
        "vuillermoz",
        "b14995fb-1c5c-4a66-b4a1-6841c854445b",
        "6-masterfile-energy-intense.pdf",
        "Plastics, chemicals and materials clusters discuss open innovation between SMEs and "
        "the biggest energy users, bringing supply chains back to Europe, and market rules "
        "that reward cleaner production.",
    ),
    (
        "textiles",
        "Textiles",
        "garellick",
        "kabaivanova",
        "48c17f61-80f5-4bdc-8879-7d90c044d51f",
        "7-masterfile-textile.pdf",
        "Circular business models, traceability and new skills for textiles and fashion — and "
        "why the ecosystem reaches well beyond fashion into technical and home textiles.",
    ),
    (
        "cultural-creative",
        "Cultural & Creative Industries",
        "recalde",
        "miettinen",
        "fdab988f-83d9-4d98-8225-b26ba123a34d",
        "1-masterfile-creative-industries.pdf",
        "Creative industries are often left out of industrial policy. Speakers from the "
        "Commission and an Arctic design cluster show how design and culture feed innovation "
        "in other sectors, even in mining.",
    ),
    (
        "digital",
        "Digital",
        "riedl",
        "lagarto",
        "c8fe5ee5-365a-46c5-aae1-bad9247d6564",
        "2-masterfile-digital.pdf",
        "Showing SMEs that digital transformation is within reach: knowledge transfer, "
        "cybersecurity, AI in manufacturing, innovation vouchers, and links with digital "
        "innovation hubs across Europe.",
    ),
    (
        "energy-renewables",
        "Energy – Renewables",
        "walschebauer",
        "hormaeche",
        "fdaf54d4-9a9b-4544-b658-4dcbbae5dc91",
        "3-masterfile-renewable-energy.pdf",
        "Renewable energy clusters on interregional projects, B2B missions, and getting large "
        "wind and energy companies to share data and innovate with their European suppliers.",
    ),
    (
        "electronics",
        "Electronics",
        "ibanez",
        "floch",
        "d1f64893-5b1b-4fc6-b438-9667f5b99c81",
        "4-masterfile-electronics.pdf",
        "Representing SMEs in electronics, linking them with large companies through European "
        "meta-clusters, and funding on a scale that can compete with Asia.",
    ),
    (
        "retail",
        "Retail",
        "gbur",
        "riera",
        "93f500ba-a83d-4b3e-ba11-4fc92d2651a4",
        "5-masterfile-retail.pdf",
        "Retail, packaging and the consumer of tomorrow: testing circular solutions with "
        "companies, transparency along the value chain, and skills for retailers.",
    ),
    (
        "proximity-social-economy",
        "Proximity & Social Economy",
        "vanderpoorten",
        "panhuijsen",
        "ad6d3d93-dd39-44f3-983a-f8808099e400",
        "6-masterfile-social-economy.pdf",
        "How social economy actors can join forces and present a credible alternative "
        "economic model, with clusters as the meeting point.",
    ),
    (
        "health",
        "Health",
        "ablazevica",
        "haze",
        "45011dbe-44e0-4ebe-bfd8-dbbdf83fd8ac",
        "7-masterfile-health.pdf",
        "Linking biotech, pharma, medtech and care providers around patient-centred care, and "
        "helping SMEs take part in Horizon Europe projects.",
    ),
)


def _workshop(index: int, row: tuple) -> SessionSpec:
    ecosystem, title, official, cluster_speaker, recording, pdf, text = row
    start, end = ROUNDS[index // 7]
    mp4 = f"{ARCHIVE}{recording}/archive.mp4"
    return SessionSpec(
        slug=f"workshop-{ecosystem}",
        title=f"Ecosystem workshop: {title}",
        subtitle=f"Round {index // 7 + 1}",
        type="workshop",
        **slot(DAY2, start, end),
        room=f"breakout-{index % 7 + 1}",
        abstract=f"How clusters can strengthen the {title} ecosystem, and with which policies.",
        description=(
            f"{text} After the two inputs, participants discuss at small tables how clusters can "
            "strengthen the ecosystem and which policy instruments they need."
        ),
        speakers=((official, "speaker"), (cluster_speaker, "speaker")),
        ecosystems=(ecosystem,),
        recording_url=mp4,
        attachments=(
            AttachmentSpec(f"{title}: presentations", IDLOOM + pdf, "slides"),
            AttachmentSpec(f"{title}: recording", mp4, "media"),
        ),
        capacity=150,
    )


WORKSHOPS = tuple(_workshop(index, row) for index, row in enumerate(_WORKSHOPS))
