"""The upload form: which survey, which file, and (rarely) which layout."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidata.web.surveys.models import Survey

FORMAT_LABELS = {
    "kobo-xlsx": _("KoboToolbox XLSX export"),
    "kobo-csv": _("KoboToolbox CSV export"),
    "kobocat-csv": _("KoBoCAT / Ona CSV export (legacy)"),
    "odk-zip": _("ODK Central submissions.csv.zip"),
    "odk-csv": _("ODK Central CSV (no repeats)"),
    "plain-csv": _("Plain answers CSV (instance_id and one column per question)"),
}


class UploadForm(forms.Form):
    survey = forms.ModelChoiceField(queryset=Survey.objects.none(), label=_("Survey"))
    file = forms.FileField(label=_("Export file"))
    format = forms.ChoiceField(
        label=_("Layout"),
        required=False,
        choices=[("", _("Detect it from the file"))] + list(FORMAT_LABELS.items()),
    )

    def __init__(self, *args: Any, surveys: list[Survey], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["survey"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Survey.objects.filter(pk__in=[s.pk for s in surveys]).order_by("slug")
