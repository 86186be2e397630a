"""Load the portal's seed content: YAML files in each app's seed/ folder, upserted by a stable key.

A file is a list of blocks ``{model: app.Model, records: [...]}``. In a record:
- a translated field takes ``{ko: ..., en: ...}`` with both languages (or one string for both);
- a foreign key or many-to-many field takes the related record's key (its ``slug`` or ``key``);
- a list under a reverse relation's name (e.g. ``highlights``) holds child records, matched to
  existing ones by their position (``order``).
By default what is missing is created (records, and child rows of existing records) and what exists is
left alone, so staff edits survive every ``make run``. ``update=True`` rewrites existing records from the
files and deletes child rows the files no longer have. Everything loads in one transaction: a broken
file loads nothing.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, transaction
from modeltranslation.translator import NotRegistered, translator

SEED_APPS = ["seoul", "companies", "institutions", "events", "incentives", "stories"]
KEY_FIELDS = ("slug", "key")


class SeedError(Exception):
    pass


@dataclass
class SeedReport:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)
    deleted: dict = field(default_factory=dict)

    def count(self, bucket, model, number=1):
        label = model._meta.label
        getattr(self, bucket)[label] = getattr(self, bucket).get(label, 0) + number


def seed_files():
    for app in SEED_APPS:
        folder = Path(apps.get_app_config(app).path) / "seed"
        yield from sorted(folder.glob("*.yaml"))


def key_field(model):
    for name in KEY_FIELDS:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        return name
    raise SeedError(f"{model._meta.label} has no slug or key field to seed by")


def translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return set()


class Loader:
    def __init__(self, *, update=False):
        self.update = update
        self.report = SeedReport()

    def load_all(self):
        with transaction.atomic():
            for path in seed_files():
                self.load_file(path)
        return self.report

    def load_file(self, path):
        for model, record in self.read(path):
            try:
                self.upsert(model, record)
            except SeedError as error:
                key = next((record[name] for name in KEY_FIELDS if name in record), "?")
                raise SeedError(f"{path}: {model._meta.label} {key!r}: {error}") from error

    @staticmethod
    def read(path):
        """(model, record) pairs of a seed file; a syntax error is reported with its line."""
        try:
            blocks = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
            problem = getattr(error, "problem", None) or error
            raise SeedError(f"{path}{where}: not valid YAML: {problem}") from error
        if not isinstance(blocks, list) or not all(isinstance(block, dict) for block in blocks):
            raise SeedError(f"{path}: expected a list of blocks {{model: app.Model, records: [...]}}")
        pairs = []
        for block in blocks:
            try:
                model = apps.get_model(block["model"])
            except (KeyError, LookupError, ValueError) as error:
                raise SeedError(f"{path}: unknown model in block {block.get('model')!r}") from error
            pairs.extend((model, record) for record in block.get("records") or [])
        return pairs

    def split(self, model, record):
        """Turn a YAML record into (field values, many-to-many keys, child lists)."""
        values, many, children = {}, {}, {}
        translated = translated_fields(model)
        for name, raw in record.items():
            if name in translated:
                values.update(self.translations(name, raw))
                continue
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise SeedError(f"{model._meta.label} has no field {name!r}") from error
            if model_field.one_to_many:
                children[name] = (model_field, raw or [])
            elif model_field.many_to_many:
                many[name] = [self.lookup(model_field.related_model, key) for key in raw or []]
            elif isinstance(model_field, models.ForeignKey):
                values[name] = None if raw is None else self.lookup(model_field.related_model, raw)
            elif isinstance(raw, float):
                values[name] = Decimal(str(raw))  # 15.2 stays 15.2, not 15.199999…
            else:
                values[name] = raw
        return values, many, children

    @staticmethod
    def translations(name, raw):
        if isinstance(raw, dict):
            unknown = set(raw) - {code for code, _label in settings.LANGUAGES}
            if unknown:
                raise SeedError(f"{name}: unknown language {sorted(unknown)}")
            missing = [code for code, _label in settings.LANGUAGES if not raw.get(code)]
            if missing:
                raise SeedError(
                    f"{name}: no text in {', '.join(missing)} (give every language, or one string for all)"
                )
            return {f"{name}_{code}": raw.get(code, "") for code, _label in settings.LANGUAGES}
        return {f"{name}_{code}": raw for code, _label in settings.LANGUAGES}

    @staticmethod
    def lookup(model, key):
        try:
            return model._default_manager.get(**{key_field(model): key})
        except model.DoesNotExist as error:
            raise SeedError(f"no {model._meta.label} with key {key!r} (is it defined earlier?)") from error

    def upsert(self, model, record, *, parent=None, position=None):
        values, many, children = self.split(model, record)
        if parent is None:
            name = key_field(model)
            if name not in values:
                raise SeedError(f"a {model._meta.label} record has no {name}")
            lookup = {name: values.pop(name)}
        else:
            values.setdefault("order", position)
            lookup = {**parent, "order": values.pop("order")}
        instance = model._default_manager.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup, **values)
            bucket = "created"
        elif self.update and differs(instance, values, many):
            for attr, value in values.items():
                setattr(instance, attr, value)
            bucket = "updated"
        else:
            bucket = "unchanged"
        if bucket != "unchanged":
            try:
                instance.full_clean()
            except ValidationError as error:
                raise SeedError(f"{model._meta.label} {lookup}: {error}") from error
            instance.save()
            for name, related in many.items():
                getattr(instance, name).set(related)
        self.report.count(bucket, model)
        for relation, rows in children.values():
            self.load_children(instance, relation, rows)
        return instance

    def load_children(self, instance, relation, rows):
        """Child rows by position: missing ones are created; with update, rows the file dropped go."""
        parent = {relation.field.name: instance}
        orders = [
            self.upsert(relation.related_model, row, parent=parent, position=index).order
            for index, row in enumerate(rows, start=1)
        ]
        if self.update:
            stale = relation.related_model._default_manager.filter(**parent).exclude(order__in=orders)
            deleted, _by_model = stale.delete()
            if deleted:
                self.report.count("deleted", relation.related_model, deleted)


def differs(instance, values, many):
    """True when the file's values are not what the record holds (so an update would change it)."""
    for attr, value in values.items():
        model_field = instance._meta.get_field(attr)
        if model_field.is_relation:
            current, wanted = getattr(instance, model_field.attname), getattr(value, "pk", None)
        else:
            current, wanted = getattr(instance, attr), model_field.to_python(value)
        if current != wanted:
            return True
    return any(
        set(getattr(instance, name).values_list("pk", flat=True)) != {obj.pk for obj in related}
        for name, related in many.items()
    )
