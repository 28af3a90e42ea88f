"""Triáda's URLs plus a bare "hello" view that goes through the same middleware, served by the
same server in the same run (`bench/pages.py`)."""

from django.http import HttpResponse
from django.urls import path

from triada.urls import urlpatterns as triada_urlpatterns


def hello(request):
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("__hello__/", hello), *triada_urlpatterns]
