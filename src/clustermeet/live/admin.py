"""The back office for the live interaction: sessions' live settings, polls and quizzes, ballots
(read only) and the Q&A.

Opening and closing polls and moderating questions go through `live.services` (the actions
here), so whoever follows the session over the websocket sees the change. A poll is edited
freely while it is a draft; once opened, only who sees its results can change (its question and
options are what people voted on). Every saved edit makes a new poll version and is broadcast,
as the services do. Ballots can be looked at, never added, changed or deleted here: a tally must
always equal the ballots. Upvotes are not shown on their own; a question shows its count.
"""

from django.contrib import admin, messages
from django.db.models import Count, F
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from clustermeet.live import exports, services
from clustermeet.live import messages as live_messages
from clustermeet.live.forms import POLL_FIELDS, TRANSLATION_FIELDS, PollForm
from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption, Question, Quiz
from clustermeet.realtime import broadcast

POLL_STATE = ["status", "version", "opened_at", "closed_at", "created_at"]


@admin.register(LiveSettings)
class LiveSettingsAdmin(admin.ModelAdmin):
    list_display = [
        "session",
        "event",
        "qa_enabled",
        "qa_moderated",
        "qa_anonymous_allowed",
        "room_voting",
        "join_code",
    ]
    list_select_related = ["session__event"]
    list_filter = ["session__event", "qa_enabled", "room_voting"]
    search_fields = ["session__title", "join_code"]
    autocomplete_fields = ["session"]
    # Drawn at random when the settings are created; printed on slides, so it never changes.
    readonly_fields = ["join_code"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        return fields if obj is not None else [f for f in fields if f != "join_code"]

    @admin.display(description=gettext_lazy("event"), ordering="session__event__name")
    def event(self, settings: LiveSettings) -> str:
        return settings.session.event.name


class PollOptionInline(admin.TabularInline):
    """Options can change only while the poll is a draft."""

    model = PollOption
    fields = ["label", "position", "is_correct"]
    extra = 2

    @staticmethod
    def _frozen(poll) -> bool:
        return poll is not None and poll.status != Poll.Status.DRAFT

    def get_readonly_fields(self, request, obj=None):
        return self.fields if self._frozen(obj) else []

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if self._frozen(obj) else self.extra

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


def _poll_changed(poll_id: int) -> None:
    """A new version of the poll, announced after commit (as `live.services` do)."""
    Poll.objects.filter(pk=poll_id).update(version=F("version") + 1)
    broadcast.after_commit(live_messages.poll_messages, poll_id)


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    form = PollForm
    list_display = [
        "question",
        "session",
        "event",
        "type",
        "status",
        "results_visibility",
        "ballots_count",
        "version",
        "export_links",
    ]
    list_select_related = ["session__event"]
    list_filter = ["session__event", "type", "status"]
    search_fields = ["question", "session__title", "options__label"]
    autocomplete_fields = ["session", "quiz"]
    inlines = [PollOptionInline]
    actions = ["open_selected", "close_selected"]
    fieldsets = [
        (None, {"fields": ["session", "quiz", "question", "type", "position"]}),
        (gettext_lazy("Results"), {"fields": ["results_visibility"]}),
        (
            gettext_lazy("Answers"),
            {
                "fields": [
                    "min_choices",
                    "max_choices",
                    "scale_max",
                    "max_words",
                    "allow_change",
                    "time_limit_s",
                ]
            },
        ),
        (gettext_lazy("State"), {"fields": POLL_STATE}),
    ]
    translation_fieldset = (
        gettext_lazy("Translations"),
        {"fields": ["translations_summary", *TRANSLATION_FIELDS]},
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return fieldsets if obj is None else [*fieldsets, self.translation_fieldset]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ballots_count=Count("ballots", distinct=True))

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status != Poll.Status.DRAFT:
            return [f for f in POLL_FIELDS if f != "results_visibility"] + [
                *POLL_STATE,
                "translations_summary",
            ]
        return [*POLL_STATE, "translations_summary"]

    def save_model(self, request, obj, form, change):
        if not change:
            super().save_model(request, obj, form, change)
        elif changed := [f for f in form.changed_data if f in POLL_FIELDS]:
            # Only what was edited: the status and version may have moved meanwhile (a vote,
            # a moderator closing the poll over the websocket).
            obj.save(update_fields=changed)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        translation = form.translation() if change else None
        if translation is not None:
            try:
                services.set_poll_translation(form.instance.pk, *translation)
            except services.LiveError as error:  # e.g. options added in the same submit
                self.message_user(
                    request,
                    _("The translation was not saved: %(reason)s") % {"reason": error},
                    messages.ERROR,
                )
        if not change or form.has_changed() or any(fs.has_changed() for fs in formsets):
            _poll_changed(form.instance.pk)

    # --- columns -------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("event"), ordering="session__event__name")
    def event(self, poll: Poll) -> str:
        return poll.session.event.name

    @admin.display(description=gettext_lazy("translations"))
    def translations_summary(self, poll: Poll) -> str:
        if not poll.translations:
            return "—"
        options = list(poll.options.all())
        return format_html_join(
            "",
            "<p><strong>{}</strong>: {} ({})</p>",
            (
                (code, text, " / ".join(o.translations.get(code, "—") for o in options))
                for code, text in sorted(poll.translations.items())
            ),
        )

    @admin.display(description=gettext_lazy("ballots"), ordering="ballots_count")
    def ballots_count(self, poll: Poll) -> int:
        return poll.ballots_count

    @admin.display(description=gettext_lazy("export"))
    def export_links(self, poll: Poll) -> str:
        args = [poll.session.event.slug, poll.pk]
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("live_exports:ballots", args=args),
            pgettext("export link", "ballots"),
            reverse("live_exports:results", args=args),
            pgettext("export link", "results"),
        )

    # --- actions ---------------------------------------------------------------------------

    def _run(self, request, queryset, done_message, run, allowed) -> None:
        """`done_message(n)` is the sentence of how many polls changed."""
        done, skipped = 0, []
        for poll in queryset.order_by("session", "position", "pk"):
            if not allowed(poll):
                skipped.append(
                    _("“%(question)s” is %(status)s")
                    % {"question": poll.question, "status": poll.get_status_display().lower()}
                )
                continue
            try:
                run(poll.pk)
            except services.LiveError as error:
                skipped.append(
                    _("“%(question)s”: %(reason)s") % {"question": poll.question, "reason": error}
                )
            else:
                done += 1
        message = done_message(done)
        if skipped:
            message += " " + _("Left unchanged: %(polls)s.") % {"polls": "; ".join(skipped)}
        self.message_user(request, message, messages.SUCCESS if done else messages.WARNING)

    @admin.action(description=gettext_lazy("Open selected polls"), permissions=["change"])
    def open_selected(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda n: (
                ngettext("Opened %(count)d poll.", "Opened %(count)d polls.", n) % {"count": n}
            ),
            services.open_poll,
            lambda p: p.status != Poll.Status.OPEN,
        )

    @admin.action(description=gettext_lazy("Close selected polls"), permissions=["change"])
    def close_selected(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda n: (
                ngettext("Closed %(count)d poll.", "Closed %(count)d polls.", n) % {"count": n}
            ),
            services.close_poll,
            lambda p: p.status == Poll.Status.OPEN,
        )


class QuizQuestionInline(admin.TabularInline):
    """A quiz's questions are polls: they are edited on the poll's page."""

    model = Poll
    fk_name = "quiz"
    fields = ["question", "type", "status", "time_limit_s", "position"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    extra = 0
    verbose_name = gettext_lazy("question")
    verbose_name_plural = gettext_lazy("questions (add them as polls of the quiz's session)")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "session", "event", "questions_count", "created_at"]
    list_select_related = ["session__event"]
    list_filter = ["session__event"]
    search_fields = ["title", "session__title"]
    autocomplete_fields = ["session"]
    inlines = [QuizQuestionInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(questions_count=Count("questions", distinct=True))
        )

    @admin.display(description=gettext_lazy("event"), ordering="session__event__name")
    def event(self, quiz: Quiz) -> str:
        return quiz.session.event.name

    @admin.display(description=gettext_lazy("questions"), ordering="questions_count")
    def questions_count(self, quiz: Quiz) -> int:
        return quiz.questions_count


@admin.register(Ballot)
class BallotAdmin(admin.ModelAdmin):
    list_display = [
        "poll",
        "voter_key",
        "person",
        "answer_text",
        "status",
        "points",
        "version",
        "updated_at",
    ]
    list_select_related = ["poll", "person"]
    list_filter = ["poll__session__event", "poll__type", "status"]
    search_fields = ["poll__question", "voter_key"]
    fields = [
        "poll",
        "voter_key",
        "person",
        "answer_text",
        "answer",
        "status",
        "points",
        "version",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("poll__options")

    @admin.display(description=gettext_lazy("answer"))
    def answer_text(self, ballot: Ballot) -> str:
        labels = {o.pk: o.label for o in ballot.poll.options.all()}
        return exports.answer_text(ballot.poll.type, ballot.answer, labels)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = [
        "text",
        "session",
        "event",
        "author",
        "anonymous",
        "status",
        "upvote_count",
        "pinned",
        "answered",
        "created_at",
    ]
    list_select_related = ["session__event", "author"]
    list_filter = ["session__event", "status", "pinned", "answered"]
    search_fields = ["text", "author__first_name", "author__last_name", "session__title"]
    fields = [
        "session",
        "author",
        "anonymous",
        "text",
        "status",
        "pinned",
        "answered",
        "upvote_count",
        "created_at",
    ]
    # Questions are the participants' words; moderators act on them with the actions.
    readonly_fields = fields
    actions = [
        "approve_selected",
        "reject_selected",
        "pin_selected",
        "unpin_selected",
        "mark_answered",
    ]

    @admin.display(description=gettext_lazy("event"), ordering="session__event__name")
    def event(self, question: Question) -> str:
        return question.session.event.name

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # reject it instead: participants following the session see it go

    def _moderate(self, request, queryset, action: str, done_message) -> None:
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        for pk in ids:
            services.moderate_question(pk, action)
        self.message_user(request, done_message(len(ids)) % {"count": len(ids)})

    @admin.action(description=gettext_lazy("Approve selected questions"), permissions=["change"])
    def approve_selected(self, request, queryset):
        self._moderate(
            request,
            queryset,
            "approve",
            lambda n: ngettext("Approved %(count)d question.", "Approved %(count)d questions.", n),
        )

    @admin.action(description=gettext_lazy("Reject selected questions"), permissions=["change"])
    def reject_selected(self, request, queryset):
        self._moderate(
            request,
            queryset,
            "reject",
            lambda n: ngettext("Rejected %(count)d question.", "Rejected %(count)d questions.", n),
        )

    @admin.action(description=gettext_lazy("Pin selected questions"), permissions=["change"])
    def pin_selected(self, request, queryset):
        self._moderate(
            request,
            queryset,
            "pin",
            lambda n: ngettext("Pinned %(count)d question.", "Pinned %(count)d questions.", n),
        )

    @admin.action(description=gettext_lazy("Unpin selected questions"), permissions=["change"])
    def unpin_selected(self, request, queryset):
        self._moderate(
            request,
            queryset,
            "unpin",
            lambda n: ngettext("Unpinned %(count)d question.", "Unpinned %(count)d questions.", n),
        )

    @admin.action(
        description=gettext_lazy("Mark selected questions answered"), permissions=["change"]
    )
    def mark_answered(self, request, queryset):
        self._moderate(
            request,
            queryset,
            "answered",
            lambda n: ngettext(
                "Marked answered %(count)d question.", "Marked answered %(count)d questions.", n
            ),
        )
