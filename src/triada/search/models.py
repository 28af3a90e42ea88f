from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One searchable thing, in the words the public may read.

    The full-text index is built over this table by the database: an FTS5 table with
    triggers on SQLite, an expression GIN index on PostgreSQL (see the migrations)."""

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        UPLOAD = "upload", _("minutes from the archive")
        BODY = "body", _("body")
        PLAN_ITEM = "plan_item", _("community plan")
        NEED = "need", _("need")

    area = models.ForeignKey("areas.Area", on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey(
        "structure.Body", on_delete=models.CASCADE, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    text = models.TextField()
    date = models.DateField(null=True)
    url = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="searchdocument_unique"),
        ]
        indexes = [models.Index(fields=["area", "date"])]

    def __str__(self):
        return self.title
