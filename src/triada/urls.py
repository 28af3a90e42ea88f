from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from triada.exports import urls as export_urls
from triada.people.views import my_data
from triada.search.views import search_page

urlpatterns = [
    # Without a form token (base.html): switching the language changes nothing of value.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    # The account's own data export is people's: it reads every app's personal data.
    path("ucet/osobni-udaje.json", my_data, name="my_data"),
    path("ucet/", include("triada.accounts.urls")),
    path("sprava/", include("triada.staff.urls")),
    path("sprava/<slug:area_slug>/", include("triada.structure.urls")),
    path("sprava/<slug:area_slug>/", include("triada.people.urls")),
    path("sprava/<slug:area_slug>/", include("triada.meetings.urls")),
    path("sprava/<slug:area_slug>/", include("triada.minutes.urls")),
    path("sprava/<slug:area_slug>/", include("triada.needs.urls")),
    path("sprava/<slug:area_slug>/", include("triada.planning.urls")),
    path("sprava/<slug:area_slug>/", include(export_urls.staff)),
    path("hledat/", search_page, name="search"),
    path("<slug:area_slug>/otevrena-data/", include(export_urls.public)),
    path("", include("triada.portal.urls")),
]
