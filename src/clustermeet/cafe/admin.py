"""Authoring a café in the back office: the café with its questions, rounds and tables inline;
sign-ups; notes (read and corrected by organisers)."""

from django.contrib import admin

from clustermeet.cafe.models import Cafe, CafeQuestion, CafeRound, CafeSignup, CafeTable, Note


class QuestionInline(admin.TabularInline):
    model = CafeQuestion
    extra = 1


class RoundInline(admin.TabularInline):
    model = CafeRound
    extra = 1


class TableInline(admin.TabularInline):
    model = CafeTable
    extra = 1
    fields = ["number", "topic", "capacity", "host", "physical_label"]
    autocomplete_fields = ["host"]


@admin.register(Cafe)
class CafeAdmin(admin.ModelAdmin):
    list_display = ["session", "allow_members_to_write"]
    list_select_related = ["session"]
    search_fields = ["session__title"]
    autocomplete_fields = ["session"]
    inlines = [QuestionInline, RoundInline, TableInline]


@admin.register(CafeSignup)
class CafeSignupAdmin(admin.ModelAdmin):
    list_display = ["person", "cafe", "created_at", "left_at"]
    list_select_related = ["person", "cafe__session"]
    autocomplete_fields = ["person"]
    list_filter = ["cafe"]


@admin.register(Note)
class NoteAdmin(admin.ModelAdmin):
    list_display = ["table", "round", "question", "updated_by", "updated_at"]
    list_select_related = ["table", "round", "question", "updated_by"]
    list_filter = ["table__cafe"]
    search_fields = ["text"]
    raw_id_fields = ["table", "round", "question", "updated_by"]
