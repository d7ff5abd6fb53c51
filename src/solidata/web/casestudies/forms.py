"""Forms of the case-study pages: the case study itself, its codes, consent, quotes, interviews
and photos."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from solidata.core.casestudies import CODE_LISTS
from solidata.web.casestudies.models import EDITABLE, CaseStudy, Consent, Interview, Quote
from solidata.web.registry.models import AdminArea, Organisation
from solidata.web.surveys.models import Survey
from solidata.web.surveys.selectors import method_of

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
CODE_LABELS = {"challenges": _("Challenges"), "opportunities": _("Opportunities")}


class CaseStudyForm(forms.ModelForm[CaseStudy]):
    class Meta:
        model = CaseStudy
        fields = ["survey", "organisation", *EDITABLE]
        widgets = {
            "interview_date": DATE,
            # Marked with their language: screen readers, spell checkers and the test that no
            # English shows on a Mongolian page all need to know.
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "title_mn": forms.TextInput(attrs={"lang": "mn"}),
            "summary_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
            "summary_mn": forms.Textarea(attrs={"rows": 4, "lang": "mn"}),
        }

    def __init__(
        self,
        *args: Any,
        surveys: QuerySet[Survey],
        organisations: QuerySet[Organisation],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        survey = self.fields["survey"]
        assert isinstance(survey, forms.ModelChoiceField)
        survey.queryset = surveys
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = organisations.order_by("name")
        area = self.fields["admin_area"]
        assert isinstance(area, forms.ModelChoiceField)
        area.queryset = AdminArea.objects.filter(country__in=surveys.values("country")).order_by(
            "code"
        )
        if self.instance.pk:  # the survey fixes the codes' lists: it stays
            survey.disabled = True
            organisation.disabled = True

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("title_en") or data.get("title_mn")):
            raise forms.ValidationError(_("Give a title in English or in Mongolian."))
        survey, organisation = data.get("survey"), data.get("organisation")
        if survey and organisation and survey.country_id != organisation.country_id:
            raise forms.ValidationError(_("The organisation is not in the survey's country."))
        return data


class CodesForm(forms.Form):
    """The method's challenge and opportunity choices as tick boxes, labelled in ``lang``."""

    def __init__(self, *args: Any, survey: Survey, lang: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        method = method_of(survey.method)
        for name in CODE_LISTS:
            question = method.question(name)
            choices = method.choice_list(question) if question else []
            self.fields[name] = forms.MultipleChoiceField(
                label=CODE_LABELS[name],
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(c.name, method.text(c.labels, lang) or c.name) for c in choices],
            )


class ConsentForm(forms.ModelForm[Consent]):
    class Meta:
        model = Consent
        fields = [
            "given_by",
            "given_on",
            "how",
            "interview",
            "quotes",
            "photos",
            "location",
            "publication",
            "withdrawn_on",
        ]
        widgets = {"given_on": DATE, "withdrawn_on": DATE}


class QuoteForm(forms.ModelForm[Quote]):
    class Meta:
        model = Quote
        fields = ["text", "language", "speaker_role", "consented"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class InterviewForm(forms.ModelForm[Interview]):
    class Meta:
        model = Interview
        fields = ["held_on", "interviewee_role", "language", "notes"]
        widgets = {"held_on": DATE, "notes": forms.Textarea(attrs={"rows": 5})}


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_(
            "JPEG, PNG or WebP. Its metadata, including the GPS position, is removed unless the "
            "consent covers the location."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)
