"""The public search over minutes (written and uploaded) and bodies."""

from django import forms
from django.core.validators import slug_re
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from triada.areas.models import Area
from triada.structure.models import Body

from .backends import search


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    oblast = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("all areas"),
    )
    organ = forms.ModelChoiceField(
        label=_("Body"), queryset=Body.objects.none(), required=False, empty_label=_("all bodies")
    )
    rok = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.data.get("oblast", "")
        # Only a slug is looked up: PostgreSQL refuses text with a NUL character outright.
        area = Area.objects.filter(slug=slug).first() if slug_re.fullmatch(slug) else None
        if area is not None:
            self.fields["organ"].queryset = Body.objects.filter(area=area)


def search_page(request):
    form = SearchForm(request.GET or None)
    hits = []
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        hits = search(data["q"], area=data["oblast"], body=data["organ"], year=data["rok"])
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "hits": hits,
            "area": form.cleaned_data.get("oblast") if form.is_bound and form.is_valid() else None,
        },
    )
