from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("plany/", views.plan_list, name="plans"),
    path("plany/novy/", views.plan_create, name="plan_create"),
    path("plany/verze/<int:pk>/", views.version_detail, name="version"),
    path("plany/verze/<int:pk>/upravit/", views.version_edit, name="version_edit"),
    path("plany/verze/<int:pk>/porovnat/", views.version_compare, name="compare"),
    path("plany/verze/<int:pk>/nova-polozka/", views.item_create, name="item_create"),
    path("plany/verze/<int:pk>/pripominky/", views.comment_list, name="comments"),
    path("plany/verze/<int:pk>/akcni-plan/<int:year>/", views.action_plan_page, name="action_plan"),
    path("plany/verze/<int:pk>/vyhodnoceni/<int:year>/", views.evaluation_page, name="evaluation"),
    path("plany/verze/<int:pk>/<slug:document>.<str:fmt>", views.download, name="download"),
    path(
        "plany/verze/<int:pk>/<slug:document>/<int:year>.<str:fmt>",
        views.download,
        name="download_year",
    ),
    path("plany/schvaleni/<int:pk>/smazat/", views.approval_step_delete, name="step_delete"),
    path("plany/polozka/<int:pk>/", views.item_detail, name="item"),
    path("plany/polozka/<int:pk>/posunout/", views.item_shift, name="item_shift"),
    path("plany/polozka/<int:pk>/smazat/", views.item_delete, name="item_delete"),
    path(
        "plany/polozka/<int:pk>/vyhodnoceni/<int:year>/",
        views.item_evaluate,
        name="item_evaluate",
    ),
    path("plany/pripominka/<int:pk>/vyporadat/", views.comment_settle, name="comment_settle"),
]
