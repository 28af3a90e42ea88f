"""The anonymous public page cache, and its invalidation when the data changes.

A visitor without a session (nobody signed in, no message waiting) gets a public page from the
shared cache. Each cached page is stored with the *generation tokens* it was rendered under:
one for everything, one for its planning area (pages under `/<area>/`) or one for any change
(the cross-area pages: the index and search). A change to the data sets a new token for the
area it belongs to (and for "any"); a cached page whose tokens differ from the current ones is
rendered anew. Tokens are read before the view renders, so a change that commits during the
rendering leaves the stored page already stale, never wrongly fresh.

Tokens change at once (so the writer's own next request, and the tests, see the change) and
again when the transaction commits (so that a page rendered by a reader meanwhile, from the
data before the commit, is not kept). A change whose area cannot be told (or an Area itself)
changes the token for everything.
"""

import hashlib
import uuid
from collections import deque

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone

EVERYTHING = "public:generation"
ANY_AREA = "public:generation:any"
CACHED_NAMESPACES = {"portal", "open_data"}
CACHED_URL_NAMES = {"search"}
# The apps whose rows the public pages show. Others (accounts, audit, tasks) don't change them,
# except through the services, whose audit entries invalidate their area (see `connect`).
PUBLIC_APPS = {"areas", "structure", "people", "meetings", "minutes", "needs", "planning", "search"}


def area_key(area_id) -> str:
    return f"public:generation:area:{area_id}"


def _new_token() -> str:
    return uuid.uuid4().hex


def _set_tokens(keys: list[str]) -> None:
    cache.set_many(dict.fromkeys(keys, _new_token()), timeout=None)


def invalidate(area_id=None) -> None:
    """Make the cached pages of an area (of every area when None) stale, now and on commit."""
    keys = [area_key(area_id), ANY_AREA] if area_id is not None else [EVERYTHING]
    _set_tokens(keys)
    transaction.on_commit(lambda: _set_tokens(keys))


# -- which area a changed row belongs to ---------------------------------------------------


def _path_to_area(model) -> list[str] | None:
    """The shortest chain of foreign keys from the model to its Area (e.g. meeting → body)."""
    area_model = apps.get_model("areas", "Area")
    queue = deque([(model, [])])
    seen = {model}
    while queue:
        current, path = queue.popleft()
        for field in current._meta.concrete_fields:
            if not (field.many_to_one or field.one_to_one) or field.null:
                continue
            if field.related_model is area_model:
                return [*path, field.name]
            if field.related_model not in seen and len(path) < 5:
                seen.add(field.related_model)
                queue.append((field.related_model, [*path, field.name]))
    return None


_paths: dict = {}


def area_of(instance):
    """The area id of a row, or None when it cannot be told (a parent already deleted)."""
    model = type(instance)
    if model not in _paths:
        _paths[model] = _path_to_area(model)
    path = _paths[model]
    if path is None:
        return None
    current = instance
    for n, name in enumerate(path):
        field = current._meta.get_field(name)
        if n == len(path) - 1:
            return getattr(current, field.attname)
        if not field.is_cached(current):
            # One query for the rest of the chain rather than one per step.
            parent = field.related_model.objects.filter(pk=getattr(current, field.attname))
            return parent.values_list("__".join(path[n + 1 :]), flat=True).first()
        current = getattr(current, name)
    return None


def _changed(sender, instance, **kwargs):
    model = type(instance)
    if model._meta.app_label not in PUBLIC_APPS or kwargs.get("action", "post_").startswith("pre_"):
        return
    if model._meta.label == "areas.Area":
        invalidate()
        return
    try:
        area_id = area_of(instance)
    except ObjectDoesNotExist:
        area_id = None
    invalidate(area_id)


def _audited(sender, instance, created, **kwargs):
    # Services write changes that send no signal (bulk_create, update()) with an audit entry
    # of the area; security events have no area and change no public page.
    if instance.area_id is not None:
        invalidate(instance.area_id)


def connect() -> None:
    for model in apps.get_models():
        if model._meta.app_label in PUBLIC_APPS:
            post_save.connect(_changed, sender=model, dispatch_uid=f"public-cache-{model}")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"public-cache-d-{model}")
    m2m_changed.connect(_changed, dispatch_uid="public-cache-m2m")
    post_save.connect(
        _audited, sender=apps.get_model("audit", "AuditEntry"), dispatch_uid="public-cache-audit"
    )


# -- the middleware ------------------------------------------------------------------------


class PublicPageCacheMiddleware:
    """Serves anonymous GETs of the public pages from the cache (placed after LocaleMiddleware:
    the language is part of the key)."""

    def __init__(self, get_response):
        self.get_response = get_response
        # slug → area id, kept while the token for everything stays the same (an area's
        # rename or removal changes that token).
        self.area_ids: dict[str, int | None] = {}
        self.area_ids_token = None

    def __call__(self, request):
        seconds = settings.TRIADA_PUBLIC_CACHE_SECONDS
        match = self._cacheable_match(request) if seconds else None
        if match is None:
            return self.get_response(request)
        slug = match.kwargs.get("area_slug")
        everything = cache.get(EVERYTHING)
        if everything is None:
            everything = _new_token()
            cache.add(EVERYTHING, everything, timeout=None)
            everything = cache.get(EVERYTHING)
        if everything != self.area_ids_token:
            self.area_ids, self.area_ids_token = {}, everything
        if slug is not None:
            if slug not in self.area_ids:
                model = apps.get_model("areas", "Area")
                self.area_ids[slug] = (
                    model.objects.filter(slug=slug).values_list("pk", flat=True).first()
                )
            if self.area_ids[slug] is None:
                return self.get_response(request)  # no such area: a 404, not cached
            scope = area_key(self.area_ids[slug])
        else:
            scope = ANY_AREA
        page = self._page_key(request)
        found = cache.get_many([scope, page])
        tokens = (everything, found.get(scope))
        entry = found.get(page)
        if tokens[1] is not None and entry is not None and entry[0] == tokens:
            return self._response(entry)
        if tokens[1] is None:
            cache.add(scope, _new_token(), timeout=None)
            tokens = (everything, cache.get(scope))
        response = self.get_response(request)
        if self._storable(request, response):
            entry = (tokens, response.status_code, list(response.items()), response.content)
            cache.set(page, entry, timeout=seconds)
        return response

    def _cacheable_match(self, request):
        if request.method not in ("GET", "HEAD"):
            return None
        # A session (someone signed in) or a message waiting makes the page personal.
        if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.namespace in CACHED_NAMESPACES or match.url_name in CACHED_URL_NAMES:
            return match
        return None

    @staticmethod
    def _page_key(request) -> str:
        # Today's date is part of the key: pages show what holds on the day.
        today = timezone.localdate().isoformat()
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        return f"public:page:{request.LANGUAGE_CODE}:{today}:{request.method}:{path}"

    @staticmethod
    def _storable(request, response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            # A page with a form token is the visitor's own.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            # Nor is a page that started a session (its cookie is set after this middleware).
            and not (hasattr(request, "session") and request.session.modified)
            and "private" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _response(entry):
        _tokens, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
