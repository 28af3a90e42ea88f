from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "triada.planning"
    verbose_name = _("community plans")

    def ready(self):
        from triada.needs.models import register_answered_needs
        from triada.people import personal_data as people_personal_data

        from . import personal_data, selectors

        people_personal_data.register(personal_data.SOURCE)
        register_answered_needs(selectors.answered_needs)
