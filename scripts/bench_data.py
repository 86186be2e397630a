"""Add N synthetic published companies (sectors, a district, a highlight each) for `make bench SCALE=N`.

Only for the benchmark's throwaway database: names say "Synthetic", and nothing here is a fact.
Usage: DATABASE_URL=… python scripts/bench_data.py N
"""

import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup()

from companies.models import Company, CompanyHighlight, Sector  # noqa: E402
from seoul.models import District  # noqa: E402

BATCH = 1000


def add_companies(count):
    districts = list(District.objects.all())
    sectors = list(Sector.objects.all())
    kinds = [Company.Kind.STARTUP, Company.Kind.GLOBAL_BRANCH, Company.Kind.DOMESTIC_LEADER]
    for start in range(0, count, BATCH):
        companies = Company.objects.bulk_create(
            Company(
                slug=f"synthetic-{n}",
                name_ko=f"합성 기업 {n}",
                name_en=f"Synthetic company {n}",
                kind=kinds[n % len(kinds)],
                district=districts[n % len(districts)],
                summary_ko=f"벤치마크용 합성 기업 {n}: 인공지능 영상 분석",
                summary_en=f"Synthetic company {n} for the benchmark: AI image analysis",
                founded_year=2000 + n % 22,
                is_published=True,
            )
            for n in range(start, min(start + BATCH, count))
        )
        Company.sectors.through.objects.bulk_create(
            Company.sectors.through(company_id=company.pk, sector_id=sectors[i % len(sectors)].pk)
            for i, company in enumerate(companies)
        )
        CompanyHighlight.objects.bulk_create(
            CompanyHighlight(
                company=company, year=2021, text_ko="합성 하이라이트", text_en="Synthetic highlight"
            )
            for company in companies
        )


if __name__ == "__main__":
    add_companies(int(sys.argv[1]))
    print(f"Added {sys.argv[1]} synthetic companies.")
