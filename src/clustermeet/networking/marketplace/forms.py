"""Forms of the marketplace: an offer, an expression of interest, and the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
            (Offer.Kind.OFFER, _("I offer something (an offer)")),
            (Offer.Kind.REQUEST, _("I am looking for something (a request)")),
        ],
        widget=forms.RadioSelect,
        label=_("Kind"),
        error_messages={"required": _("Choose whether this is an offer or a request.")},
    )
    category = forms.ChoiceField(
        choices=[("", "—"), *Offer.Category.choices],
        label=_("Category"),
        error_messages={"required": _("Choose a category.")},
    )
    title = forms.CharField(
        max_length=MAX_TITLE_LENGTH,
        label=_("Title"),
        error_messages={"required": _("Give your offer a title.")},
    )
    description = forms.CharField(
        max_length=MAX_DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        label=_("Description"),
        help_text=_("What you offer or look for, for whom, and what a partner would do."),
        error_messages={"required": _("Describe your offer.")},
    )
    ecosystems = forms.ModelMultipleChoiceField(
        queryset=Ecosystem.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Industrial ecosystems"),
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
        label=_("Message to the author (optional)"),
        help_text=_("It goes with your meeting request."),
    )


class FilterForm(forms.Form):
    """The list's filters. Values that are not among the choices are reported and ignored."""

    q = forms.CharField(required=False, max_length=200, label=_("Search"))
    kind = forms.ChoiceField(required=False, label=_("Offers or requests"))
    category = forms.ChoiceField(required=False, label=_("Category"))
    ecosystem = forms.ChoiceField(required=False, label=_("Industrial ecosystem"))
    mine = forms.BooleanField(required=False, label=_("Only mine (withdrawn ones too)"))

    def __init__(self, *args, ecosystems, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("Offers and requests")),
            (Offer.Kind.OFFER, _("Offers")),
            (Offer.Kind.REQUEST, _("Requests")),
        ]
        self.fields["category"].choices = [("", _("All categories")), *Offer.Category.choices]
        self.fields["ecosystem"].choices = [("", _("All ecosystems"))] + [
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
