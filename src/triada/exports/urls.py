"""Two sets of addresses: the public open data under /<area>/otevrena-data/ (namespace
`open_data`) and the coordinators' exports under /sprava/<area>/ (namespace `exports`)."""

from django.urls import path

from . import views

public = (
    [
        path("", views.open_data, name="index"),
        path("<slug:dataset>.<str:fmt>", views.open_data_download, name="download"),
    ],
    "open_data",
)

staff = (
    [
        path("exporty/", views.index, name="index"),
        path("exporty/spustit/", views.start, name="start"),
        path("exporty/<slug:dataset>.<str:fmt>", views.download, name="download"),
        path("exporty/ulohy/<int:pk>/", views.job, name="job"),
        path("exporty/ulohy/<int:pk>/stahnout/", views.job_download, name="job_download"),
        path("organy/<int:body_pk>/import/", views.roster_import, name="roster_import"),
    ],
    "exports",
)
