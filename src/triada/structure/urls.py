from django.urls import path

from . import views

app_name = "structure"
urlpatterns = [
    path("organy/", views.body_list, name="bodies"),
    path("organy/novy/", views.body_create, name="body_create"),
    path("organy/<int:pk>/", views.body_detail, name="body"),
    path("organy/<int:pk>/upravit/", views.body_edit, name="body_edit"),
    path("struktura/", views.structure_overview, name="overview"),
    path("struktura/zmena/", views.structure_change_create, name="change_create"),
]
