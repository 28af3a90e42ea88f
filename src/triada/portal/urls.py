from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:area_slug>/", views.area_home, name="area"),
    path("<slug:area_slug>/struktura/", views.structure, name="structure"),
    path("<slug:area_slug>/organy/<slug:body_slug>/", views.body, name="body"),
    path(
        "<slug:area_slug>/organy/<slug:body_slug>/kalendar.ics",
        views.body_calendar,
        name="body_calendar",
    ),
    path("<slug:area_slug>/kalendar.ics", views.area_calendar, name="area_calendar"),
    path("<slug:area_slug>/jednani/<int:pk>/", views.meeting, name="meeting"),
    path("<slug:area_slug>/zapisy/", views.minutes_archive, name="minutes_archive"),
    path("<slug:area_slug>/zapisy/atom.xml", views.MinutesFeed(), name="minutes_feed"),
    path("<slug:area_slug>/zapisy/<int:pk>.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<slug:area_slug>/archiv/<int:pk>.pdf", views.uploaded_pdf, name="uploaded_pdf"),
]
