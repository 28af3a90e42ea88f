from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "triada.people"
    verbose_name = _("People and organizations")

    def ready(self):
        from triada import events
        from triada.accounts.access import register_body_roles
        from triada.ui import sections

        from . import access, selectors, services

        register_body_roles(access.BODY_ROLES)
        sections.register(sections.BODY_PAGE, selectors.body_page)
        events.bodies_succeeded.connect(services.rosters_follow_succession)
