from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "triada.minutes"
    verbose_name = _("Minutes")

    def ready(self):
        from triada import events
        from triada.people import personal_data as people_personal_data
        from triada.ui import sections

        from . import personal_data, selectors

        people_personal_data.register(personal_data.SOURCE)
        sections.register(sections.BODY_PAGE, selectors.body_page)
        sections.register(sections.MEETING_PAGE, selectors.meeting_page)
        events.public_name_changed.connect(personal_data.on_public_name_changed)
