from django import forms
from django.utils.translation import gettext_lazy as _

from . import importing
from .models import Job


class ExportStartForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[(k.value, k.label) for k in (Job.Kind.AREA_XLSX, Job.Kind.MINUTES_ZIP)],
        widget=forms.HiddenInput,
    )


class RosterImportForm(forms.Form):
    """The file is checked here for what can be told at once (type, size, encoding, columns);
    its rows are checked by the task."""

    file = forms.FileField(
        label=_("File with the members (CSV or XLSX)"),
        help_text=_(
            "The first row names the columns. Required: first name, last name, side of the "
            "triad, from. Optional: titles, e-mail, phone, organization, IČO, function, to, "
            "consent to publishing the name."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > importing.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is too big: at most %(mb)d MB can be imported at once.")
                % {"mb": importing.MAX_BYTES // (1024 * 1024)}
            )
        upload.seek(0)
        data = upload.read(importing.MAX_BYTES + 1)
        try:
            table = importing.read_table(data, upload.name)
        except importing.ImportRefused as error:
            raise forms.ValidationError(str(error)) from error
        self.content, self.row_count = data, len(table.rows)
        return upload
