"""The staff form of the needs register. It checks the shape of the input; the rules are the
services'."""

from django import forms

from triada.meetings.models import Meeting
from triada.structure.models import Body

from .models import Need


class NeedForm(forms.ModelForm):
    """A need raised by a body; the coordinator also moderates needs from the public here."""

    class Meta:
        model = Need
        fields = ["text", "target_group", "body", "meeting", "status", "reason", "published"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, area, decides: bool, **kwargs):
        """`decides`: the coordinator decides the status; a leader records a new need."""
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(area=area)
        self.fields["meeting"].queryset = (
            Meeting.objects.filter(body__area=area).select_related("body").order_by("-starts_at")
        )
        if not self.instance.pk:
            del self.fields["published"]
            self.fields["body"].required = True
        if not decides:
            del self.fields["status"], self.fields["reason"]
