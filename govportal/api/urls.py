"""``/api/v1/``: the public JSON API."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.api_index, name="api_index"),
    path("openapi.json", views.openapi_document, name="api_openapi"),
    path("docs/", views.docs_redirect, name="api_docs_redirect"),
    path("news/", views.news_list, name="api_news"),
    path("news/<str:pk>/", views.news_detail, name="api_news_detail"),
    path("announcements/", views.announcement_list, name="api_announcements"),
    path(
        "announcements/<str:pk>/",
        views.announcement_detail,
        name="api_announcement_detail",
    ),
    path("agencies/", views.agency_list, name="api_agencies"),
    path("agencies/<str:pk>/", views.agency_detail, name="api_agency_detail"),
    path("helplines/", views.helpline_list, name="api_helplines"),
    path("helplines/<str:pk>/", views.helpline_detail, name="api_helpline_detail"),
    path("faqs/", views.question_list, name="api_faqs"),
    path("faqs/<str:pk>/", views.question_detail, name="api_faq_detail"),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
