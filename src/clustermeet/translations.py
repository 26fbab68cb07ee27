"""The one check of a model's `translations` field as typed in the back office:
{"de": {"<text>": "…", …}, …} — the site's languages, the model's own texts only, each a text
within its limit. Booths, award categories and nominations use it with their keys and limits."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _


def validate_translations(value, *, keys, limits: dict[str, int] | None = None) -> dict:
    if value in (None, ""):
        return {}
    keys = tuple(keys)
    if not isinstance(value, dict):
        raise forms.ValidationError(
            _('Write the translations as {"de": {"%(key)s": "…"}}.') % {"key": keys[0]}
        )
    languages = {code for code, _name in settings.LANGUAGES}
    for language, texts in value.items():
        if language not in languages:
            raise forms.ValidationError(
                _("“%(language)s” is not one of the site's languages.") % {"language": language}
            )
        if not isinstance(texts, dict) or not set(texts) <= set(keys):
            raise forms.ValidationError(
                _("Each language holds only these texts: %(keys)s.")
                % {"keys": ", ".join(f"“{key}”" for key in keys)}
            )
        if not all(isinstance(text, str) for text in texts.values()):
            raise forms.ValidationError(_("Each translation is a text."))
        for key, limit in (limits or {}).items():
            if len(texts.get(key, "")) > limit:
                raise forms.ValidationError(
                    _("The %(language)s %(text)s may be at most %(limit)s characters.")
                    % {"language": language, "text": key, "limit": limit}
                )
    return value
