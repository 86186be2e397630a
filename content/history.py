"""Reading a record's history: what changed between a kept version and the record as it is now.

Versions are kept by django-reversion (see ``ContentAdmin``); this module only compares. Translated
fields are compared per language (``name [ko]``, ``name [en]``), inline rows one by one.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from reversion.revisions import _get_options

from content.seeding import translated_fields

# django-reversion ships no Korean catalogue: these are its own messages, listed so ours translates them.
REVERSION_MESSAGES = (
    gettext_noop("Initial version."),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Could not load %(object_repr)s version - not found"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Recover deleted %(name)s"),
)

NOT_COMPARED = {"id", "updated_at"}
CHANGED, REMOVED, ADDED = "changed", "removed", "added"
STATUS_LABELS = {CHANGED: _("changed"), REMOVED: _("removed since"), ADDED: _("added since")}
WORDS = re.compile(r"(\s+)")


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class RecordChanges:
    """One record of the version (the main one or an inline row) and how it differs from today."""

    title: str
    status: str  # CHANGED, REMOVED or ADDED
    fields: list = field(default_factory=list)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def compared_fields(model):
    """Editable fields in each language; the untranslated original of a translated field is skipped."""
    originals = translated_fields(model)
    return [
        model_field
        for model_field in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if model_field.name not in NOT_COMPARED and model_field.name not in originals
    ]


def readable(model_field, value):
    if value in (None, "", []):
        return "—"
    if model_field.many_to_many:
        related = model_field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in related))
    if model_field.is_relation:
        related = model_field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related else gettext("#%(id)s (deleted)") % {"id": value}
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return str(value)


def raw_value(model_field, instance, m2m_data=None):
    if model_field.many_to_many:
        if m2m_data is not None:
            return sorted(str(pk) for pk in m2m_data.get(model_field.name, []))
        return sorted(str(pk) for pk in getattr(instance, model_field.name).values_list("pk", flat=True))
    return model_field.value_from_object(instance)


def word_diff(before, after):
    """Both texts as HTML, removed words in <del> and added words in <ins>, everything else escaped."""
    old, new = WORDS.split(before), WORDS.split(after)
    old_html, new_html = [], []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        removed, added = escape("".join(old[i1:i2])), escape("".join(new[j1:j2]))
        if operation == "equal":
            old_html.append(removed)
            new_html.append(added)
            continue
        if removed:
            old_html.append(f"<del>{removed}</del>")
        if added:
            new_html.append(f"<ins>{added}</ins>")
    return mark_safe("".join(old_html)), mark_safe("".join(new_html))


def field_changes(model, kept, current, kept_m2m=None):
    """The fields whose kept value differs from the current one (or every filled field if one is missing)."""
    changes = []
    for model_field in compared_fields(model):
        before = raw_value(model_field, kept, kept_m2m) if kept is not None else None
        after = raw_value(model_field, current) if current is not None else None
        if before == after or (before in (None, "", []) and after in (None, "", [])):
            continue
        before_text, after_text = readable(model_field, before), readable(model_field, after)
        if isinstance(model_field, models.TextField | models.CharField) and kept and current:
            before_text, after_text = word_diff(before_text, after_text)
        changes.append(FieldChange(str(model_field.verbose_name), before_text, after_text))
    return changes


def version_changes(version, current):
    """How the record and its followed inline rows in `version` differ from `current` and its rows today."""
    kept = version._object_version
    records = [
        RecordChanges(
            str(current),
            CHANGED,
            field_changes(version._model, kept.object, current, kept.m2m_data),
        )
    ]
    kept_rows = {
        (row.content_type_id, row.object_id): row
        for row in version.revision.version_set.exclude(pk=version.pk).select_related("content_type")
    }
    current_rows = {}
    for follow in _get_options(type(current)).follow:
        for row in getattr(current, follow).all():
            current_rows[(ContentType.objects.get_for_model(row).pk, str(row.pk))] = row
    for key, row_version in kept_rows.items():
        model = row_version._model
        row = current_rows.pop(key, None)
        kept_row = row_version._object_version
        label = f"{model._meta.verbose_name}: {row_version.object_repr}"
        changes = field_changes(model, kept_row.object, row, kept_row.m2m_data)
        if row is None:
            records.append(RecordChanges(label, REMOVED, changes))
        elif changes:
            records.append(RecordChanges(label, CHANGED, changes))
    for row in current_rows.values():
        label = f"{row._meta.verbose_name}: {row}"
        records.append(RecordChanges(label, ADDED, field_changes(type(row), None, row)))
    return records
