"""Forms of the committee's workspace: they check shapes only; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from solidata.web.committee.models import Decision, Proposal


class TextsForm(forms.Form):
    text_en = forms.CharField(
        label=_("Preamble (English)"), widget=forms.Textarea(attrs={"lang": "en"}), required=False
    )
    text_mn = forms.CharField(
        label=_("Preamble (Mongolian)"), widget=forms.Textarea, required=False
    )


class ClauseForm(forms.Form):
    clause = forms.IntegerField(required=False, widget=forms.HiddenInput)
    rule = forms.CharField(
        label=_("Rule"), max_length=2000, widget=forms.TextInput(attrs={"translate": "no"})
    )
    keeps = forms.ChoiceField(label=_("ILO principle or value it keeps"))
    text_en = forms.CharField(
        label=_("Wording (English)"), widget=forms.Textarea(attrs={"lang": "en"})
    )
    text_mn = forms.CharField(label=_("Wording (Mongolian)"), widget=forms.Textarea)

    def __init__(self, *args: Any, keeps: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["keeps"]
        assert isinstance(field, forms.ChoiceField)  # declared above
        field.choices = keeps


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(label=_("Change"), choices=Proposal.Kind.choices)
    clause = forms.IntegerField(label=_("Clause"), required=False)
    rule = forms.CharField(label=_("Rule"), max_length=2000, required=False)
    keeps = forms.CharField(label=_("ILO principle or value it keeps"), required=False)
    text_en = forms.CharField(
        label=_("Wording (English)"), widget=forms.Textarea(attrs={"lang": "en"}), required=False
    )
    text_mn = forms.CharField(label=_("Wording (Mongolian)"), widget=forms.Textarea, required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea)


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea, max_length=5000)
    proposal = forms.IntegerField(required=False, widget=forms.HiddenInput)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[c for c in Decision.Outcome.choices if c[0] != Decision.Outcome.ADOPTED],
    )
    proposal = forms.IntegerField(label=_("Proposal"), required=False)
    decided_by = forms.CharField(label=_("Who decided"), max_length=200)
    decided_on = forms.DateField(label=_("When"), widget=forms.DateInput(attrs={"type": "date"}))
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    attachment = forms.FileField(label=_("Minutes file (PDF, DOCX, ODT or TXT)"), required=False)


class AdoptForm(forms.Form):
    decided_by = forms.CharField(label=_("Who decided"), max_length=200)
    decided_on = forms.DateField(label=_("When"), widget=forms.DateInput(attrs={"type": "date"}))
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    attachment = forms.FileField(label=_("Minutes file (PDF, DOCX, ODT or TXT)"), required=False)


class TermForm(forms.Form):
    term = forms.ChoiceField(label=_("Term"))
    text_en = forms.CharField(
        label=_("English"), max_length=300, widget=forms.TextInput(attrs={"lang": "en"})
    )
    text_mn = forms.CharField(label=_("Mongolian"), max_length=300)
    working = forms.BooleanField(label=_("Still a working translation"), required=False)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, terms: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["term"]
        assert isinstance(field, forms.ChoiceField)  # declared above
        field.choices = terms
