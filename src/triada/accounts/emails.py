from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _


def send_password_set_link(request, user) -> None:
    """E-mail a one-time link where a new user sets a password (Django's reset flow)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    body = render_to_string(
        "accounts/email_account_created.txt",
        {
            "user": user,
            "link": request.build_absolute_uri(path),
        },
    )
    send_mail(_("Your account in Triáda"), body, None, [user.email])
