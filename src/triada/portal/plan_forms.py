"""Public forms of the community plan: comments in the comment period and needs proposed by the
public, with spam protection that needs no outside service: a honeypot field hidden by the
stylesheet, a signed timestamp (a form sent within seconds of being shown, or a day later, is
refused) and a per-address limit kept in the cache."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from triada.needs.models import Need

# A person needs a few seconds to read the form and write; a robot does not wait.
MIN_SECONDS = 3
# A form shown more than a day ago is stale (and its token could have been harvested).
MAX_SECONDS = 24 * 3600
# Accepted submissions from one address per hour, per kind of form.
RATE_LIMIT = 10
RATE_WINDOW = 3600

TOKEN_SALT = "triada.portal.plan_forms.token"
HONEYPOT = "web"  # a field a person never sees and a robot fills in


def issue_token(now: float | None = None) -> str:
    """A signed record of when the form was shown."""
    return signing.dumps({"t": round(now if now is not None else time.time(), 3)}, salt=TOKEN_SALT)


def token_age(value: str, now: float | None = None) -> float | None:
    """Seconds since the token was issued, or None when it is not ours."""
    try:
        issued = float(signing.loads(value, salt=TOKEN_SALT)["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return (now if now is not None else time.time()) - issued


def client_address(request) -> str:
    """The address the request came from. Behind the TLS proxy (DJANGO_BEHIND_TLS_PROXY) every
    request comes from the proxy, so the address the proxy appended last is taken; the
    entries before it are whatever the client sent and are not trusted."""
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR") or "unknown"


def _rate_key(kind: str, request) -> str:
    return f"triada:portal:{kind}:{client_address(request)}"


def rate_limited(kind: str, request) -> bool:
    return cache.get(_rate_key(kind, request), 0) >= RATE_LIMIT


def rate_count(kind: str, request) -> None:
    """Count one accepted submission from the request's address."""
    key = _rate_key(kind, request)
    if not cache.add(key, 1, RATE_WINDOW):
        try:
            cache.incr(key)
        except ValueError:  # expired in between
            cache.add(key, 1, RATE_WINDOW)


class PublicForm(forms.Form):
    """A form anyone may send: the honeypot and the timestamp are checked in `clean`."""

    # Names and e-mails of the public are asked for by the subclasses that allow them.
    PERSONAL_FIELDS: tuple[str, ...] = ()

    web = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = issue_token()
        if signed_in:
            for name in self.PERSONAL_FIELDS:
                del self.fields[name]

    @property
    def shown_fields(self):
        """The fields a person fills in (the honeypot is rendered apart, hidden)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT]

    @property
    def honeypot(self):
        return self[HONEYPOT]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT):
            raise forms.ValidationError(
                _("The form could not be accepted. Please send it again."), code="honeypot"
            )
        age = token_age(cleaned.get("token") or "")
        if age is None or age > MAX_SECONDS:
            raise forms.ValidationError(
                _("The form has expired. Please check your text and send it again."),
                code="expired",
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too quickly. Please wait a moment and send it again."),
                code="too_fast",
            )
        return cleaned

    def refresh_token(self) -> None:
        """Give a re-shown form a fresh timestamp, so that the person can send it again."""
        data = self.data.copy()
        data["token"] = issue_token()
        self.data = data


class CommentForm(PublicForm):
    PERSONAL_FIELDS = ("author_name", "author_email")
    WHOLE_PLAN = ""

    item = forms.ChoiceField(label=_("Section of the plan"), required=False)
    text = forms.CharField(
        label=_("Your comment"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What you propose to change, add or remove, and why."),
    )
    author_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    author_email = forms.EmailField(
        label=_("Your e-mail"),
        required=False,
        help_text=_("Optional; only for us to ask you about your comment."),
    )

    field_order = ["item", "text", "author_name", "author_email", "web", "token"]

    def __init__(self, *args, nodes=(), **kwargs):
        """`nodes`: the version's numbered items (selectors.plan_tree)."""
        super().__init__(*args, **kwargs)
        self.nodes = {str(node.item.pk): node for node in nodes}
        indent = "\u00a0\u00a0"  # a select cannot nest: sub-items are indented
        self.fields["item"].choices = [(self.WHOLE_PLAN, _("The plan as a whole"))] + [
            (pk, indent * node.depth + node.label) for pk, node in self.nodes.items()
        ]

    def clean_item(self):
        value = self.cleaned_data["item"]
        return self.nodes.get(value) if value else None

    def submission(self) -> dict:
        """The keyword arguments of services.comment_submit (without version and person)."""
        node = self.cleaned_data["item"]
        return {
            "item": node.item if node else None,
            "section": node.label if node else str(_("The plan as a whole")),
            "text": self.cleaned_data["text"],
            "author_name": self.cleaned_data.get("author_name", ""),
            "author_email": self.cleaned_data.get("author_email", ""),
        }


class NeedForm(PublicForm):
    PERSONAL_FIELDS = ("submitter_name", "submitter_email")

    text = forms.CharField(
        label=_("The need"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is missing, for whom and where; an example helps."),
    )
    target_group = forms.CharField(
        label=_("Target group"),
        max_length=200,
        required=False,
        help_text=_("e.g. seniors, families with children, persons with disabilities"),
    )
    submitter_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    submitter_email = forms.EmailField(
        label=_("Your e-mail"),
        required=False,
        help_text=_("Optional; only for us to ask you about the need."),
    )

    field_order = ["text", "target_group", "submitter_name", "submitter_email", "web", "token"]

    def submission(self) -> dict:
        """The keyword arguments of needs.services.need_submit (without the area)."""
        names = ("text", "target_group", "submitter_name", "submitter_email")
        return {name: self.cleaned_data.get(name, "") for name in names}


class NeedFilterForm(forms.Form):
    """`?stav=` and `?skupina=` of the needs register."""

    stav = forms.ChoiceField(label=_("Status"), required=False)
    skupina = forms.ChoiceField(label=_("Target group"), required=False)

    def __init__(self, *args, target_groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stav"].choices = [("", _("all")), *Need.Status.choices]
        self.fields["skupina"].choices = [("", _("all"))] + [(g, g) for g in target_groups]

    def filters(self) -> dict:
        """The valid filters; an unknown value is ignored rather than refused."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
