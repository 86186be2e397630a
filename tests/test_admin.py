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


def change_form_data(response):
    """What a browser would post back from an admin change form left as it was."""
    forms, data = [response.context["adminform"].form], {}
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({management.add_prefix(name): management[name].value() for name in management.fields})
        forms.extend(inline.formset.forms)
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            if value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)
    return data


def test_paragraphs_typed_in_the_admin_stay_paragraphs_on_the_public_page(admin_client, seeded_db):
    from django.utils import translation

    from stories.models import Story

    story = Story.objects.get(slug="deepbrain-ai-interview")
    url = reverse("admin:stories_story_change", args=[story.pk])
    data = change_form_data(admin_client.get(url))
    data["body_en"] = "First paragraph,\r\nstill the first.\r\n\r\nSecond paragraph.\r\n\r\n\r\nThird."
    data["answers-0-answer_en"] = "One answer.\r\n\r\nIts second paragraph."

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    story.refresh_from_db()
    assert story.body_en == "First paragraph,\nstill the first.\n\nSecond paragraph.\n\n\nThird."
    assert "\r" not in story.answers.first().answer_en
    with translation.override("en"):
        html = admin_client.get(story.get_absolute_url()).content.decode()
    assert "<p>First paragraph, still the first.</p>\n<p>Second paragraph.</p>\n<p>Third.</p>" in html
    assert "<p>One answer.</p>\n<p>Its second paragraph.</p>" in html


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_the_paragraph_filter_splits_at_blank_lines_whatever_the_line_endings(newline):
    from types import SimpleNamespace

    from django.utils import translation

    from content.templatetags.content import tr_paragraphs

    text = newline.join(["One,", "still one.", "", "Two.", " ", "", "Three."])
    story = SimpleNamespace(body=text, body_ko=text, body_en=text)
    with translation.override("en"):
        html = tr_paragraphs(story, "body")
    assert html == "<p>One, still one.</p>\n<p>Two.</p>\n<p>Three.</p>"


def test_name_reads_as_a_persons_name_or_an_organisations_in_korean():
    """One English word, two Korean ones: pgettext keeps them apart in the admin and its lists."""
    from django.utils import translation

    from companies.models import Company
    from inquiries.models import Inquiry
    from seoul.models import District

    with translation.override("ko"):
        assert str(Company._meta.get_field("name").verbose_name) == "명칭"
        assert str(District._meta.get_field("name").verbose_name) == "명칭"
        assert str(Inquiry._meta.get_field("name").verbose_name) == "성명"
