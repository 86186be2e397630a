"""ESG and AI-ethics stories and interviews with people building Seoul's AI scene."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.models import PublishedModel, PublishedQuerySet, Source


class StoryQuerySet(PublishedQuerySet):
    def interviews(self):
        return self.published().filter(kind=Story.Kind.INTERVIEW)

    def esg(self):
        return self.published().exclude(kind=Story.Kind.INTERVIEW)


class Story(PublishedModel):
    class Kind(models.TextChoices):
        ESG = "esg", _("ESG")
        ETHICS = "ethics", _("AI ethics")
        INTERVIEW = "interview", _("Interview")

    slug = models.SlugField(_("slug"), unique=True, max_length=80)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("text"), help_text=_("Paragraphs separated by a blank line."))
    company = models.ForeignKey(
        "companies.Company",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("company"),
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stories",
        verbose_name=_("institution"),
    )
    person_name = models.CharField(_("interviewee"), max_length=120, blank=True)
    person_role = models.CharField(_("interviewee's role"), max_length=300, blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("source")
    )
    published_on = models.DateField(_("date"), null=True, blank=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("stories:detail", args=[self.slug])


class Answer(models.Model):
    """One question and answer of an interview, retold in the portal's own words."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(_("question"), max_length=300)
    answer = models.TextField(_("answer"))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["story", "order", "pk"]
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self):
        return self.question
