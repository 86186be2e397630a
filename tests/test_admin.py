"""Staff get clear messages in the admin, and keep everything they typed."""

import pytest
from django.urls import reverse

from companies.models import Deal
from tests import factories

pytestmark = pytest.mark.django_db


def deal_form(**changes):
    buyer = factories.company("buyer", kind="overseas", district=None)
    return {
        "slug": "new-deal",
        "title_ko": "새 인수 사례",
        "title_en": "A new acquisition",
        "acquirer": buyer.pk,
        "target": buyer.pk,
        "year": 2021,
        "amount_krw": "-5",
        "summary_ko": "요약",
        "summary_en": "A summary the editor wrote carefully",
        "source": factories.source().pk,
        "is_published": "on",
        "order": 0,
        **changes,
    }


def test_a_deal_with_the_same_company_on_both_sides_is_refused_and_nothing_typed_is_lost(admin_client):
    response = admin_client.post(reverse("admin:companies_deal_add"), deal_form(), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert response.status_code == 200
    assert "The acquired company must differ from the acquirer." in html
    assert "Ensure this value is greater than or equal to 0." in html
    assert "A summary the editor wrote carefully" in html
    assert 'value="A new acquisition"' in html
    assert not Deal.objects.exists()


def test_content_editors_cannot_manage_users(client, django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)

    assert client.get(reverse("admin:companies_company_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
