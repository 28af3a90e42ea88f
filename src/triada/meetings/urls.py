from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("jednani/", views.meeting_list, name="meetings"),
    path("povinnosti/", views.duties, name="duties"),
    path("organy/<int:body_pk>/dochazka/", views.body_attendance, name="body_attendance"),
    path("organy/<int:body_pk>/jednani/nove/", views.meeting_create, name="meeting_create"),
    path("jednani/<int:pk>/", views.meeting_detail, name="meeting"),
    path("jednani/<int:pk>/upravit/", views.meeting_edit, name="meeting_edit"),
    path("jednani/<int:pk>/program/", views.agenda_edit, name="agenda"),
    path("jednani/<int:pk>/hoste/", views.guests_edit, name="guests"),
    path("jednani/<int:pk>/podklady/", views.documents, name="documents"),
    path("jednani/<int:pk>/podklady/<int:document_pk>/", views.document_download, name="document"),
    path("jednani/<int:pk>/prezence/", views.attendance_edit, name="attendance"),
    path("jednani/<int:pk>/prezencni-listina.pdf", views.attendance_sheet, name="attendance_sheet"),
    path("jednani/<int:pk>/pozvanka/", views.invitation_send, name="invitation"),
]
