from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """One searchable thing, in the words the public may read.

    The full-text index is built over this table by the database, outside the model (see the
    migrations): on SQLite an FTS5 table whose content is the view `search_fts_source`, kept
    by triggers (0004); on PostgreSQL a stored generated column `words` with a GIN index
    (0003). A migration that alters this table must drop them first and create them again
    after: on SQLite, Django rebuilds the table for most changes and the view blocks that; on
    PostgreSQL, the type of `title` or `text` cannot change under the generated column."""

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
