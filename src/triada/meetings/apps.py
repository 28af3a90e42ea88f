from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "triada.meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from triada.people import personal_data as people_personal_data
        from triada.ui import sections

        from . import personal_data, selectors

        people_personal_data.register(personal_data.SOURCE)
        sections.register(sections.BODY_PAGE, selectors.body_page)
