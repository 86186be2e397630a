"""Staff see a draft as investors will, clearly marked, never cached or indexed; the public still gets 404."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from content.staff import CONTENT_EDITORS
from inquiries.models import INQUIRY_HANDLERS
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return factories.company(
        "draft-co", name_en="Draft Co", summary_en="A summary nobody sees yet", is_published=False
    )


def preview_url(company, language):
    return reverse("admin:companies_company_preview", args=[company.pk, language])


def staff(django_user_model, group):
    user = django_user_model.objects.create_user(group.replace(" ", ""), password="x", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize(
    ("language", "banner", "text"),
    [("en", "Preview — not public", "A summary nobody sees yet"), ("ko", "미리보기 — 비공개", "요약")],
)
def test_an_editor_previews_a_draft_in_either_language(
    client, django_user_model, draft, language, banner, text
):
    client.force_login(staff(django_user_model, CONTENT_EDITORS))

    response = client.get(preview_url(draft, language))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert banner in html
    assert text in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


def test_the_public_page_of_a_draft_stays_404_even_for_staff(admin_client, client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert admin_client.get(draft.get_absolute_url()).status_code == 404
    assert "draft-co" not in client.get("/sitemap.xml").content.decode()


def test_visitors_and_inquiry_handlers_cannot_preview(client, django_user_model, draft):
    response = client.get(preview_url(draft, "en"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    client.force_login(staff(django_user_model, INQUIRY_HANDLERS))
    assert client.get(preview_url(draft, "en")).status_code == 403


def test_a_published_page_is_not_marked_as_a_preview(client):
    company = factories.company()

    html = client.get(company.get_absolute_url()).content.decode()

    assert "noindex" not in html
    assert "preview-banner" not in html


def test_the_change_form_links_to_the_page_and_both_previews(admin_client, draft):
    response = admin_client.get(
        reverse("admin:companies_company_change", args=[draft.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )

    html = response.content.decode()
    assert "View on site" in html
    assert f'href="{preview_url(draft, "ko")}"' in html
    assert f'href="{preview_url(draft, "en")}"' in html
    assert "Preview (한국어)" in html
    assert "Preview (English)" in html


def test_an_unknown_language_is_not_found(admin_client, draft):
    assert admin_client.get(preview_url(draft, "fr")).status_code == 404
