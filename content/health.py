"""What needs staff attention, as counted lines that each open the matching records in the admin.

Errors: a published record missing a language its public page shows (English or Korean), or without a
source where it names one. Warnings: figures older than PORTAL_FIGURE_MAX_AGE_MONTHS, incentives last
verified longer ago than PORTAL_INCENTIVE_MAX_AGE_MONTHS, companies marked active that a published deal
says were acquired, drafts whose publish-from time falls in the next seven days. Notices: records going
live in the next seven days.

A row that belongs to a record (a company's figure) is counted on that record, whose admin list the
line opens with the ``?health=<code>`` filter (``HealthFilter``): the same query counts and lists.
"""

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.db.models import ForeignKey, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import PublishedModel
from content.seeding import translated_fields
from content.staff import CONTENT_APPS

ERROR, WARNING, NOTICE = "error", "warning", "notice"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, NOTICE: 2}
SEVERITY_LABELS = {ERROR: _("Error"), WARNING: _("Warning"), NOTICE: _("Notice")}
SOON = datetime.timedelta(days=7)

MESSAGES = {
    "missing-en": _("published, with a field shown in Korean only (English missing)"),
    "missing-ko": _("published, with a field in English but not in Korean"),
    "no-source": _("published without a source"),
    "stale-figures": _("data dated more than %(months)d months ago"),
    "stale-incentive": _("last verified more than %(months)d months ago"),
    "active-but-acquired": _("marked active although a published deal says they were acquired"),
    "draft-scheduled-soon": _("drafts with a publish-from time in the next 7 days (they stay hidden)"),
    "scheduled-soon": _("scheduled to go live in the next 7 days"),
}
SEVERITIES = {
    "missing-en": ERROR,
    "missing-ko": ERROR,
    "no-source": ERROR,
    "stale-figures": WARNING,
    "stale-incentive": WARNING,
    "active-but-acquired": WARNING,
    "draft-scheduled-soon": WARNING,
    "scheduled-soon": NOTICE,
}


def months_before(day, months):
    """The same day `months` earlier, or that month's last day: (2026-11-28, 18) → 2025-05-28."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for day_of_month in range(day.day, 27, -1):
        try:
            return datetime.date(year, month + 1, day_of_month)
        except ValueError:
            continue
    return datetime.date(year, month + 1, min(day.day, 28))


@dataclass(frozen=True)
class HealthCheck:
    code: str
    model: type
    condition: Q  # on `model`, which is a published record with an admin list

    @property
    def severity(self):
        return SEVERITIES[self.code]

    @property
    def severity_label(self):
        return SEVERITY_LABELS[self.severity]

    @property
    def message(self):
        months = {
            "stale-figures": settings.PORTAL_FIGURE_MAX_AGE_MONTHS,
            "stale-incentive": settings.PORTAL_INCENTIVE_MAX_AGE_MONTHS,
        }.get(self.code, 0)
        return MESSAGES[self.code] % {"months": months} if months else MESSAGES[self.code]

    def records(self):
        return self.model._default_manager.filter(self.condition).distinct()


@dataclass(frozen=True)
class HealthLine:
    check: HealthCheck
    count: int

    @property
    def severity(self):
        return self.check.severity

    @property
    def model_name(self):
        return self.check.model._meta.verbose_name_plural

    def changelist_url(self):
        opts = self.check.model._meta
        return (
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            + "?"
            + urlencode({"health": self.check.code})
        )

    def as_dict(self):
        return {
            "severity": self.severity,
            "code": self.check.code,
            "model": self.check.model._meta.label_lower,
            "pk": None,
            "count": self.count,
            "message": f"{self.count} {self.model_name}: {self.check.message}",
        }

    def __str__(self):
        return f"{self.severity.upper():7} {self.count:>4} {self.model_name}: {self.check.message}"


def empty(name):
    return Q(**{name: ""}) | Q(**{f"{name}__isnull": True})


def filled(name):
    return ~empty(name)


def published_parent(model):
    """The foreign key from a row to the published record it belongs to (a figure's company), if any."""
    for model_field in model._meta.concrete_fields:
        is_parent = isinstance(model_field, ForeignKey) and not model_field.null
        if is_parent and issubclass(model_field.related_model, PublishedModel):
            return model_field
    return None


def row_checks(model):
    """(code, condition on `model`) for each problem a record or row of this model can have."""
    names = {model_field.name for model_field in model._meta.concrete_fields}
    translated = sorted(translated_fields(model))
    if translated:
        yield "missing-en", reduce(or_, (filled(f"{name}_ko") & empty(f"{name}_en") for name in translated))
        yield "missing-ko", reduce(or_, (filled(f"{name}_en") & empty(f"{name}_ko") for name in translated))
    if "source" in names and model._meta.get_field("source").null:
        yield "no-source", Q(source__isnull=True)
    if "as_of" in names:
        cutoff = months_before(timezone.localdate(), settings.PORTAL_FIGURE_MAX_AGE_MONTHS)
        yield "stale-figures", Q(as_of__lt=cutoff) | Q(as_of__isnull=True)
    if "last_verified_on" in names:
        cutoff = months_before(timezone.localdate(), settings.PORTAL_INCENTIVE_MAX_AGE_MONTHS)
        yield "stale-incentive", Q(last_verified_on__lt=cutoff) | Q(last_verified_on__isnull=True)


def health_checks():
    """Every check on every published content model, rows counted on the record they belong to."""
    now = timezone.now()
    checks = {}
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            parent = None if issubclass(model, PublishedModel) else published_parent(model)
            target = parent.related_model if parent else model
            if not issubclass(target, PublishedModel) or not admin.site.is_registered(target):
                continue
            for code, condition in row_checks(model):
                if parent:  # the records that have at least one such row
                    condition = Q(pk__in=model._default_manager.filter(condition).values(parent.attname))
                condition = Q(is_published=True) & condition
                key = (code, target)
                checks[key] = checks[key] | condition if key in checks else condition
            if model is target:
                soon = Q(publish_from__gt=now, publish_from__lte=now + SOON)
                checks[("draft-scheduled-soon", model)] = soon & Q(is_published=False)
                checks[("scheduled-soon", model)] = soon & Q(is_published=True)
                if hasattr(model.objects, "active_but_acquired"):
                    checks[("active-but-acquired", model)] = Q(pk__in=model.objects.active_but_acquired())
    return [HealthCheck(code, model, condition) for (code, model), condition in checks.items()]


def checks_for(model):
    return [check for check in health_checks() if check.model is model]


def health_report():
    """Lines with at least one record, errors first, then warnings, then notices."""
    lines = [HealthLine(check, check.records().count()) for check in health_checks()]
    lines = [line for line in lines if line.count]
    return sorted(lines, key=lambda line: (SEVERITY_ORDER[line.severity], -line.count))
