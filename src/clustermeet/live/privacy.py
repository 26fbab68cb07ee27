"""Live interaction's privacy declaration: ballots, audience questions and upvotes. Erasure keeps
them, so every tally and upvote count stays exact: the voter's account is anonymised, questions
become anonymous."""

from django.utils.translation import gettext_lazy as _

from clustermeet.live.models import Ballot, Question, Upvote
from clustermeet.privacy.registry import iso, register


def export(person) -> dict:
    return {
        "ballots": [
            {
                "session": b.poll.session.title,
                "poll": b.poll.question,
                "answer": b.answer,
                "status": b.status,
                "created_at": iso(b.created_at),
                "updated_at": iso(b.updated_at),
            }
            for b in Ballot.objects.filter(person=person)
            .select_related("poll__session")
            .order_by("created_at", "pk")
        ],
        "questions": [
            {
                "session": q.session.title,
                "text": q.text,
                "anonymous": q.anonymous,
                "status": q.status,
                "created_at": iso(q.created_at),
            }
            for q in Question.objects.filter(author=person)
            .select_related("session")
            .order_by("created_at", "pk")
        ],
        "upvotes": [
            {"question": u.question.text, "created_at": iso(u.created_at)}
            for u in Upvote.objects.filter(person=person)
            .select_related("question")
            .order_by("created_at", "pk")
        ],
    }


def erase(person) -> dict[str, int]:
    questions = Question.objects.filter(author=person).update(anonymous=True)
    return {
        "ballots_kept": Ballot.objects.filter(person=person).count(),
        "questions_anonymised": questions,
        "upvotes_kept": Upvote.objects.filter(person=person).count(),
    }


register(
    "live",
    models=["live.Ballot", "live.Question", "live.Upvote"],
    category=_("Votes, quiz answers, audience questions and upvotes"),
    purpose=_("Live polls, quizzes and Q&A during sessions; their results in the output paper"),
    legal_basis=_("Contract (terms of participation), Art. 6(1)(b) GDPR"),
    recipients=_("Moderators see questions with their author's name; results are aggregated"),
    export=export,
    erase=erase,
    order=60,
)
