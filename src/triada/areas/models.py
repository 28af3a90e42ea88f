from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Top-level paths of the site that an area's address must not take.
RESERVED_SLUGS = {
    "admin",
    "sprava",
    "ucet",
    "i18n",
    "static",
    "media",
    "hledat",
    "prohlaseni-o-pristupnosti",
}


def validate_area_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(_("This address is reserved; choose another."))


class Area(models.Model):
    """A planning area: a town or an ORP together with the municipalities that join it."""

    class Kind(models.TextChoices):
        TOWN = "town", _("town")
        ORP = "orp", _("municipality with extended powers (ORP)")
        REGION = "region", _("region")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=80,
        unique=True,
        validators=[validate_area_slug],
        help_text=_("Lower-case letters, digits and hyphens, e.g. cesky-tesin."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TOWN)
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notice_days = models.PositiveSmallIntegerField(
        _("notice of a meeting in days"),
        default=7,
        help_text=_("An invitation sent later than this before a meeting is flagged as late."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("planning area")
        verbose_name_plural = _("planning areas")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:area", kwargs={"area_slug": self.slug})


class Municipality(models.Model):
    """A municipality that takes part in the planning of an area (the seat or a joined one)."""

    area = models.ForeignKey(
        Area,
        on_delete=models.CASCADE,
        related_name="municipalities",
        verbose_name=_("planning area"),
    )
    name = models.CharField(_("name"), max_length=200)
    is_seat = models.BooleanField(_("seat of the area"), default=False)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        ordering = ["-is_seat", "name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["area", "name"], name="municipality_unique_name"),
        ]

    def __str__(self):
        return self.name
