"""The language of a page: an explicit choice in the switcher (its cookie) first, then the
logged-in person's saved language, then the browser's Accept-Language (Django's
LocaleMiddleware, which runs before this one and already handled the cookie and the header)."""

from django.conf import settings
from django.utils import translation


class PersonLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
            and user is not None
            and user.is_authenticated
            and user.language
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
