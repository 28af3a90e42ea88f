from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("organizace/", views.organization_list, name="organizations"),
    path("organizace/nova/", views.organization_create, name="organization_create"),
    path("organizace/<int:pk>/", views.organization_detail, name="organization"),
    path("organizace/<int:pk>/upravit/", views.organization_edit, name="organization_edit"),
    path("osoby/", views.person_list, name="persons"),
    path("osoby/nova/", views.person_create, name="person_create"),
    path("osoby/<int:pk>/", views.person_detail, name="person"),
    path("osoby/<int:pk>/upravit/", views.person_edit, name="person_edit"),
    path("osoby/<int:pk>/ucet/", views.person_account, name="person_account"),
    path("osoby/<int:pk>/osobni-udaje.json", views.person_export, name="person_export"),
    path("osoby/<int:pk>/vymaz/", views.person_erase, name="person_erase"),
    path("osoby/<int:pk>/ucet/odkaz/", views.person_account_link, name="person_account_link"),
    path("organy/<int:body_pk>/clenove/pridat/", views.membership_add, name="membership_add"),
    path("organy/<int:body_pk>/volba-vedouciho/", views.election_create, name="election_create"),
    path("clenstvi/<int:pk>/upravit/", views.membership_edit, name="membership_edit"),
    path("clenstvi/<int:pk>/ukoncit/", views.membership_end, name="membership_end"),
    path("clenstvi/<int:pk>/smazat/", views.membership_delete, name="membership_delete"),
]
