"""Forms of the marketplace: an offer, an expression of interest, and the list's filters."""

from django import forms

from clustermeet.events.models import Ecosystem
from clustermeet.networking.marketplace.services import (
    MAX_DESCRIPTION_LENGTH,
    MAX_MESSAGE_LENGTH,
    MAX_TITLE_LENGTH,
    OfferData,
)
from clustermeet.networking.models import Offer


class OfferForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            (Offer.Kind.OFFER, "I offer something (an offer)"),
            (Offer.Kind.REQUEST, "I am looking for something (a request)"),
        ],
        widget=forms.RadioSelect,
        label="Kind",
        error_messages={"required": "Choose whether this is an offer or a request."},
    )
    category = forms.ChoiceField(
        choices=[("", "—"), *Offer.Category.choices],
        label="Category",
        error_messages={"required": "Choose a category."},
    )
    title = forms.CharField(
        max_length=MAX_TITLE_LENGTH,
        label="Title",
        error_messages={"required": "Give your offer a title."},
    )
    description = forms.CharField(
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Description",
        help_text="What you offer or look for, for whom, and what a partner would do.",
        error_messages={"required": "Describe your offer."},
    )
    ecosystems = forms.ModelMultipleChoiceField(
        queryset=Ecosystem.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Industrial ecosystems",
    )

    @classmethod
    def for_offer(cls, offer: Offer) -> "OfferForm":
        return cls(
            initial={
                "kind": offer.kind,
                "category": offer.category,
                "title": offer.title,
                "description": offer.description,
                "ecosystems": list(offer.ecosystems.all()),
            }
        )

    def offer_data(self) -> OfferData:
        data = self.cleaned_data
        return OfferData(
            kind=data["kind"],
            category=data["category"],
            title=data["title"],
            description=data["description"],
            ecosystems=list(data["ecosystems"]),
        )


class InterestForm(forms.Form):
    message = forms.CharField(
        max_length=MAX_MESSAGE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Message to the author (optional)",
        help_text="It goes with your meeting request.",
    )


class FilterForm(forms.Form):
    """The list's filters. Values that are not among the choices are reported and ignored."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    kind = forms.ChoiceField(required=False, label="Offers or requests")
    category = forms.ChoiceField(required=False, label="Category")
    ecosystem = forms.ChoiceField(required=False, label="Industrial ecosystem")
    mine = forms.BooleanField(required=False, label="Only mine (withdrawn ones too)")

    def __init__(self, *args, ecosystems, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", "Offers and requests"),
            (Offer.Kind.OFFER, "Offers"),
            (Offer.Kind.REQUEST, "Requests"),
        ]
        self.fields["category"].choices = [("", "All categories"), *Offer.Category.choices]
        self.fields["ecosystem"].choices = [("", "All ecosystems")] + [
            (e.slug, e.name) for e in ecosystems
        ]

    def filters(self) -> dict:
        """The valid filters (call after `is_valid()`)."""
        data = getattr(self, "cleaned_data", {})
        return {
            "q": data.get("q", ""),
            "kind": data.get("kind", ""),
            "category": data.get("category", ""),
            "ecosystem": data.get("ecosystem", ""),
            "mine": bool(data.get("mine")),
        }
