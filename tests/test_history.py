"""Every content change is kept: who, when, what, with a note; staff compare, restore and recover."""

import pytest
import reversion
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Version

from companies.models import Company, CompanyHighlight
from content.staff import CONTENT_APPS, CONTENT_EDITORS
from inquiries.models import INQUIRY_HANDLERS
from tests import factories
from tests.admin_forms import changeform_data

pytestmark = pytest.mark.django_db
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user")


def company_with_highlights():
    company = factories.company(summary_en="Builds speech models in Seoul")
    texts = [("첫 성과", "First milestone"), ("둘째 성과", "Second one")]
    for order, (korean, english) in enumerate(texts, start=1):
        CompanyHighlight.objects.create(
            company=company, year=2019 + order, text_ko=korean, text_en=english, order=order
        )
    return company


def save_in_admin(client, company, **changes):
    url = reverse("admin:companies_company_change", args=[company.pk])
    data = {**changeform_data(client.get(url, **ENGLISH)), **changes}
    response = client.post(url, data, **ENGLISH)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_every_content_model_is_versioned_and_no_inquiry_model_is():
    content_models = [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    assert content_models
    assert [model for model in content_models if not reversion.is_registered(model)] == []
    inquiry_models = apps.get_app_config("inquiries").get_models()
    assert [model for model in inquiry_models if reversion.is_registered(model)] == []


def test_an_admin_save_keeps_a_version_with_its_user_note_and_inline_rows(admin_client, admin_user):
    company = company_with_highlights()

    save_in_admin(admin_client, company, summary_en="Builds speech models", change_note="Fixed the English")

    version = versions_of(company).first()
    assert version.revision.user == admin_user
    assert version.revision.comment.startswith("Fixed the English — ")
    assert version.field_dict["summary_en"] == "Builds speech models"
    kept_rows = version.revision.version_set.filter(content_type__model="companyhighlight")
    assert sorted(row.field_dict["text_en"] for row in kept_rows) == ["First milestone", "Second one"]


def test_bulk_publish_keeps_one_version_per_record(admin_client):
    first = factories.company("first", is_published=False)
    second = factories.company("second", is_published=False)

    admin_client.post(
        reverse("admin:companies_company_changelist"),
        {"action": "publish", "_selected_action": [first.pk, second.pk]},
        **ENGLISH,
    )

    assert Company.objects.filter(slug__in=["first", "second"], is_published=True).count() == 2
    for company in (first, second):
        version = versions_of(company).get()
        assert version.field_dict["is_published"] is True
        assert version.revision.comment == "Published from the list"
        assert version.revision.version_set.filter(content_type__model="company").count() == 1


def test_load_seed_update_keeps_a_version_of_each_rewritten_record(seeded_db):
    company = Company.objects.get(slug="samsung")
    Company.objects.filter(pk=company.pk).update(summary_en="A staff edit")

    call_command("load_seed", "--update", verbosity=0)

    version = versions_of(company).first()
    assert "load_seed --update" in version.revision.comment
    assert version.field_dict["summary_en"] != "A staff edit"
    assert version.revision.version_set.filter(content_type__model="company").count() == 1


def test_the_changes_page_shows_each_changed_field_in_both_languages(admin_client):
    company = company_with_highlights()
    save_in_admin(admin_client, company, change_note="first")
    first = versions_of(company).get()
    save_in_admin(admin_client, company, summary_en="Builds vision models in Seoul", name_ko="새이름")

    url = reverse("admin:companies_company_version_changes", args=[company.pk, first.pk])
    html = admin_client.get(url, **ENGLISH).content.decode()

    assert "Summary [en]" in html
    assert "<del>speech</del>" in html
    assert "<ins>vision</ins>" in html
    assert "Name [ko]" in html
    assert "새이름" in html
    assert "Summary [ko]" not in html  # unchanged fields are not listed


def test_restoring_a_version_brings_back_the_record_and_its_inline_rows_as_a_new_version(admin_client):
    company = company_with_highlights()
    save_in_admin(admin_client, company, change_note="good state")
    good = versions_of(company).get()
    company.highlights.filter(order=2).delete()
    save_in_admin(admin_client, company, summary_en="A bad edit")

    restore_url = reverse("admin:companies_company_revision", args=[company.pk, good.pk])
    form_data = changeform_data(admin_client.get(restore_url, **ENGLISH))
    response = admin_client.post(restore_url, form_data, **ENGLISH)

    assert response.status_code == 302
    company.refresh_from_db()
    assert company.summary_en == "Builds speech models in Seoul"
    assert sorted(company.highlights.values_list("text_en", flat=True)) == ["First milestone", "Second one"]
    newest = versions_of(company).first()
    assert newest.pk not in {good.pk}
    assert newest.revision.comment.startswith("Reverted to previous version")
    assert versions_of(company).count() == 3


def test_a_deleted_record_is_recovered_with_its_inline_rows(admin_client):
    company = company_with_highlights()
    admin_client.post(reverse("admin:companies_company_delete", args=[company.pk]), {"post": "yes"})
    assert not Company.objects.filter(pk=company.pk).exists()

    listing = admin_client.get(reverse("admin:companies_company_recoverlist"), **ENGLISH)
    assert "테스트" in listing.content.decode()
    deleted = Version.objects.get_deleted(Company).get()
    recover_url = reverse("admin:companies_company_recover", args=[deleted.pk])
    form_data = changeform_data(admin_client.get(recover_url, **ENGLISH))
    response = admin_client.post(recover_url, form_data, **ENGLISH)

    assert response.status_code == 302
    recovered = Company.objects.get(slug="test-co")
    assert recovered.highlights.count() == 2


def staff(django_user_model, username, group):
    user = django_user_model.objects.create_user(username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_an_inquiry_handler_cannot_see_content_history(client, django_user_model):
    company = company_with_highlights()
    with reversion.create_revision():
        company.save()
    version = versions_of(company).get()
    client.force_login(staff(django_user_model, "handler", INQUIRY_HANDLERS))

    assert client.get(reverse("admin:companies_company_history", args=[company.pk])).status_code == 403
    changes = reverse("admin:companies_company_version_changes", args=[company.pk, version.pk])
    assert client.get(changes).status_code == 403
    restore = reverse("admin:companies_company_revision", args=[company.pk, version.pk])
    assert client.get(restore).status_code == 403


def test_a_content_editor_sees_history_but_not_inquiries(client, django_user_model):
    company = company_with_highlights()
    client.force_login(staff(django_user_model, "editor", CONTENT_EDITORS))

    assert client.get(reverse("admin:companies_company_history", args=[company.pk])).status_code == 200
    assert client.get(reverse("admin:inquiries_inquiry_changelist")).status_code == 403
