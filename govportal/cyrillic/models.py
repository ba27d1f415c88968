from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedTranslation(models.Model):
    """A Cyrillic page or snippet written by the sync, and what it wrote.

    ``fingerprint`` hashes the translatable fields as the sync left them. When the
    object's latest revision no longer matches it, an editor changed the Cyrillic
    version by hand: the sync then leaves it alone and marks it ``diverged``.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    fingerprint = models.CharField(max_length=64)
    diverged = models.BooleanField(_("edited by hand"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("generated translation")
        verbose_name_plural = _("generated translations")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_generated_target"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id}"
