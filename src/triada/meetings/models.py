import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from triada.documents.filenames import storable_name


class MeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(status=Meeting.Status.PLANNED, starts_at__gte=timezone.now())


class Meeting(models.Model):
    """A meeting of a body: when and where, its agenda, whom it invites and who came."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    body = models.ForeignKey(
        "structure.Body", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("body")
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Leave empty for the body's name.")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    note = models.TextField(_("note"), blank=True)
    invitation_sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["body", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=models.F("starts_at")),
                name="meeting_ends_after_start",
                violation_error_message=_("A meeting cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.display_title} ({date_format(self.date, 'SHORT_DATE_FORMAT')})"

    def get_absolute_url(self):
        return reverse("portal:meeting", kwargs={"area_slug": self.body.area.slug, "pk": self.pk})

    @property
    def display_title(self) -> str:
        return self.title or str(self.body)

    @property
    def date(self) -> datetime.date:
        return timezone.localtime(self.starts_at).date()


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    proposer = models.CharField(_("proposed by"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class Guest(models.Model):
    """Someone invited to one meeting beyond the roster; guests take part but do not vote."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="guests", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=200)
    organization = models.CharField(_("organization"), max_length=250, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("guest")
        verbose_name_plural = _("guests")

    def __str__(self):
        return self.name


class Attendance(models.Model):
    """One line of the attendance list: a member (or a substitute for one) and whether he or
    she came. Guests of the meeting are listed by `Guest` and never vote."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting")
    )
    membership = models.ForeignKey(
        "people.Membership",
        on_delete=models.PROTECT,  # history: a membership with attendance is ended, not deleted
        related_name="attendance",
        verbose_name=_("member"),
    )
    status = models.CharField(
        _("attendance"), max_length=20, choices=Status.choices, default=Status.ABSENT
    )
    substitute = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substitutions",
        verbose_name=_("substitute"),
        help_text=_("Someone from the same organization who came instead of the member."),
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="attendance_unique_member"
            ),
        ]

    def __str__(self):
        return f"{self.membership.person} – {self.get_status_display()}"

    @property
    def counts_as_present(self) -> bool:
        return self.status == self.Status.PRESENT or self.substitute_id is not None


def document_path(document, filename: str) -> str:
    meeting = document.item.meeting
    return f"podklady/{meeting.body.area.slug}/{meeting.pk}/{storable_name(filename)}"


class AgendaDocument(models.Model):
    """A document attached to an agenda item (a draft, a report, a table)."""

    ALLOWED_EXTENSIONS = (
        "pdf",
        "docx",
        "doc",
        "odt",
        "xlsx",
        "xls",
        "ods",
        "pptx",
        "odp",
        "txt",
        "csv",
        "png",
        "jpg",
        "jpeg",
    )

    item = models.ForeignKey(
        AgendaItem,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("agenda item"),
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=document_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("agenda document")
        verbose_name_plural = _("agenda documents")

    def __str__(self):
        return self.title

    @property
    def extension(self) -> str:
        return self.original_name.rsplit(".", 1)[-1].lower() if "." in self.original_name else ""
