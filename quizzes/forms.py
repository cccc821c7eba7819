"""Forms check the shape of input; services check the rules (quizzes.services.authoring.validate_question)."""

import re
from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from courses.models import Course, Module
from quizzes import grading
from quizzes.models import MultipleScoring, QuestionKind, Quiz
from quizzes.services import QuestionData
from quizzes.services.attempts import AttemptError
from quizzes.services.authoring import MAX_CHOICES

# --- trainee answers ------------------------------------------------------------------------------------

FIELD = re.compile(r"^q(\d{1,12})$")
MAX_VALUES_PER_QUESTION = 20


def answer_payload(data: QueryDict) -> dict[int, list[str]]:
    """Responses by question id from a POST: ``shown`` lists the questions on the page (so an emptied
    multiple-choice question counts as answered with nothing), ``q<id>`` carries the values."""
    responses: dict[int, list[str]] = {}
    for value in data.getlist("shown"):
        if not value.isdigit() or len(value) > 12:
            raise AttemptError(_("The form was damaged; please reload the page."))
        responses[int(value)] = []
    for key in data:
        match = FIELD.match(key)
        if match is None:
            continue  # csrf token, buttons and anything else are ignored
        values = data.getlist(key)
        if len(values) > MAX_VALUES_PER_QUESTION:
            raise AttemptError(_("Too many answers were sent for one question."))
        responses[int(match.group(1))] = values
    return responses


# --- trainers: quiz settings ----------------------------------------------------------------------------


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = [
            "title", "description", "module", "purpose", "pass_mark", "max_attempts",
            "time_limit_minutes", "draw_count", "shuffle_questions", "shuffle_choices", "feedback_policy",
            "is_required", "is_published",
        ]  # fmt: skip
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, course: Course, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = Module.objects.filter(course=course).order_by("position")
        self.fields["pass_mark"].max_value = 100
        self.fields["pass_mark"].widget.attrs["max"] = 100

    def clean_pass_mark(self) -> int:
        value = self.cleaned_data["pass_mark"]
        if value > 100:
            raise forms.ValidationError(_("The pass mark is a percentage, at most 100."))
        return value


# --- trainers: one question -----------------------------------------------------------------------------


class QuestionForm(forms.Form):
    """One form for every type; the fields a type does not use are ignored. Choices are fixed rows (no JS)."""

    text = forms.CharField(label=_lazy("Question"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    explanation = forms.CharField(
        label=_lazy("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_lazy("Shown with the correct answer after submission, if the quiz shows feedback."),
    )
    points = forms.IntegerField(label=_lazy("Points"), min_value=1, max_value=100, initial=1)
    multiple_scoring = forms.ChoiceField(
        label=_lazy("Scoring"),
        choices=MultipleScoring.choices,
        initial=MultipleScoring.ALL_OR_NOTHING,
        required=False,
    )
    true_answer = forms.TypedChoiceField(
        label=_lazy("The statement is"),
        choices=[("true", _lazy("True")), ("false", _lazy("False"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        required=False,
    )
    numeric_answer = forms.CharField(label=_lazy("Correct number"), required=False, max_length=40)
    numeric_tolerance = forms.CharField(
        label=_lazy("Tolerance (±)"), required=False, max_length=40, initial="0",
        help_text=_lazy("Answers this far from the correct number still count."),
    )  # fmt: skip
    accepted_answers = forms.CharField(
        label=_lazy("Accepted answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_lazy("One per line. Case and surrounding spaces are ignored."),
    )

    def __init__(self, *args, kind: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        keep = {"text", "explanation", "points"}
        if kind == QuestionKind.MULTIPLE:
            keep.add("multiple_scoring")
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            for index in range(1, MAX_CHOICES + 1):
                self.fields[f"choice_{index}"] = forms.CharField(
                    label=_("Choice %(n)s") % {"n": index}, required=False, max_length=500
                )
                self.fields[f"correct_{index}"] = forms.BooleanField(
                    label=_("Choice %(n)s is correct") % {"n": index}, required=False
                )
                keep.update({f"choice_{index}", f"correct_{index}"})
        if kind == QuestionKind.TRUE_FALSE:
            keep.add("true_answer")
        if kind == QuestionKind.NUMERIC:
            keep.update({"numeric_answer", "numeric_tolerance"})
        if kind == QuestionKind.SHORT_TEXT:
            keep.add("accepted_answers")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    @classmethod
    def initial_from(cls, data: QuestionData) -> dict:
        initial = {
            "text": data.text,
            "explanation": data.explanation,
            "points": data.points,
            "multiple_scoring": data.multiple_scoring,
            "true_answer": "true" if data.true_answer else "false",
            "numeric_answer": "" if data.numeric_answer is None else f"{data.numeric_answer.normalize():f}",
            "numeric_tolerance": f"{data.numeric_tolerance.normalize():f}",
            "accepted_answers": "\n".join(data.accepted_answers),
        }
        for index, (text, correct) in enumerate(data.choices, start=1):
            initial[f"choice_{index}"], initial[f"correct_{index}"] = text, correct
        return initial

    def _number(self, name: str, default: Decimal | None) -> Decimal | None:
        raw = (self.cleaned_data.get(name) or "").strip()
        if not raw:
            return default
        number = grading.parse_number(raw)
        if number is None:
            self.add_error(name, _("Enter a number, such as 12.5."))
        return number

    def question_data(self) -> QuestionData:
        """Call after is_valid(); number fields that do not parse add errors to the form."""
        cleaned = self.cleaned_data
        data = QuestionData(
            kind=self.kind,
            text=cleaned.get("text", ""),
            explanation=cleaned.get("explanation", ""),
            points=cleaned.get("points") or 1,
            multiple_scoring=cleaned.get("multiple_scoring") or MultipleScoring.ALL_OR_NOTHING,
        )
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            data.choices = [
                (cleaned[f"choice_{i}"].strip(), bool(cleaned.get(f"correct_{i}")))
                for i in range(1, MAX_CHOICES + 1)
                if (cleaned.get(f"choice_{i}") or "").strip()
            ]
        if self.kind == QuestionKind.TRUE_FALSE:
            data.true_answer = cleaned.get("true_answer") if cleaned.get("true_answer") != "" else None
        if self.kind == QuestionKind.NUMERIC:
            data.numeric_answer = self._number("numeric_answer", None)
            data.numeric_tolerance = self._number("numeric_tolerance", Decimal(0)) or Decimal(0)
        if self.kind == QuestionKind.SHORT_TEXT:
            data.accepted_answers = [
                line.strip() for line in (cleaned.get("accepted_answers") or "").splitlines() if line.strip()
            ]
        return data


class NewQuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_lazy("Type of question"), choices=QuestionKind.choices)


class ImportForm(forms.Form):
    file = forms.FileField(label=_lazy("CSV file (UTF-8)"))


class CopyQuestionForm(forms.Form):
    target = forms.ModelChoiceField(label=_lazy("Copy to quiz"), queryset=Quiz.objects.none())

    def __init__(self, *args, targets, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class ReorderForm(forms.Form):
    order = forms.CharField(
        max_length=5000, help_text=_lazy("Question ids in the new order, comma separated.")
    )

    def clean_order(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data["order"].split(",") if part.strip()]
        if not parts or not all(part.isdigit() and len(part) <= 12 for part in parts):
            raise forms.ValidationError(_("List the question ids separated by commas."))
        return [int(part) for part in parts]


def question_kind_label(kind: str) -> str:
    return str(QuestionKind(kind).label) if kind in QuestionKind.values else kind
