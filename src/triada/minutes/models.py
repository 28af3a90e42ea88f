from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from triada.documents.filenames import storable_name


class Minutes(models.Model):
    """The minutes (zápis) of one meeting, written in Triáda.

    What the public sees is the latest published `Version`, never the working text: a
    correction after publication is published as a new version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_COMMENTS = "in_comments", _("sent to the attendees for comments")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="minutes",
        verbose_name=_("meeting"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    opening = models.TextField(_("opening"), blank=True)
    closing = models.TextField(_("closing"), blank=True)
    edit_count = models.PositiveIntegerField(
        default=0,
        help_text="Raised by every saved edit; a form posted from an older count "
        "lost a race with another editor.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})


class Section(models.Model):
    """The minutes of one agenda item."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="sections", verbose_name=_("minutes")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    discussion = models.TextField(_("discussion"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item in the minutes")
        verbose_name_plural = _("agenda items in the minutes")

    def __str__(self):
        return self.title


class Resolution(models.Model):
    class Adoption(models.TextChoices):
        CONSENSUS = "consensus", _("by consensus")
        VOTE = "vote", _("by vote")

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="resolutions", verbose_name=_("agenda item")
    )
    text = models.TextField(_("resolution"))
    adoption = models.CharField(
        _("adopted"), max_length=20, choices=Adoption.choices, default=Adoption.CONSENSUS
    )
    votes_for = models.PositiveSmallIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("against"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("abstained"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    adoption="consensus",
                    votes_for__isnull=True,
                    votes_against__isnull=True,
                    votes_abstained__isnull=True,
                )
                | Q(
                    adoption="vote",
                    votes_for__isnull=False,
                    votes_against__isnull=False,
                    votes_abstained__isnull=False,
                ),
                name="resolution_votes_only_for_a_vote",
                violation_error_message=_("Give the votes for a vote, and none for a consensus."),
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def adopted(self) -> bool:
        """By consensus, or by more than half of the votes cast."""
        if self.adoption == self.Adoption.CONSENSUS:
            return True
        cast = self.votes_for + self.votes_against + self.votes_abstained
        return self.votes_for * 2 > cast


class TaskQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Task.Status.OPEN)

    def of_body(self, body):
        return self.filter(minutes__meeting__body=body)


class Task(models.Model):
    """A task agreed at a meeting: what, who, by when; closed later, often at a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("minutes")
    )
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("task"))
    responsible = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("responsible"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_note = models.TextField(_("closing note"), blank=True)
    closed_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="closed_tasks",
        verbose_name=_("closed at the meeting"),
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self):
        return self.text[:80]


class Comment(models.Model):
    """An attendee's comment on the draft minutes."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="comments", verbose_name=_("minutes")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on the minutes")
        verbose_name_plural = _("comments on the minutes")

    def __str__(self):
        return self.text[:80]


def version_path(version, filename: str) -> str:
    meeting = version.minutes.meeting
    return (
        f"zapisy/{meeting.body.area.slug}/{meeting.starts_at:%Y}/"
        f"zapis-{meeting.pk}-v{version.number}.pdf"
    )


class Version(models.Model):
    """A published version of the minutes: the PDF, its text for search, and what changed."""

    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="versions", verbose_name=_("minutes")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    note = models.CharField(_("what was corrected"), max_length=300, blank=True)
    html = models.TextField(_("text of the published minutes (HTML)"))
    text = models.TextField(_("plain text, for search"))
    pdf = models.FileField(_("PDF"), upload_to=version_path, blank=True)  # rendered by a task
    pdf_size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("published version of the minutes")
        verbose_name_plural = _("published versions of the minutes")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="version_unique_number"),
        ]

    def __str__(self):
        return f"{self.minutes} – v{self.number}"


def upload_path(upload, filename: str) -> str:
    return f"archiv/{upload.area.slug}/{upload.date:%Y}/{storable_name(filename)}"


class UploadedMinutes(models.Model):
    """Minutes from a town's archive, uploaded as a PDF (often one file per month or year)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be read")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")

    class Period(models.TextChoices):
        DAY = "day", _("a meeting (day)")
        MONTH = "month", _("a month")
        YEAR = "year", _("a year")

    area = models.ForeignKey(
        "areas.Area",
        on_delete=models.CASCADE,
        related_name="uploaded_minutes",
        verbose_name=_("planning area"),
    )
    body = models.ForeignKey(
        "structure.Body",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="uploaded_minutes",
        verbose_name=_("body"),
        help_text=_("Leave empty for a file with the minutes of several bodies."),
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    period = models.CharField(
        _("the file covers"), max_length=10, choices=Period.choices, default=Period.DAY
    )
    file = models.FileField(_("file"), upload_to=upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    # The same file uploaded again is recognised by its digest (empty for older uploads).
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, editable=False)
    pages = models.PositiveIntegerField(_("pages"), default=0)
    text = models.TextField(_("text, for search"), blank=True)
    has_text = models.BooleanField(_("has a text layer"), default=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
    )
    refusal = models.CharField(_("why it was refused"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "title"]
        indexes = [models.Index(fields=["area", "sha256"], name="upload_area_digest")]
        verbose_name = _("uploaded minutes")
        verbose_name_plural = _("uploaded minutes")

    def __str__(self):
        return self.title
