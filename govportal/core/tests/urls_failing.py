"""The portal's URLs plus one view that fails, to see the server error page."""

from django.urls import path

from govportal.urls import (  # noqa: F401 - the error handlers of the portal
    handler400,
    handler403,
    handler404,
    handler500,
)
from govportal.urls import urlpatterns as portal_urlpatterns


def failing(request):
    raise RuntimeError("a failure the test asked for")


urlpatterns = [path("uz/failing/", failing), *portal_urlpatterns]
