from django.urls import path

from . import plan_views, views

app_name = "portal"
urlpatterns = [
    path("", views.index, name="index"),
    # Before the area pages; areas.models.RESERVED_SLUGS keeps the address from any area.
    path("prohlaseni-o-pristupnosti/", views.accessibility, name="accessibility"),
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
    # The community plan (plan_views)
    path("<slug:area_slug>/plan/", plan_views.plan, name="plan"),
    path("<slug:area_slug>/plany/", plan_views.plans, name="plans"),
    path("<slug:area_slug>/plan/<int:pk>/", plan_views.plan_version, name="plan_version"),
    path(
        "<slug:area_slug>/plan/<int:pk>/plan.<str:fmt>",
        plan_views.plan_download,
        name="plan_download",
    ),
    path(
        "<slug:area_slug>/plan/<int:pk>/akcni-plan/<int:year>/",
        plan_views.action_plan,
        name="action_plan",
    ),
    path(
        "<slug:area_slug>/plan/<int:pk>/akcni-plan/<int:year>.<str:fmt>",
        plan_views.action_plan_download,
        name="action_plan_download",
    ),
    path(
        "<slug:area_slug>/plan/<int:pk>/vyhodnoceni/<int:year>/",
        plan_views.plan_evaluation,
        name="plan_evaluation",
    ),
    path(
        "<slug:area_slug>/plan/<int:pk>/vyhodnoceni/<int:year>.<str:fmt>",
        plan_views.plan_evaluation_download,
        name="plan_evaluation_download",
    ),
    path(
        "<slug:area_slug>/plan/<int:pk>/pripominky/",
        plan_views.plan_comments,
        name="plan_comments",
    ),
    path("<slug:area_slug>/potreby/", plan_views.needs, name="needs"),
]
