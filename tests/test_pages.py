"""Every public page answers in both languages with one <h1>; the admin opens for every model."""

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.urls import LocalePrefixPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from companies.models import Company, Deal
from events.models import Event
from incentives.models import Incentive
from institutions.models import Institution
from stories.models import Story

LANGUAGES = ["ko", "en"]


def public_url_names(patterns=None, namespace=""):
    """Every named public URL that takes no argument, found by walking the language-prefixed URL conf."""
    if patterns is None:
        roots = [p for p in get_resolver().url_patterns if isinstance(p.pattern, LocalePrefixPattern)]
        patterns = [pattern for root in roots for pattern in root.url_patterns]
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from public_url_names(pattern.url_patterns, prefix)
        elif pattern.name and not pattern.pattern.regex.groups:
            yield f"{namespace}{pattern.name}"


LIST_PAGES = sorted(public_url_names())
CONTENT_APPS = ["content", "seoul", "companies", "institutions", "events", "incentives", "stories"]
PORTAL_APPS = [*CONTENT_APPS, "inquiries", "auth"]
DETAIL_MODELS = [Company, Deal, Institution, Event, Incentive, Story]


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def h1_count(response):
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


def test_the_url_conf_walk_finds_the_public_pages():
    assert {"portal:home", "companies:list", "seoul:market", "inquiries:contact"} <= set(LIST_PAGES)


def detail_urls():
    for model in DETAIL_MODELS:
        for obj in model.objects.published():
            for language in LANGUAGES:
                with translation.override(language):
                    yield obj.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", LIST_PAGES)
def test_every_public_page_answers_with_one_h1_in_both_languages(client, seeded_db, name, language):
    response = client.get(url_in(language, name))
    assert response.status_code == 200
    assert h1_count(response) == 1
    assert f'<html lang="{language}">' in response.content.decode()


def test_every_detail_page_answers_with_one_h1(client, seeded_db):
    urls = list(detail_urls())
    assert len(urls) > 60
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert h1_count(response) == 1, url


def test_korean_and_english_pages_are_written_in_their_language(client, seeded_db):
    korean = client.get(url_in("ko", "companies:detail", "lunit")).content.decode()
    english = client.get(url_in("en", "companies:detail", "lunit")).content.decode()
    assert "<h1>루닛</h1>" in korean
    assert "<h1>Lunit</h1>" in english


def test_a_missing_english_value_falls_back_to_korean_marked_as_korean(client, seeded_db):
    Company.objects.filter(slug="lunit").update(summary_en="", description_en="")
    company = Company.objects.get(slug="lunit")

    html = client.get(url_in("en", "companies:detail", "lunit")).content.decode()

    assert f'<span lang="ko">{company.summary_ko}</span>' in html
    first_paragraph = " ".join(company.description_ko.split("\n\n")[0].split())
    assert f'<p lang="ko">{first_paragraph}</p>' in html


def test_the_bare_address_redirects_by_the_visitors_language(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR").url == "/ko/"


def test_each_page_links_to_its_other_language_version(client, seeded_db):
    html = client.get(url_in("en", "companies:detail", "lunit")).content.decode()
    assert 'href="http://testserver/ko/companies/lunit/" hreflang="ko"' in html
    assert '<link rel="alternate" hreflang="ko" href="http://testserver/ko/companies/lunit/">' in html


def test_unpublished_content_is_hidden_from_the_public(client, seeded_db):
    Company.objects.filter(slug="lunit").update(is_published=False)
    assert client.get(url_in("en", "companies:detail", "lunit")).status_code == 404
    assert "/companies/lunit/" not in client.get(url_in("en", "companies:list")).content.decode()


def test_an_unknown_page_gets_the_portals_404_in_the_visitors_language(client, db):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert h1_count(response) == 1


def test_unknown_directory_filters_are_ignored_with_a_notice(client, seeded_db):
    response = client.get(url_in("en", "companies:list"), {"district": "atlantis", "kind": "startup"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "were not recognised and were ignored" in html
    assert all(c.kind == Company.Kind.STARTUP for c in response.context["companies"])


def test_money_is_readable_in_both_languages(client, seeded_db):
    korean = client.get(url_in("ko", "companies:deal", "cognex-acquires-sualab")).content.decode()
    english = client.get(url_in("en", "companies:deal", "cognex-acquires-sualab")).content.decode()
    assert "2,300억 원" in korean
    assert "KRW 230 billion (about USD 178 million at the 2022 average rate)" in english
    assert "USD 1 = KRW 1,292, roughly the average exchange rate of 2022" in english


def admin_urls(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        yield reverse(f"{prefix}_changelist")
        if model_admin.has_add_permission(request):
            yield reverse(f"{prefix}_add")
        obj = model.objects.first()
        if obj is not None:
            yield reverse(f"{prefix}_change", args=[obj.pk])


def test_the_admin_opens_every_list_add_and_change_form(admin_client, admin_user, seeded_db):
    urls = list(admin_urls(admin_user))
    assert len(urls) > 50
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_every_content_model_is_in_the_admin():
    registered = set(admin.site._registry)
    for app in CONTENT_APPS:
        for model in apps.get_app_config(app).get_models():
            inline_only = model._meta.model_name in {
                "datapoint",
                "companyhighlight",
                "companyfigure",
                "institutionfigure",
                "program",
                "rankingentry",
                "eventfigure",
                "condition",
                "benefit",
                "supportspace",
                "answer",
            }
            assert model in registered or inline_only, model


def test_links_never_lead_to_an_unpublished_company(client, seeded_db):
    Company.objects.filter(slug__in=["samsung", "cognex"]).update(is_published=False)

    research = client.get(url_in("en", "companies:detail", "samsung-research")).content.decode()
    deal = client.get(url_in("en", "companies:deal", "cognex-acquires-sualab")).content.decode()

    assert "/companies/samsung/" not in research
    assert "Samsung Group" in research
    assert "/companies/cognex/" not in deal
    assert "/companies/sualab/" in deal


def test_company_and_event_pages_describe_themselves_to_search_engines(client, seeded_db):
    company = client.get(url_in("en", "companies:detail", "lunit")).content.decode()
    event = client.get(url_in("en", "events:detail", "ai-expo-korea")).content.decode()

    assert (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization"'
        in company
    )
    assert '"foundingDate": "2013"' in company
    assert '"@type": "Event"' in event
    assert '<meta property="og:locale" content="en_US">' in event
    assert '<meta property="og:title" content="Lunit">' in company


def test_the_server_error_page_speaks_the_visitors_language(rf):
    from portal.views import server_error

    for language, text in [("en", "Something went wrong"), ("ko", "문제가 발생했습니다")]:
        with translation.override(language):
            response = server_error(rf.get(f"/{language}/"))
        html = response.content.decode()
        assert response.status_code == 500
        assert f'<html lang="{language}">' in html
        assert text in html
        assert h1_count(response) == 1


def test_directory_facets_combine_and_count_what_each_choice_would_show(client, seeded_db):
    response = client.get(url_in("en", "companies:list"), {"district": "gangnam", "kind": "startup"})
    slugs = {company.slug for company in response.context["companies"]}
    facets = response.context["facets"]

    assert {"lunit", "riiid", "flitto", "deepbrain-ai"} <= slugs
    assert all(Company.objects.get(slug=slug).district.slug == "gangnam" for slug in slugs)
    assert facets["kind"]["startup"] == len(slugs)
    assert facets["sector"]["healthcare"] == 1
    assert facets["district"]["gangnam"] == len(slugs)
    assert 'value="startup" selected' in response.content.decode()

    healthcare = client.get(url_in("en", "companies:list"), {"sector": "healthcare", "status": "active"})
    assert [company.slug for company in healthcare.context["companies"]] == ["lunit"]
