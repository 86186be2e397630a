"""Search finds every kind of public record, best first across kinds, in both languages; forgives typos
and partial Korean words; knows staff's synonyms; never shows a draft; escapes everything; pages results."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import Company, CompanyHighlight, Sector
from incentives.models import Incentive
from institutions.models import Institution, Program
from portal.forms import SearchForm
from search.models import SearchEntry, SynonymGroup
from seoul.models import Dataset, KeyFigure, PolicyLine, PublicServiceCase
from stories.models import Story
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded_db")


def search(client, query, language="en", **params):
    with translation.override(language):
        url = reverse("portal:search")
    return client.get(url, {"q": query, **params})


def found(response):
    """[(kind, slug, key or English name)] of the page's results, best first."""
    return [(hit.document.key, identifier(hit.record)) for hit in response.context["results"].hits]


def identifier(record):
    return getattr(record, "slug", None) or getattr(record, "key", None) or record.name_en


@pytest.mark.parametrize(
    ("language", "query", "best"),
    [
        # AI graduate schools before the 20 companies that mention AI
        (
            "ko",
            "AI 대학원",
            [("institutions", "kaist-graduate-school-of-ai"), ("institutions", "snu-graduate-school-of-ai")],
        ),
        (
            "en",
            "AI graduate school",
            [("institutions", "kaist-graduate-school-of-ai"), ("institutions", "snu-graduate-school-of-ai")],
        ),
        (
            "ko",
            "인공지능 대학원",
            [("institutions", "snu-graduate-school-of-ai"), ("institutions", "kaist-graduate-school-of-ai")],
        ),
        # synonyms: 인수 ↔ M&A ↔ acquisition, and English stemming (acquisition → acquire → "acquires")
        (
            "en",
            "acquisition",
            [("deals", "match-group-acquires-hyperconnect"), ("deals", "cognex-acquires-sualab")],
        ),
        ("ko", "인수", [("deals", "match-group-acquires-hyperconnect"), ("deals", "cognex-acquires-sualab")]),
        ("en", "M&A", [("deals", "match-group-acquires-hyperconnect"), ("deals", "cognex-acquires-sualab")]),
        # 세금 ↔ 조세 ↔ tax; 사무실 ↔ 사무공간 ↔ office
        ("ko", "세금", [("incentives", "tax-reductions")]),
        ("en", "tax", [("incentives", "tax-reductions")]),
        ("ko", "사무실", [("incentives", "office-space")]),
        ("en", "office", [("incentives", "office-space")]),
        # Korean typo (one syllable) and English typos
        ("ko", "삼송", [("companies", "samsung")]),
        ("en", "samsng", [("companies", "samsung")]),
        ("en", "hyperconect", [("companies", "hyperconnect")]),
        # names and partial Korean words
        ("en", "루닛", [("companies", "lunit")]),
        ("en", "Lunit", [("companies", "lunit")]),
        ("en", "플리", [("companies", "flitto")]),
        ("en", "kakao brain", [("companies", "kakao-brain")]),
        ("ko", "양재", [("institutions", "ai-yangjae-hub")]),
        ("en", "cash grant", [("incentives", "cash-grants")]),
        ("en", "AI Expo", [("events", "ai-expo-korea")]),
        # every kind of public page
        ("en", "Gangnam-bot", [("cases", "gangnam-bot")]),
        ("ko", "양재 AI 클러스터", [("policy", "yangjae-ai-cluster-2022")]),
        ("en", "Government AI Readiness 2021 world ranking", [("datasets", "government-ai-readiness-2021")]),
        ("en", "AI market size 2025", [("figures", "korea-ai-market-2025")]),
        ("en", "Lambda architecture", [("companies", "smartmind"), ("stories", "smartmind-interview")]),
        ("ko", "람다 아키텍처", [("companies", "smartmind"), ("stories", "smartmind-interview")]),
        ("en", "newly issued shares", [("incentives", "cash-grants")]),
        ("en", "AI chip design", [("programs", "AI chip design course")]),
    ],
)
def test_each_example_finds_what_it_should_first(client, language, query, best):
    response = search(client, query, language)
    assert response.status_code == 200
    assert found(response)[: len(best)] == best, found(response)[:5]


@pytest.mark.parametrize("query", ["semiconductor", "반도체"])
def test_semiconductor_finds_the_companies_in_that_sector_first(client, query):
    sector = Sector.objects.get(slug="semiconductors-electronics")
    in_sector = {("companies", company.slug) for company in sector.companies.all()}
    assert len(in_sector) == 4
    assert set(found(search(client, query))[:4]) == in_sector


def test_results_show_their_kind_and_highlight_the_matched_words(client):
    html = search(client, "AI graduate school").content.decode()
    assert html.index("KAIST Graduate School of AI") < html.index(
        "Seoul National University Graduate School of AI"
    )
    assert '<p class="result__kind">University AI graduate school</p>' in html
    assert "<mark>graduate</mark> <mark>school</mark>" in html

    korean = search(client, "삼성", "ko").content.decode()
    assert "<mark>삼성</mark>" in korean
    assert '<p class="result__kind">대한민국 AI 리더</p>' in korean


def test_a_korean_snippet_on_an_english_page_is_marked_korean(client):
    factories.company(
        "korean-only", name_ko="퀀텀랩", name_en="", summary_en="", summary_ko="양자 컴퓨팅 스타트업"
    )
    html = search(client, "퀀텀랩").content.decode()
    assert re.search(r'<p class="result__snippet" lang="ko">\s*양자 컴퓨팅 스타트업', html)


def test_english_stemming_finds_other_forms_of_a_word(client):
    factories.company(
        "buyer-co", name_en="Orbit Holdings", summary_en="Orbit acquires robotics startups in Seoul."
    )
    assert ("companies", "buyer-co") in found(search(client, "acquired"))
    assert ("companies", "buyer-co") in found(search(client, "acquisition"))  # synonym acquire → stem acquir


def test_staff_synonyms_take_effect_at_once(client):
    factories.company("visa-desk", name_en="Entry Desk", summary_en="Help with 사증 paperwork for founders.")
    assert ("companies", "visa-desk") not in found(search(client, "visa"))
    SynonymGroup.objects.create(terms=["Visa", " 사증 "])
    assert SynonymGroup.objects.get(terms__contains=["visa"]).terms == ["visa", "사증"]
    assert ("companies", "visa-desk") in found(search(client, "visa"))


def test_staff_edit_synonyms_in_the_admin(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Content editors"))
    client.force_login(editor)
    response = client.post(
        reverse("admin:search_synonymgroup_add"), {"terms": "비자, Visa, entry permit", "note": ""}
    )
    assert response.status_code == 302, response.content.decode()
    assert SynonymGroup.objects.filter(terms=["비자", "visa", "entry permit"]).exists()
    response = client.post(reverse("admin:search_synonymgroup_add"), {"terms": "visa", "note": ""})
    assert "같은 뜻의 단어를 두 개 이상 입력하세요." in response.content.decode()  # the admin speaks Korean


# Drafts: each kind, unpublished (or, for a programme, its institution unpublished), never shows.
DRAFTS = [
    (Company, "lunit", "루닛", "companies"),
    (Institution, "kaist-graduate-school-of-ai", "카이스트", "institutions"),
    (Incentive, "tax-reductions", "tax reductions", "incentives"),
    (Story, "smartmind-interview", "ThanoSQL", "stories"),
    (PolicyLine, "yangjae-ai-cluster-2022", "양재 AI 클러스터", "policy"),
    (PublicServiceCase, "gangnam-bot", "Gangnam-bot", "cases"),
]


@pytest.mark.parametrize(("model", "slug", "query", "kind"), DRAFTS)
def test_a_draft_never_shows(client, model, slug, query, kind):
    assert (kind, slug) in found(search(client, query))
    record = model.objects.get(slug=slug)
    record.is_published = False
    record.save()
    first = search(client, query)
    every_page = [
        hit
        for number in range(1, first.context["results"].page.paginator.num_pages + 1)
        for hit in found(search(client, query, page=number))
    ]
    assert (kind, slug) not in every_page
    assert first.context["results"].count == len(every_page)  # nor counted


def test_visibility_is_decided_when_searching_not_when_indexing(client):
    """A change that sends no signal (a bulk update, or a publication date passing) still hides the record."""
    Company.objects.filter(slug="lunit").update(is_published=False)
    KeyFigure.objects.filter(key="korea-ai-market-2025").update(is_published=False)
    Dataset.objects.filter(key="government-ai-readiness-2021").update(is_published=False)
    assert ("companies", "lunit") not in found(search(client, "lunit"))
    assert ("figures", "korea-ai-market-2025") not in found(search(client, "AI market size 2025"))
    assert ("datasets", "government-ai-readiness-2021") not in found(
        search(client, "Government AI Readiness")
    )


def test_programmes_of_a_draft_institution_stay_hidden(client):
    program = Program.objects.get(name_en="AI chip design course")
    assert ("programs", program.name_en) in found(search(client, "AI chip design"))
    Institution.objects.filter(pk=program.institution_id).update(is_published=False)
    assert ("programs", program.name_en) not in found(search(client, "AI chip design"))


def test_the_index_follows_every_save_and_delete(client):
    lunit = Company.objects.get(slug="lunit")
    lunit.name_en = "Lunit Oncology"
    lunit.save()
    assert ("companies", "lunit") in found(search(client, "oncology"))

    CompanyHighlight.objects.create(company=lunit, year=2021, text_en="Won the Zephyrine prize", order=9)
    assert ("companies", "lunit") in found(search(client, "zephyrine"))

    lunit.sectors.add(Sector.objects.get(slug="mobility"))
    assert ("companies", "lunit") in found(search(client, "autonomous driving"))

    deal = factories.deal(title_en="Nimbus buys Cirrus", slug="nimbus-cirrus")
    deal.target.name_en = "Cirrus Vision"
    deal.target.save()  # the deal quotes its companies' names
    assert ("deals", "nimbus-cirrus") in found(search(client, "Cirrus Vision"))

    deal.delete()
    assert not SearchEntry.objects.filter(kind="deals", object_id=deal.pk).exists()


def test_rebuild_indexes_what_bypassed_save(client):
    Company.objects.filter(slug="lunit").update(summary_en="Makes the Quasarine scanner.")
    assert ("companies", "lunit") not in found(search(client, "quasarine"))
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ("companies", "lunit") in found(search(client, "quasarine"))
    assert SearchEntry.objects.filter(kind="companies").count() == Company.objects.count()


def test_migrate_fills_an_empty_index():
    """A first deploy onto a database that already has content gets a full index from `migrate`."""
    SearchEntry.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert SearchEntry.objects.filter(kind="companies").count() == Company.objects.count()
    assert SearchEntry.objects.filter(kind="programs").count() == Program.objects.count()


def test_everything_is_escaped(client):
    factories.company(
        "script-co",
        name_en="Script <b>Co</b>",
        summary_en='<script>alert("x")</script> Quasar <script>alert("x")</script> analytics',
    )
    html = search(client, "quasar").content.decode()
    assert "<script>alert" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") == 2  # before and after the match
    assert "<b>Co</b>" not in html

    html = search(client, '<script>alert("q")</script>').content.decode()
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html


def test_results_come_in_pages_whose_links_keep_the_query(client):
    for number in range(25):
        factories.company(f"robotix-{number}", name_en=f"Robotix {number}", name_ko=f"로보틱스 {number}")
    first = search(client, "robotix")
    count = first.context["results"].count
    assert 25 <= count <= 30  # ours, and a name or two that comes close ("robotics")
    assert len(found(first)) == 10
    html = first.content.decode()
    pagination = html[
        html.index('class="pagination"') : html.index("</nav>", html.index('class="pagination"'))
    ]
    links = re.findall(r'<a href="([^"]*)"', pagination)
    assert len(links) == 3  # pages 2 and 3, and "next"
    assert all(link.startswith("?q=robotix&amp;page=") for link in links), links
    assert 'href="?q=robotix&amp;page=2" rel="next"' in html
    second = search(client, "robotix", page=2)
    assert len(found(second)) == 10
    assert not set(found(first)) & set(found(second))
    assert len(found(search(client, "robotix", page=3))) == count - 20
    assert len(found(search(client, "robotix", page="999"))) == count - 20  # past the end: the last page


def test_search_answers_get_only(client):
    with translation.override("en"):
        url = reverse("portal:search")
    assert client.post(url, {"q": "lunit"}).status_code == 405


def test_search_takes_a_constant_number_of_queries(client, django_assert_max_num_queries):
    """At most one query per kind on the page, however many records match."""
    institution = Institution.objects.get(slug="ai-yangjae-hub")

    def add(first, last):
        for number in range(first, last):
            factories.company(f"vision-{number}", name_en=f"Visionary Labs {number}", summary_en="Robot eyes")
            Program.objects.create(
                institution=institution, name_en=f"Visionary course {number}", name_ko="비전"
            )

    add(0, 1)
    with CaptureQueriesContext(connection) as few:
        assert search(client, "visionary").context["results"].count == 3  # and Hyundai, "named Visionary"
    add(1, 60)
    with django_assert_max_num_queries(len(few.captured_queries)):  # no more for 121 results
        assert search(client, "visionary").context["results"].count == 121
    with django_assert_max_num_queries(len(few.captured_queries)):
        search(client, "visionary", page=5)
    assert len(few.captured_queries) <= 10


def test_nothing_found_offers_the_closest_matches_and_a_prefilled_inquiry(client):
    response = search(client, "visa")
    html = response.content.decode()
    assert response.context["results"].count == 0
    assert "Nothing found for “visa”" in html
    assert response.context["results"].suggestions
    assert "The closest matches:" in html
    with translation.override("en"):
        contact = reverse("inquiries:contact")
    assert f'href="{contact}?about=visa">Ask Invest Seoul about visa</a>' in html
    contact_page = client.get(contact, {"about": "visa"}).content.decode()
    assert "Your inquiry is about: visa" in contact_page


def test_nothing_found_in_korean(client):
    html = search(client, "비자", "ko").content.decode()
    assert "“비자”에 대한 결과가 없습니다" in html
    assert "비자에 대해 서울투자청에 문의하기" in html


def test_an_empty_query_shows_the_form_without_results(client):
    response = search(client, "   ")
    assert response.status_code == 200
    assert response.context["results"] is None


def test_a_too_long_query_gets_a_clear_message_and_keeps_the_text(client):
    response = search(client, "x" * 101)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please shorten your search to 100 characters or fewer (it has 101)." in html
    assert 'aria-invalid="true"' in html
    assert "x" * 101 in html
    korean = search(client, "가" * 101, "ko").content.decode()
    assert "검색어를 100자 이내로 줄여 주세요(지금 101자)." in korean
    assert search(client, "x" * 100).context["form"].is_valid()


def test_every_search_box_allows_what_the_server_accepts(client):
    limit = SearchForm().fields["q"].max_length
    html = search(client, "lunit").content.decode()
    boxes = re.findall(r'<input type="search"[^>]*>', html)
    assert len(boxes) == 2  # the header's and the page's
    assert all(f'maxlength="{limit}"' in box for box in boxes), boxes
