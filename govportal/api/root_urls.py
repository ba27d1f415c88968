"""The addresses without a language prefix, as the URL configuration of an API
answer: see ``http.finish``."""

from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("govportal.api.urls")),
    path("", include("govportal.opendata.urls")),
]
