"""Small builders for test records: each makes a valid object and lets a test change one thing."""

import datetime

from companies.models import Company, Deal
from content.models import Source
from seoul.models import District


def source(**fields):
    return Source.objects.get_or_create(
        key=fields.pop("key", "test-source"),
        defaults={
            "title_ko": "보고서",
            "title_en": "Report",
            "publisher_ko": "기관",
            "publisher_en": "Agency",
            **fields,
        },
    )[0]


def district(slug="gangnam", **fields):
    return District.objects.get_or_create(
        slug=slug, defaults={"name_ko": "강남구", "name_en": "Gangnam-gu", **fields}
    )[0]


def company(slug="test-co", **fields):
    values = {
        "name_ko": "테스트",
        "name_en": "Test Co",
        "kind": Company.Kind.STARTUP,
        "district": district(),
        "summary_ko": "요약",
        "summary_en": "Summary",
        "founded_year": 2015,
        **fields,
    }
    return Company.objects.create(slug=slug, **values)


def deal(**fields):
    values = {
        "slug": "test-deal",
        "title_ko": "인수",
        "title_en": "Acquisition",
        "acquirer": fields.pop("acquirer", None)
        or company("buyer", kind=Company.Kind.OVERSEAS, district=None),
        "target": fields.pop("target", None) or company("seller"),
        "year": 2021,
        "summary_ko": "요약",
        "summary_en": "Summary",
        "source": source(),
        **fields,
    }
    return Deal.objects.create(**values)


TODAY = datetime.date(2022, 12, 31)
