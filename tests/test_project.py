"""Project-wide checks: migrations match the models, translations compile, staff groups exist."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_content_editors_edit_content_but_not_users_or_inquiries():
    editors = Group.objects.get(name="Content editors")
    codenames = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert ("companies", "change_company") in codenames
    assert ("incentives", "change_incentive") in codenames
    assert not any(app in {"auth", "inquiries"} for app, _codename in codenames)


@pytest.mark.django_db
def test_the_inquiry_handlers_group_exists():
    assert Group.objects.filter(name="Inquiry handlers").exists()
