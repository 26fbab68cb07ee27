"""One-time login links. The token hashes the account's last login time, so it stops working
the moment it has been used (logging in updates last_login), and it expires after
PASSWORD_RESET_TIMEOUT seconds."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlencode, urlsafe_base64_encode


class LoginLinkTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "clustermeet.people.tokens.LoginLinkTokenGenerator"


login_link_tokens = LoginLinkTokenGenerator()


def login_link_path(person, next_url: str = "") -> str:
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    path = reverse("people:login_link", args=[uid, login_link_tokens.make_token(person)])
    return f"{path}?{urlencode({'next': next_url})}" if next_url else path
