"""The project's URLs plus Django's own admin at /django-admin/, for its tests."""

from django.contrib import admin
from django.urls import path

from govportal.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("django-admin/", admin.site.urls), *project_urlpatterns]
