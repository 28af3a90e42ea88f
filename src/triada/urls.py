from django.contrib import admin
from django.urls import include, path

from triada.search.views import search_page

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("ucet/", include("triada.accounts.urls")),
    path("sprava/", include("triada.staff.urls")),
    path("sprava/<slug:area_slug>/", include("triada.structure.urls")),
    path("sprava/<slug:area_slug>/", include("triada.people.urls")),
    path("sprava/<slug:area_slug>/", include("triada.meetings.urls")),
    path("sprava/<slug:area_slug>/", include("triada.minutes.urls")),
    path("sprava/<slug:area_slug>/", include("triada.planning.urls")),
    path("hledat/", search_page, name="search"),
    path("", include("triada.portal.urls")),
]
