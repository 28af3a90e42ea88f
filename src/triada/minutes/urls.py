from django.urls import path

from . import views

app_name = "minutes"
urlpatterns = [
    path("jednani/<int:pk>/zapis/", views.minutes_detail, name="detail"),
    path("jednani/<int:pk>/zapis/zalozit/", views.minutes_start, name="start"),
    path("jednani/<int:pk>/zapis/upravit/", views.minutes_edit, name="edit"),
    path(
        "jednani/<int:pk>/zapis/body/<int:section_pk>/usneseni/",
        views.resolution_add,
        name="resolution_add",
    ),
    path(
        "jednani/<int:pk>/zapis/usneseni/<int:resolution_pk>/smazat/",
        views.resolution_delete,
        name="resolution_delete",
    ),
    path("jednani/<int:pk>/zapis/body/<int:section_pk>/ukol/", views.task_add, name="task_add"),
    path("jednani/<int:pk>/zapis/komentar/", views.comment_add, name="comment"),
    path("jednani/<int:pk>/zapis/k-pripominkam/", views.minutes_send, name="send"),
    path("jednani/<int:pk>/zapis/schvalit/", views.minutes_approve, name="approve"),
    path("jednani/<int:pk>/zapis/zverejnit/", views.minutes_publish, name="publish"),
    path("ukoly/<int:pk>/uzavrit/", views.task_close, name="task_close"),
    path("archiv/nahrat/", views.upload, name="upload"),
]
