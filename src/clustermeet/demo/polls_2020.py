"""The live polls, quiz and Q&A of the European Cluster Conference 2020, as the output paper
reports them, with synthetic ballots that reproduce its published results.

- Opening (the master of ceremonies ran the audience tools): the "Cluster" word cloud. The paper
  shows it as an image only, so its words and their frequencies are invented: 150 voters,
  300 entries, 40 distinct words.
- Policy roundtable: the paper's two questions. The ranking "How should businesses adapt…"
  (1 = most selected: train staff, digital tools, green solutions, new markets) and the single
  choice "How can public authorities support business…" whose percentages, 35 33 14 14 2 2, are
  reproduced by 75, 70, 30, 29, 5 and 4 of 213 voters (35.2, 32.9, 14.1, 13.6, 2.3, 1.9 %).
- Panel: the paper's three ranking questions with their six options, aggregated in the paper's
  order. Public authorities answer the first, cluster managers the second (nobody ranks "We are
  better off without public support": "not selected" in the paper), everyone the third.
- Cluster management quiz (prepared by Alain Tubiana): five invented questions, with points and
  a leaderboard. The paper names the quiz but not its questions.
- Q&A of the roundtable: five approved questions with upvotes and one rejected.

Every poll is closed with its results shown.

`live_2020` draws the ballots and writes all this.
"""

import datetime as dt
from dataclasses import dataclass

from clustermeet.demo.programme_2020 import DAY1, DAY2
from clustermeet.demo.spec import at
from clustermeet.live.models import Poll, Question

EVENT = "ecc-2020"
PREPARED_AT = dt.datetime(2020, 11, 6, 14, 0, tzinfo=dt.UTC)  # when the moderators drafted them
QUIZ_TITLE = "Cluster management quiz"
QUIZ_TIME_LIMIT_S = 30
QUIZ_PLAYERS = 170

SINGLE, RANKING, WORDCLOUD = Poll.Type.SINGLE, Poll.Type.RANKING, Poll.Type.WORDCLOUD
PUBLIC, CLUSTER = "public", "cluster"  # StakeholderType values


@dataclass(frozen=True)
class PollData:
    session: str  # slug of an ECC 2020 session
    question: str
    type: str
    opens: dt.datetime
    minutes: float  # open for
    voters: int
    options: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()  # single choice: votes per option, exactly
    rankable: int = 0  # ranking: the first `rankable` options are ever ranked (0 = all)
    lengths: tuple[int, ...] = ()  # ranking: how many options a voter ranks, drawn from these
    stakeholders: tuple[str, ...] = ()  # who answers (StakeholderType values); () = anyone
    correct: int | None = None  # quiz: the index of the right option
    correct_voters: int = 0  # quiz: how many answer right


WORDS = (
    ("Collaboration", 38),
    ("innovation", 33),
    ("Network", 27),
    ("cooperation", 22),
    ("Ecosystem", 18),
    ("partnership", 15),
    ("SMEs", 13),
    ("Community", 12),
    ("synergies", 10),
    ("competitiveness", 9),
    ("Trust", 8),
    ("growth", 7),
    ("value chains", 7),
    ("knowledge sharing", 6),
    ("internationalisation", 6),
    ("Resilience", 5),
    ("triple helix", 5),
    ("digitalisation", 5),
    ("regional development", 4),
    ("together", 4),
    ("sustainability", 4),
    ("opportunities", 4),
    ("research", 3),
    ("Industry", 3),
    ("connections", 3),
    ("smart specialisation", 3),
    ("future", 3),
    ("support", 3),
    ("excellence", 2),
    ("matchmaking", 2),
    ("teamwork", 2),
    ("creativity", 2),
    ("strength", 2),
    ("critical mass", 2),
    ("open innovation", 2),
    ("agility", 2),
    ("proximity", 1),
    ("business", 1),
    ("people", 1),
    ("green transition", 1),
)
WORDS_PER_VOTER = (3, 2, 1)  # 50 voters each: 150 voters, 300 entries
WORD_CLOUD_VOTERS = 150

WORD_CLOUD = PollData(
    session="welcome",
    question="Which words do you associate with “Cluster”?",
    type=WORDCLOUD,
    opens=at(DAY1, "09:06"),
    minutes=6,
    voters=WORD_CLOUD_VOTERS,
)

ROUNDTABLE = (
    PollData(
        session="policy-roundtable",
        question="How should businesses adapt so that the recovery leads to green and digital "
        "transition and improves EU resilience?",
        type=RANKING,
        opens=at(DAY1, "09:42"),
        minutes=5,
        voters=187,
        options=(
            "Train staff",
            "Enhance use of digital tools",
            "Uptake of green solutions",
            "Search new markets",
        ),
        lengths=(4, 4, 4, 4, 4, 3, 2),
    ),
    PollData(
        session="policy-roundtable",
        question="How can public authorities support business during the covid-19 crisis and "
        "post-covid-19 recovery?",
        type=SINGLE,
        opens=at(DAY1, "10:05"),
        minutes=5,
        voters=213,
        options=(
            "Increase public investments",
            "Facilitate collaboration and sharing business intelligence",
            "Simplify regulations",
            "Support services for business",
            "Protect EU market",
            "Help in internationalisation of activities",
        ),
        counts=(75, 70, 30, 29, 5, 4),
    ),
)

PANEL = (
    PollData(
        session="panel-recovery-resilience",
        question="As public authority, how could clusters help you transform the EU into a "
        "greener, more digital and resilient EU?",
        type=RANKING,
        opens=at(DAY1, "11:02"),
        minutes=4,
        voters=96,
        options=(
            "Connect bottom-up requests and top-down initiatives",
            "Support SMEs giving knowledge on green & digitalisation",
            "Provide input to public authorities to design policy instruments",
            "Channel public funding for sustainable growth",
            "Detect and inform disruptions in supply chain",
            "Provide real-time information on economic and technological development on the market",
        ),
        lengths=(6, 6, 5, 4, 3),
        stakeholders=(PUBLIC,),
    ),
    PollData(
        session="panel-recovery-resilience",
        question="As a cluster manager, what kind of support would you expect from public "
        "authorities to help you transform the EU into a greener, more digital and resilient EU?",
        type=RANKING,
        opens=at(DAY1, "11:18"),
        minutes=4,
        voters=131,
        options=(
            "Public funding",
            "Facilitate collaboration across EU",
            "Help connecting to global value chains",
            "Training",
            "Information and awareness raising",
            "We are better off without public support",
        ),
        rankable=5,
        lengths=(5, 5, 4, 3),
        stakeholders=(CLUSTER,),
    ),
    PollData(
        session="panel-recovery-resilience",
        question="What would you suggest to public authorities and cluster managers to ensure "
        "implementation of research results for greener, more digital and resilient Europe?",
        type=RANKING,
        opens=at(DAY1, "11:34"),
        minutes=4,
        voters=142,
        options=(
            "Increase support for pilots, prototypes, demonstration",
            "Foster joint research-business projects",
            "Mobilise public funding for market-oriented ideas",
            "Train in innovation management",
            "Support spin-off/spin-out from universities",
            "Invest in public research infrastructure",
        ),
        lengths=(6, 6, 5, 4, 3),
    ),
)


def _quiz(n: int, question: str, options: tuple[str, ...], correct: int, voters: int, right: int):
    return PollData(
        session="cluster-management-quiz",
        question=question,
        type=SINGLE,
        opens=at(DAY2, "14:50") + dt.timedelta(minutes=4 * n),
        minutes=0.75,
        voters=voters,
        options=options,
        correct=correct,
        correct_voters=right,
    )


QUIZ = (
    _quiz(
        0,
        "What is the core task of a cluster organisation?",
        (
            "Facilitating collaboration between its members and partners",
            "Selling its members' products abroad",
            "Regulating competition in its sector",
            "Owning shares in its member companies",
        ),
        0,
        164,
        134,
    ),
    _quiz(
        1,
        "Which actors does the “triple helix” bring together?",
        (
            "Banks, insurers and investors",
            "Business, research and government",
            "Large firms, SMEs and start-ups",
            "Regions, Member States and the EU",
        ),
        1,
        158,
        117,
    ),
    _quiz(
        2,
        "Which book made the cluster concept popular with policy makers in 1990?",
        (
            "The Wealth of Nations (Adam Smith)",
            "Small Is Beautiful (E. F. Schumacher)",
            "The Competitive Advantage of Nations (Michael Porter)",
            "The Innovator's Dilemma (Clayton Christensen)",
        ),
        2,
        151,
        92,
    ),
    _quiz(
        3,
        "What does “S3” stand for in EU regional innovation policy?",
        (
            "Small business support schemes",
            "Single market standards",
            "Sustainable supply systems",
            "Smart specialisation strategies",
        ),
        3,
        147,
        101,
    ),
    _quiz(
        4,
        "Which is the highest cluster management excellence label awarded by the European "
        "Secretariat for Cluster Analysis (ESCA)?",
        ("Bronze label", "Silver label", "Gold label", "Platinum label"),
        2,
        142,
        64,
    ),
)

POLLS: tuple[PollData, ...] = (WORD_CLOUD, *ROUNDTABLE, *PANEL)

# (text, anonymous, status, upvotes, answered, minutes after the session starts)
QUESTIONS = (
    (
        "How can the recovery funds reach SMEs quickly, without the usual administrative burden?",
        False,
        Question.Status.APPROVED,
        27,
        True,
        6,
    ),
    (
        "Will the European Clusters Alliance coordinate with the national cluster programmes "
        "on the recovery plans?",
        False,
        Question.Status.APPROVED,
        19,
        True,
        11,
    ),
    (
        "Which role will clusters play in the 14 industrial ecosystems of the new industrial "
        "strategy?",
        True,
        Question.Status.APPROVED,
        14,
        False,
        17,
    ),
    (
        "How can interregional cooperation between clusters help companies find substitute "
        "suppliers in the next crisis?",
        False,
        Question.Status.APPROVED,
        9,
        False,
        24,
    ),
    (
        "Are there plans for a European cluster label that public funders recognise?",
        False,
        Question.Status.APPROVED,
        4,
        False,
        33,
    ),
    ("Where can I download the slides?", False, Question.Status.REJECTED, 0, False, 35),
)
QA_SESSION = "policy-roundtable"

# The sessions that get live settings: those with polls or Q&A, the keynotes and the cafés.
# (slug, Q&A enabled, anonymous questions allowed)
LIVE_SESSIONS = (
    ("welcome", True, False),
    ("policy-roundtable", True, True),
    ("panel-recovery-resilience", True, False),
    ("keynote-ketels", True, False),
    ("keynote-nielsen", True, False),
    ("world-cafe-green", True, False),
    ("world-cafe-digital", True, False),
    ("world-cafe-resilience", True, False),
    ("world-cafe-skills", True, False),
    ("cluster-management-quiz", False, False),
)
