"""The output papers of the demo: ECC 2020's, published — every section, an introduction and
the main sessions' takeaways written for the demo (summaries of the demo's programme, in the
demo's own words), a German introduction — and ECC 2022's as a draft. Written only for an
event without a paper, so a rerun changes nothing."""

import datetime as dt

from clustermeet.demo.writer import DemoWriter
from clustermeet.paper.models import SECTIONS, Paper, Takeaway
from clustermeet.programme.models import Session

PUBLISHED_AT = dt.datetime(2020, 12, 15, 10, 0, tzinfo=dt.UTC)

INTRODUCTION = """\
For two days in November 2020 the European cluster community met in a virtual studio instead \
of a conference hall. This paper gathers what the participants did there: who came and from \
where, what they answered in the live polls, what the world-café tables worked out for the \
four challenges, how many meetings and booth visits the online networking produced, and who \
won the European Cluster Awards.

The figures are counted from the platform's own records. Participants appear only as counts; \
speakers are named because they spoke in public. The annex explains how shares and rankings \
were computed.

- **Programme and takeaways**: every public session, with links to its recording and slides.
- **Live polls and world cafés**: the audience's answers, as the studio showed them.
- **Networking, exhibition and awards**: what the two days added up to."""

INTRODUCTION_DE = """\
Zwei Tage lang traf sich die europäische Cluster-Community im November 2020 in einem \
virtuellen Studio. Dieses Papier fasst zusammen, was dort geschah: wer teilnahm, was das \
Publikum in den Live-Umfragen antwortete, was die World-Café-Tische zu den vier \
Herausforderungen erarbeiteten, wie viele Treffen und Standbesuche es gab und wer die \
European Cluster Awards gewann.

Teilnehmende erscheinen nur als Zahlen; Vortragende werden genannt, weil sie öffentlich \
gesprochen haben."""

# session slug: (takeaways, {language: translation})
TAKEAWAYS = {
    "high-level-opening": (
        "- Both hosts see clusters as a way to keep firms going through the crisis and "
        "competitive afterwards.\n"
        "- The green and digital transitions are to be part of the recovery, not postponed "
        "by it.\n"
        "- Germany's national cluster programme announced that it joins the European "
        "alliance of cluster programmes.",
        {
            "de": "- Beide Gastgeber sehen Cluster als Weg, Unternehmen durch die Krise zu "
            "bringen.\n- Der grüne und digitale Wandel gehört zum Wiederaufbau.",
        },
    ),
    "policy-roundtable": (
        "- Governments and business groups agreed that the recovery is a shared job, but "
        "asked different things of each other: money and simpler rules from one side, "
        "faster change from the other.\n"
        "- The audience's first wish for public authorities was more public investment, "
        "closely followed by better sharing of business intelligence (see the live polls).\n"
        "- Training people came out on top of what companies themselves should do.",
        {},
    ),
    "panel-recovery-resilience": (
        "- The broken supply chains of spring 2020 were the common lesson: regions and "
        "clusters that already knew their value chains reacted first.\n"
        "- Cluster organisations acted as switchboards between companies, research and "
        "authorities when speed mattered.\n"
        "- The panel asked for support that stays after the emergency, so resilience is "
        "built in rather than improvised.",
        {},
    ),
    "keynote-ketels": (
        "Europe's problem is not only the pandemic shock but a long stretch of weak growth; "
        "the response has to move from emergency aid to competitiveness. Governments set the "
        "frame, and cluster organisations bring the companies to the table.",
        {},
    ),
    "keynote-nielsen": (
        "Cluster organisations rebuilt their services in days when the crisis began — online "
        "matchmaking, crisis information, joint purchasing. The crisis sped the digital and "
        "green agendas up instead of slowing them, and the TCI Network's recovery playbook "
        "collects what worked.",
        {},
    ),
    "world-cafe-green": (
        "The tables asked how clusters can help their members cut emissions and use "
        "resources in circles. Recurring answers: train managers, measure with shared "
        "indicators, and partner across sectors. The café's themes are in the world-café "
        "section.",
        {},
    ),
    "world-cafe-digital": (
        "The tables looked for ways to bring small firms along in the digital transition: "
        "hands-on demonstrations, shared data spaces and advice that starts from the "
        "company's own processes.",
        {},
    ),
    "world-cafe-resilience": (
        "The tables mapped what made value chains fragile in 2020 and what clusters can do "
        "about it: know the suppliers beyond the first tier, share capacity, and keep "
        "cross-border contacts alive.",
        {},
    ),
    "world-cafe-skills": (
        "The tables agreed that skills are the bottleneck of both transitions, and that "
        "clusters are well placed to pool training offers for their members' staff.",
        {},
    ),
    "eu-financing-landscape": (
        "- The next EU budget and the recovery instrument open several doors for clusters; "
        "the point is to combine them rather than chase one call.\n"
        "- Four projects showed how funders test an idea: a clear partnership, a market and "
        "a plan beyond the grant.",
        {},
    ),
    "expert-group-recommendations": (
        "The expert group grouped its fifteen recommendations under three headings — green, "
        "digital and resilience — and addressed each to the level of government that can act "
        "on it. They were to be handed to the Commission by the end of the year.",
        {},
    ),
    "awards-ceremony": (
        "Three awards were given. The jury chose the partnership of the year; the audience "
        "voted live, after three pitches, for the cluster manager of the year; and a special "
        "award thanked a manager for mobilising the community during the pandemic. The "
        "results and the votes are in the awards section.",
        {},
    ),
}


def load_papers(writer: DemoWriter) -> None:
    event = writer.events["ecc-2020"]
    if not Paper.objects.filter(event=event).exists():
        Paper.objects.create(
            event=event,
            sections=list(SECTIONS),
            public_sections=list(SECTIONS),
            introduction=INTRODUCTION,
            introduction_translations={"de": INTRODUCTION_DE},
            cover_description="",
            status=Paper.Status.PUBLISHED,
            published_at=PUBLISHED_AT,
        )
        writer.created["papers"] += 1
        sessions = Session.objects.filter(event=event, slug__in=TAKEAWAYS).exclude(
            takeaway__isnull=False
        )
        made = Takeaway.objects.bulk_create(
            Takeaway(session=s, text=TAKEAWAYS[s.slug][0], translations=TAKEAWAYS[s.slug][1])
            for s in sessions
        )
        writer.created["takeaways"] += len(made)
    later = writer.events.get("ecc-2022")
    if later is not None and not Paper.objects.filter(event=later).exists():
        Paper.objects.create(
            event=later,
            sections=list(SECTIONS),
            public_sections=["glance", "programme", "awards"],
            introduction=(
                "A first draft: the hybrid edition in Prague, with the figures of the hall and "
                "the stream side by side."
            ),
        )
        writer.created["papers"] += 1
