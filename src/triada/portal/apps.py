from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "triada.portal"

    def ready(self):
        from . import public_cache

        public_cache.connect()
