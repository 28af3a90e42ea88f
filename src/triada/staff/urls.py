from django.urls import path

from . import views

app_name = "staff"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:area_slug>/", views.dashboard, name="dashboard"),
    path("<slug:area_slug>/audit/", views.audit_log, name="audit_log"),
    path("<slug:area_slug>/moje/", views.my_page, name="my_page"),
]
