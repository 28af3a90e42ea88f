from django.urls import path

from . import views

app_name = "needs"
urlpatterns = [
    path("potreby/", views.need_list, name="needs"),
    path("potreby/nova/", views.need_create, name="need_create"),
    path("potreby/<int:pk>/", views.need_edit, name="need_edit"),
]
