"""The back office of the output paper (until its own editing pages come): the paper of an
event — sections and their order, which are public, the introduction and its translations,
the cover image (checked by content like a booth's logo), the colours — and each session's
takeaways."""

from django import forms
from django.contrib import admin

from clustermeet.exhibition.booths.uploads import MAX_PLAN_BYTES, check_image
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.paper.models import Paper, Takeaway


class PaperForm(forms.ModelForm):
    class Meta:
        model = Paper
        fields = [
            "event",
            "sections",
            "public_sections",
            "introduction",
            "introduction_translations",
            "cover",
            "cover_description",
            "primary_colour",
            "accent_colour",
            "status",
            "published_at",
        ]
        widgets = {
            "cover": forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg,.svg"}),
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }

    def clean_cover(self):
        upload = self.cleaned_data.get("cover")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                check_image(upload, max_bytes=MAX_PLAN_BYTES)
            except ExhibitionError as error:
                raise forms.ValidationError(str(error)) from None
        return upload


@admin.register(Paper)
class PaperAdmin(admin.ModelAdmin):
    form = PaperForm
    list_display = ["event", "status", "published_at", "updated_at"]
    list_filter = ["status"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]


@admin.register(Takeaway)
class TakeawayAdmin(admin.ModelAdmin):
    list_display = ["session", "event", "updated_at"]
    list_filter = ["session__event"]
    list_select_related = ["session__event"]
    search_fields = ["session__title", "text"]
    autocomplete_fields = ["session"]

    @admin.display(description=Paper._meta.get_field("event").verbose_name)
    def event(self, takeaway: Takeaway):
        return takeaway.session.event
