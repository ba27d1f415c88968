"""The admin report of Cyrillic versions that editors changed by hand."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import user_passes_test

from .models import GeneratedTranslation
from .sync import resume


def _can_manage(user) -> bool:
    return (
        user.is_active
        and user.has_perm("wagtailadmin.access_admin")
        and (user.is_superuser or user.has_perm("wagtailcore.publish_page"))
    )


@user_passes_test(_can_manage)
def diverged_report(request: HttpRequest) -> HttpResponse:
    """List every Cyrillic page or snippet the sync no longer overwrites."""
    records = (
        GeneratedTranslation.objects.filter(diverged=True)
        .select_related("content_type")
        .order_by("-updated_at")[:500]
    )
    return render(request, "cyrillic/admin/diverged_report.html", {"records": records})


@require_POST
@user_passes_test(_can_manage)
def resume_generation(request: HttpRequest, pk: int) -> HttpResponse:
    """Overwrite a hand-edited Cyrillic version from its Latin source again."""
    record = get_object_or_404(GeneratedTranslation, pk=pk, diverged=True)
    resume(record)
    messages.success(request, _("The Cyrillic version follows the Latin one again."))
    return redirect("cyrillic_diverged")
